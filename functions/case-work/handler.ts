// Agents work a case: take or assign, note, reply, escalate, resolve, close, reopen, link a
// defect. Thin: parse, call the use case, answer in the agent's view.

import type { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { ForbiddenError } from '../../shared/domain/errors.ts';
import { caseActionRoute } from '../../shared/http/case-action.ts';
import { functionLogger, httpFunction } from '../../shared/http/http-function.ts';
import {
  DefectBody,
  EscalateBody,
  NoteBody,
  ReasonBody,
  ReplyBody,
  ResolveBody,
  TakeBody,
} from '../../shared/http/ladder-schemas.ts';
import type { ActRequest, ActResult } from '../../shared/use-cases/act-on-case.ts';
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

/** The declaration lets only agents call these routes; the use cases want the agent. */
function asAgent(request: ActRequest): AgentRequest {
  const { caller } = request;
  if (caller.kind !== 'agent') throw new ForbiddenError('This route is for agents only');
  return { ...request, caller };
}

const agentRoute = <S extends z.ZodType>(
  schema: S,
  run: (d: typeof deps, request: AgentRequest, body: z.output<S>) => Promise<ActResult>,
) => caseActionRoute(deps, schema, (d, request, body) => run(d, asAgent(request), body));

export const handler = httpFunction(
  spec,
  {
    'POST /cases/{id}/assignment': agentRoute(TakeBody, takeCaseUseCase),
    'POST /cases/{id}/notes': agentRoute(NoteBody, addNoteUseCase),
    'POST /cases/{id}/replies': agentRoute(ReplyBody, replyUseCase),
    'POST /cases/{id}/escalations': agentRoute(EscalateBody, escalateUseCase),
    'POST /cases/{id}/resolution': agentRoute(ResolveBody, resolveUseCase),
    'POST /cases/{id}/closure': agentRoute(ReasonBody, closeUseCase),
    'POST /cases/{id}/reopening': agentRoute(ReasonBody, reopenUseCase),
    'PUT /cases/{id}/defect': agentRoute(DefectBody, linkDefectUseCase),
  },
  wired.callers(),
);
