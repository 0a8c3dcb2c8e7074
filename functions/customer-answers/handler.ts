// The customer's answers on the case page: information, the verdict on a resolution, consent
// for the vendor (or an agent recording consent given by telephone), withdrawing the case.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { defaultClassifier } from '../../shared/domain/classification/default-classifier.ts';
import { caseActionRoute } from '../../shared/http/case-action.ts';
import { functionLogger, httpFunction } from '../../shared/http/http-function.ts';
import {
  ConsentBody,
  InformationBody,
  ReasonBody,
  ResolutionAnswerBody,
} from '../../shared/http/ladder-schemas.ts';
import {
  addInformationUseCase,
  answerConsentUseCase,
  answerResolutionUseCase,
  cancelCaseUseCase,
} from '../../shared/use-cases/customer-answers.ts';
import { factReader } from '../../shared/use-cases/fact-reader.ts';

const spec = FUNCTIONS.customerAnswers;
const wired = wire(spec);
const logger = functionLogger();
const deps = {
  ...wired.caseActions(logger),
  factsIn: factReader(defaultClassifier()),
  slots: wired.callbackSlots(),
};

export const handler = httpFunction(
  spec,
  {
    'POST /cases/{id}/information': caseActionRoute(deps, InformationBody, addInformationUseCase),
    'POST /cases/{id}/resolution-answer': caseActionRoute(
      deps,
      ResolutionAnswerBody,
      answerResolutionUseCase,
    ),
    'POST /cases/{id}/vendor-consent': caseActionRoute(deps, ConsentBody, answerConsentUseCase),
    'POST /cases/{id}/cancellation': caseActionRoute(deps, ReasonBody, cancelCaseUseCase),
  },
  wired.callers(),
);
