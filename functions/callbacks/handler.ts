// Level 2 callbacks: the free windows, booking or moving one, the technician's outcome.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { actRequestOf, caseAnswer } from '../../shared/http/case-action.ts';
import { functionLogger, httpFunction, parseBody } from '../../shared/http/http-function.ts';
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
    'PUT /cases/{id}/callback': async (request) =>
      caseAnswer(
        request,
        await bookCallbackUseCase(
          deps,
          await actRequestOf(request, deps.store),
          parseBody(request, BookCallbackBody),
        ),
      ),
    'POST /cases/{id}/callback-outcome': async (request) => {
      if (request.caller.kind !== 'agent') throw new ForbiddenError('This route is for agents only');
      return caseAnswer(
        request,
        await recordCallbackOutcomeUseCase(
          deps,
          await actRequestOf(request, deps.store),
          parseBody(request, CallbackOutcomeBody),
        ),
      );
    },
  },
  wired.callers(),
);
