// PUT /cases/{id}/classification — an agent corrects the classifier; the correction is kept.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { CorrectionBody } from '../../shared/http/api-schemas.ts';
import { caseActionRoute } from '../../shared/http/case-action.ts';
import { functionLogger, httpFunction } from '../../shared/http/http-function.ts';
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
    // Agents only: the declaration's access rule refuses any other caller before this runs.
    'PUT /cases/{id}/classification': caseActionRoute(deps, CorrectionBody, correctClassificationUseCase),
  },
  wired.callers(),
);
