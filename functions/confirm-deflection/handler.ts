// POST /cases/{id}/deflection — the customer says a suggested article solved it.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { CasePath, DeflectionBody } from '../../shared/http/api-schemas.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { customerView, loadCaseFor } from '../../shared/use-cases/case-access.ts';
import { confirmDeflectionUseCase } from '../../shared/use-cases/confirm-deflection.ts';

const spec = FUNCTIONS.confirmDeflection;
const wired = wire(spec);
const deps = { store: wired.caseStore(), clock: wired.clock };

export const handler = httpFunction(
  spec,
  {
    'POST /cases/{id}/deflection': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      // Who may touch the case is settled before the body is even read.
      const supportCase = await loadCaseFor(deps.store, request.caller, id);
      const { articleId } = parseBody(request, DeflectionBody);
      const c = await confirmDeflectionUseCase(deps, supportCase, articleId);
      return { statusCode: 200, body: customerView(c) };
    },
  },
  wired.callers(),
);
