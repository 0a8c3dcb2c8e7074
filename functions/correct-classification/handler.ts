// PUT /cases/{id}/classification — an agent corrects the classifier; the correction is kept.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { CorrectionBody } from '../../shared/http/api-schemas.ts';
import { actRequestOf, caseAnswer } from '../../shared/http/case-action.ts';
import { functionLogger, httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { correctClassificationUseCase } from '../../shared/use-cases/correct-classification.ts';

const spec = FUNCTIONS.correctClassification;
const wired = wire(spec);
const logger = functionLogger();
const deps = {
  ...wired.caseActions(logger),
};

export const handler = httpFunction(
  spec,
  {
    'PUT /cases/{id}/classification': async (request) => {
      if (request.caller.kind !== 'agent') throw new ForbiddenError('This route is for agents only');
      const act = await actRequestOf(request, deps.store);
      return caseAnswer(
        request,
        await correctClassificationUseCase(deps, act, parseBody(request, CorrectionBody)),
      );
    },
  },
  wired.callers(),
);
