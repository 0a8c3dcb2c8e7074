// PUT /cases/{id}/classification — an agent corrects the classifier; the correction is kept.
import { wire } from '../../shared/adapters/wiring.ts';
import { CasePath, CorrectionBody } from '../../shared/http/api-schemas.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { agentView } from '../../shared/use-cases/case-access.ts';
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
      const body = parseBody(request, CorrectionBody);
      if (request.caller.kind !== 'agent') throw new Error('unreachable: the route is for agents');
      const c = await correctClassificationUseCase(deps, request.caller, id, body);
      return { statusCode: 200, body: agentView(c) };
    },
  },
  wired.callers(),
);
