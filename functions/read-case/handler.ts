// GET /cases/{id} — the customer (case token) sees their case, an agent (JWT) sees more.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { publicEvent } from '../../shared/domain/case-history.ts';
import type { SupportCase } from '../../shared/domain/support-case.ts';
import { CasePath } from '../../shared/http/api-schemas.ts';
import type { Caller } from '../../shared/http/caller.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { HistoryQuery } from '../../shared/http/ladder-schemas.ts';
import {
  agentView,
  customerView,
  FOLLOW_UPS_IN_AGENT_VIEW,
  loadCaseFor,
  unconfirmedView,
} from '../../shared/use-cases/case-access.ts';
import { holdsMailedToken } from '../../shared/use-cases/confirm-address.ts';

const spec = FUNCTIONS.readCase;
const wired = wire(spec);
const store = wired.caseStore();
const recipients = wired.recipients();

/**
 * Intake's token belongs to whoever filled in the form: they see what they wrote, and nothing of
 * the address's state. A mailed token belongs to the mailbox: before its owner confirms, they
 * see no caller text, only the question whether they opened the request.
 */
async function viewFor(c: SupportCase, caller: Caller) {
  if (!holdsMailedToken(c, caller)) return customerView(c);
  const address = await recipients.get(c.customer.email);
  return address?.verified ? customerView(c, { addressConfirmed: true }) : unconfirmedView(c);
}

export const handler = httpFunction(
  spec,
  {
    'GET /cases/{id}': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      const c = await loadCaseFor(store, request.caller, id);
      if (request.caller.kind !== 'agent') return { statusCode: 200, body: await viewFor(c, request.caller) };
      const { followUps } = await store.listFollowUps(c.id, { limit: FOLLOW_UPS_IN_AGENT_VIEW });
      return { statusCode: 200, body: agentView(c, followUps) };
    },
    'GET /cases/{id}/history': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      const { limit, cursor } = HistoryQuery.parse(request.query);
      const c = await loadCaseFor(store, request.caller, id);
      // The holder of a mailed link sees nothing of the case before the owner confirms it.
      if (request.caller.kind === 'customer' && (await viewFor(c, request.caller)).addressConfirmed === false)
        return { statusCode: 200, body: { events: [] } };
      const page = await store.listHistory(c.id, { limit, ...(cursor ? { cursor } : {}) });
      const events =
        request.caller.kind === 'agent'
          ? page.events
          : page.events.filter((e) => e.visibility === 'public').map(publicEvent);
      return { statusCode: 200, body: { events, ...(page.cursor ? { cursor: page.cursor } : {}) } };
    },
  },
  wired.callers(),
);
