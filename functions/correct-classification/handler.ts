// PUT /cases/{id}/classification — an agent corrects the classifier; the correction is kept.
import { wire } from '../../shared/adapters/wiring.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { CasePath, CorrectionBody } from '../../shared/http/api-schemas.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { agentView, loadCaseFor } from '../../shared/use-cases/case-access.ts';
import { correctClassificationUseCase } from '../../shared/use-cases/correct-classification.ts';
import { FUNCTIONS } from '../system.ts';

const spec = FUNCTIONS.correctClassification;
const wired = wire(spec);
const deps = { store: wired.caseStore(), queues: wired.workQueues(), clock: wired.clock };

export const handler = httpFunction(
  spec,
  {
    'PUT /cases/{id}/classification': async (request) => {
      const { id } = CasePath.parse(request.pathParameters);
      const { caller } = request;
      if (caller.kind !== 'agent') throw new ForbiddenError('This route is for agents only');
      const current = await loadCaseFor(deps.store, caller, id);
      const body = parseBody(request, CorrectionBody);
      const c = await correctClassificationUseCase(deps, caller, current, body);
      return { statusCode: 200, body: agentView(c) };
    },
  },
  wired.callers(),
);
