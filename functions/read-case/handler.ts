// GET /cases/{id} — the customer (case token) sees their case, an agent (JWT) sees more.
import { wire } from '../../shared/adapters/wiring.ts';
import { CasePath } from '../../shared/http/api-schemas.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { agentView, customerView, loadCaseFor } from '../../shared/use-cases/case-access.ts';
import { FUNCTIONS } from '../system.ts';

const spec = FUNCTIONS.readCase;
const wired = wire(spec);
const store = wired.caseStore();

export const handler = httpFunction(
  spec,
  {
    'GET /cases/{id}': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      const c = await loadCaseFor(store, request.caller, id);
      return { statusCode: 200, body: request.caller.kind === 'agent' ? agentView(c) : customerView(c) };
    },
  },
  wired.callers(),
);
