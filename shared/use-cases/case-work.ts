/**
 * What agents do with a case (the agent API): take or assign it, note, reply, escalate,
 * resolve, close, reopen, link a defect. Each is an action on the case (act-on-case.ts): the
 * lifecycle decides whether the status allows it, the store writes it with its history event,
 * the level's worker does the mail it calls for.
 */

import type { AgentCaller } from '../domain/caller.ts';
import {
  addNote,
  closeCase,
  escalateCase,
  linkDefect,
  reopenCase,
  replyToCustomer,
  resolveCase,
  takeCase,
} from '../domain/case-lifecycle.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { QueuedLevel } from '../domain/support-model.ts';
import { type ActDeps, type ActRequest, type ActResult, actOnCase } from './act-on-case.ts';

export type AgentRequest = ActRequest & { caller: AgentCaller };

/** Taking a case for oneself is every agent's; assigning it to someone else is a lead's. */
export async function takeCaseUseCase(
  deps: ActDeps,
  request: AgentRequest,
  body: { assignee?: string },
): Promise<ActResult> {
  const assignee = body.assignee ?? request.caller.subject;
  const lead = request.caller.roles.includes('lead') || request.caller.roles.includes('admin');
  if (assignee !== request.caller.subject && !lead)
    throw new ForbiddenError('Only a lead assigns a case to someone else; take it for yourself instead');
  return actOnCase(deps, request, (c, stamp) => takeCase(c, assignee, stamp));
}

export const addNoteUseCase = (deps: ActDeps, request: AgentRequest, body: { text: string }) =>
  actOnCase(deps, request, (c, stamp) => addNote(c, body.text, stamp));

export const replyUseCase = (
  deps: ActDeps,
  request: AgentRequest,
  body: { text: string; waitForCustomer: boolean },
) => actOnCase(deps, request, (c, stamp) => replyToCustomer(c, body, stamp));

export const escalateUseCase = (
  deps: ActDeps,
  request: AgentRequest,
  body: { level: QueuedLevel; reason: string; vendorId?: string },
) => actOnCase(deps, request, (c, stamp) => escalateCase(c, body, stamp));

export const resolveUseCase = (deps: ActDeps, request: AgentRequest, body: { resolution: string }) =>
  actOnCase(deps, request, (c, stamp) => resolveCase(c, body.resolution, stamp));

export const closeUseCase = (deps: ActDeps, request: AgentRequest, body: { reason: string }) =>
  actOnCase(deps, request, (c, stamp) => closeCase(c, body.reason, stamp));

export const reopenUseCase = (deps: ActDeps, request: AgentRequest, body: { reason: string }) =>
  actOnCase(deps, request, (c, stamp) => reopenCase(c, body.reason, stamp));

export const linkDefectUseCase = (
  deps: ActDeps,
  request: AgentRequest,
  body: { reference: string; url?: string },
) => actOnCase(deps, request, (c, stamp) => linkDefect(c, body, stamp));
