// POST /cases/{id}/escalation — the customer of a self-help case still needs help: the
// ticket desk (level 1) takes over.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { CasePath, EscalationBody } from '../../shared/http/api-schemas.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { customerView, loadCaseFor } from '../../shared/use-cases/case-access.ts';
import { handOverToDeskUseCase } from '../../shared/use-cases/hand-over-to-desk.ts';

const spec = FUNCTIONS.handOverToDesk;
const wired = wire(spec);
const deps = { store: wired.caseStore(), queues: wired.workQueues(), clock: wired.clock };

export const handler = httpFunction(
  spec,
  {
    'POST /cases/{id}/escalation': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      // Who may touch the case is settled before the body is even read.
      const supportCase = await loadCaseFor(deps.store, request.caller, id);
      // The body is optional: a button with nothing to add sends none.
      const body = request.event.body ? parseBody(request, EscalationBody) : {};
      const c = await handOverToDeskUseCase(deps, supportCase, body);
      return { statusCode: 200, body: customerView(c) };
    },
  },
  wired.callers(),
);
