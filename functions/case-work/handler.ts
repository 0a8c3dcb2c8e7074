// Agents work a case: take or assign, note, reply, escalate, resolve, close, reopen, link a
// defect. Thin: parse, call the use case, answer in the agent's view.
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { actRequestOf, caseAnswer } from '../../shared/http/case-action.ts';
import {
  functionLogger,
  type HttpRequest,
  httpFunction,
  parseBody,
} from '../../shared/http/http-function.ts';
import {
  DefectBody,
  EscalateBody,
  NoteBody,
  ReasonBody,
  ReplyBody,
  ResolveBody,
  TakeBody,
} from '../../shared/http/ladder-schemas.ts';
import {
  type AgentRequest,
  addNoteUseCase,
  closeUseCase,
  escalateUseCase,
  linkDefectUseCase,
  reopenUseCase,
  replyUseCase,
  resolveUseCase,
  takeCaseUseCase,
} from '../../shared/use-cases/case-work.ts';

const spec = FUNCTIONS.caseWork;
const wired = wire(spec);
const logger = functionLogger();
const deps = {
  ...wired.caseActions(logger),
  slots: wired.callbackSlots(),
};

async function agentRequest(request: HttpRequest): Promise<AgentRequest> {
  const act = await actRequestOf(request, deps.store);
  if (act.caller.kind !== 'agent') throw new ForbiddenError('This route is for agents only');
  return { ...act, caller: act.caller };
}

export const handler = httpFunction(
  spec,
  {
    'POST /cases/{id}/assignment': async (request) =>
      caseAnswer(
        request,
        await takeCaseUseCase(deps, await agentRequest(request), parseBody(request, TakeBody)),
      ),
    'POST /cases/{id}/notes': async (request) =>
      caseAnswer(
        request,
        await addNoteUseCase(deps, await agentRequest(request), parseBody(request, NoteBody)),
      ),
    'POST /cases/{id}/replies': async (request) =>
      caseAnswer(
        request,
        await replyUseCase(deps, await agentRequest(request), parseBody(request, ReplyBody)),
      ),
    'POST /cases/{id}/escalations': async (request) =>
      caseAnswer(
        request,
        await escalateUseCase(deps, await agentRequest(request), parseBody(request, EscalateBody)),
      ),
    'POST /cases/{id}/resolution': async (request) =>
      caseAnswer(
        request,
        await resolveUseCase(deps, await agentRequest(request), parseBody(request, ResolveBody)),
      ),
    'POST /cases/{id}/closure': async (request) =>
      caseAnswer(
        request,
        await closeUseCase(deps, await agentRequest(request), parseBody(request, ReasonBody)),
      ),
    'POST /cases/{id}/reopening': async (request) =>
      caseAnswer(
        request,
        await reopenUseCase(deps, await agentRequest(request), parseBody(request, ReasonBody)),
      ),
    'PUT /cases/{id}/defect': async (request) =>
      caseAnswer(
        request,
        await linkDefectUseCase(deps, await agentRequest(request), parseBody(request, DefectBody)),
      ),
  },
  wired.callers(),
);
