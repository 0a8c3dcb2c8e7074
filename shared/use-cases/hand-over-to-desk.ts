/**
 * Hand a self-help case over to the service desk ("I still need help").
 *
 * Input: the case, already loaded for its customer (case-access.ts), and an optional comment.
 * Output: the case, open at level 1 (the ticket desk).
 * Primary course:
 *  1. self-help → open at level 1 in a conditional write; why is recorded as a correction by
 *     the customer, the comment joins the case as a follow-up.
 *  2. Tell the level-1 escalation queue.
 * Asking twice answers the same case. Until level 1 has taken the case, asking again tells
 * the queue again (its worker takes a case once), so a crash between the write and the
 * message loses nothing. Any other status is an InvalidTransitionError (409). A write that
 * meets a concurrent one is tried once more on the case as it is now.
 */
import { ulid } from 'ulid';
import type { CaseEvent } from '../domain/case-history.ts';
import { CaseNotFoundError, ConcurrentUpdateError } from '../domain/errors.ts';
import {
  type FollowUp,
  handOverToDesk,
  isActive,
  type SupportCase,
  wasHandedOver,
} from '../domain/support-case.ts';
import type { CaseStore, Clock, WorkQueues } from './ports.ts';

export type HandOverDeps = { store: CaseStore; queues: WorkQueues; clock: Clock };

const ASKED_FOR_A_PERSON = 'the customer asked for a person on the case page';

export async function handOverToDeskUseCase(
  deps: HandOverDeps,
  c: SupportCase,
  request: { comment?: string },
): Promise<SupportCase> {
  try {
    return await handOver(deps, c, request);
  } catch (error) {
    // The acknowledgement is marked sent just after it leaves, so a customer quick off the
    // mark can meet that write: read the case again and try once more.
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    const fresh = await deps.store.get(c.id);
    if (!fresh) throw new CaseNotFoundError(c.id);
    return handOver(deps, fresh, request);
  }
}

async function handOver(
  deps: HandOverDeps,
  c: SupportCase,
  request: { comment?: string },
): Promise<SupportCase> {
  if (isActive(c.status) && wasHandedOver(c)) {
    await queueHandOver(deps.queues, c);
    return c;
  }
  const now = deps.clock();
  const comment = request.comment?.trim();
  const followUp: FollowUp | undefined = comment
    ? { at: now.toISOString(), channel: 'web', from: c.customer.email, text: comment }
    : undefined;
  const handedOver = handOverToDesk(c, ASKED_FOR_A_PERSON, now, followUp);
  const event: CaseEvent = {
    id: ulid(now.getTime()),
    caseId: c.id,
    type: 'handed-over',
    at: now.toISOString(),
    actor: { kind: 'customer' },
    visibility: 'public',
    data: {
      fromLevel: 0,
      level: 1,
      fromStatus: c.status,
      toStatus: handedOver.status,
      ...(comment ? { text: comment } : {}),
    },
  };
  // The comment, the hand-over and its event are one write: none is kept without the others.
  if (followUp) await deps.store.addFollowUp(handedOver, followUp, [event]);
  else await deps.store.commit(handedOver, [event]);
  await queueHandOver(deps.queues, handedOver);
  return handedOver;
}

/**
 * Tells the level-1 queue about a case the customer handed over, unless a level has already
 * taken it or an agent has since moved it elsewhere.
 */
export async function queueHandOver(queues: WorkQueues, c: SupportCase): Promise<void> {
  if (c.status !== 'open' || c.classification?.level !== 1 || c.queuedLevel === 1) return;
  await queues.escalate({ caseId: c.id, level: 1, reason: 'handed over by the customer' });
}
