// Level 2 callbacks: the free windows, booking or moving one, the technician's outcome.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { actRequestOf, caseActionRoute } from '../../shared/http/case-action.ts';
import { functionLogger, httpFunction } from '../../shared/http/http-function.ts';
import { BookCallbackBody, CallbackOutcomeBody } from '../../shared/http/ladder-schemas.ts';
import {
  bookCallbackUseCase,
  listCallbackSlots,
  recordCallbackOutcomeUseCase,
} from '../../shared/use-cases/callbacks.ts';

const spec = FUNCTIONS.callbacks;
const wired = wire(spec);
const logger = functionLogger();
const deps = {
  ...wired.caseActions(logger),
  slots: wired.callbackSlots(),
  recipients: wired.recipients(),
};

export const handler = httpFunction(
  spec,
  {
    'GET /cases/{id}/callback-slots': async (request) => ({
      statusCode: 200,
      body: { slots: await listCallbackSlots(deps, await actRequestOf(request, deps.store)) },
    }),
    'PUT /cases/{id}/callback': caseActionRoute(deps, BookCallbackBody, bookCallbackUseCase),
    // Agents only: the declaration's access rule refuses any other caller before this runs.
    'POST /cases/{id}/callback-outcome': caseActionRoute(
      deps,
      CallbackOutcomeBody,
      recordCallbackOutcomeUseCase,
    ),
  },
  wired.callers(),
);
