// GET /cases/{id} — the customer (case token) sees their case, an agent (JWT) sees more.
import { wire } from '../../shared/adapters/wiring.ts';
import { CasePath } from '../../shared/http/api-schemas.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import {
  agentView,
  customerView,
  FOLLOW_UPS_IN_AGENT_VIEW,
  loadCaseFor,
} from '../../shared/use-cases/case-access.ts';
import { FUNCTIONS } from '../system.ts';

const spec = FUNCTIONS.readCase;
const wired = wire(spec);
const store = wired.caseStore();
const recipients = wired.recipients();

export const handler = httpFunction(
  spec,
  {
    'GET /cases/{id}': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      const c = await loadCaseFor(store, request.caller, id);
      if (request.caller.kind !== 'agent') {
        const address = await recipients.get(c.customer.email);
        return {
          statusCode: 200,
          body: customerView(c, { addressConfirmed: address?.verified !== undefined }),
        };
      }
      const { followUps } = await store.listFollowUps(c.id, { limit: FOLLOW_UPS_IN_AGENT_VIEW });
      return { statusCode: 200, body: agentView(c, followUps) };
    },
  },
  wired.callers(),
);
