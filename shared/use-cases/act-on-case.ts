/**
 * Act on a case (every agent and customer operation after intake).
 *
 * Input: who calls (already resolved from the credential), the case id, the action (a pure
 * transition of shared/domain/case-lifecycle.ts) and, when the client sent one, its
 * Idempotency-Key with a hash of the request.
 * Output: the case as it now stands, and whether this was a replay of a request already done.
 * Primary course:
 *  1. Load the case for the caller: a customer needs a token of this case; an agent one of the
 *     case's levels (the ticket desk, level 1, owns every case).
 *  2. Apply the transition. A status that forbids it is an InvalidTransitionError (409 naming
 *     the status); an action that already took effect answers the case as it is (no second
 *     effect, no 409 for an honest retry).
 *  3. Write the case and its history events in one transaction, conditional on the version
 *     read. When someone else changed the case meanwhile, read it again and apply the action
 *     anew (two agents acting at once both keep their change; an action the other one made
 *     impossible is then a 409).
 *  4. Put the work the events call for (mail, a hand-off) on the queue of the level that does
 *     it. The work is also recorded on the case (pendingEffects): if this step fails, the
 *     minute sweep queues it again, so the caller gets its answer and nothing is lost.
 */
import { ulid } from 'ulid';
import type { Caller } from '../domain/caller.ts';
import type { Actor } from '../domain/case-history.ts';
import type { Stamp, Transition } from '../domain/case-lifecycle.ts';
import { CaseNotFoundError, ConcurrentUpdateError, IdempotencyKeyReusedError } from '../domain/errors.ts';
import type { SupportCase } from '../domain/support-case.ts';
import { loadCaseFor } from './case-access.ts';
import type { CallbackSlots, CaseStore, Clock, WorkQueues } from './ports.ts';

export type ActDeps = {
  store: CaseStore;
  queues: WorkQueues;
  clock: Clock;
  /** Frees a called-off callback's place in its window (level 2's capacity). */
  slots?: CallbackSlots;
  /** Logs a queue send that failed (the sweep repairs it); a handler passes its logger. */
  warn?: (message: string, details: Record<string, unknown>) => void;
};

export type ActRequest = {
  caller: Caller;
  caseId: string;
  idempotency?: { key: string; requestHash: string };
  /**
   * The case as already loaded for this caller (authorizeCaseAction): the first attempt uses
   * it, so who may touch the case is settled before the body is read, with one read.
   */
  loaded?: SupportCase;
};

/** Settles who may act on the case before anything of the request is read. */
export async function authorizeCaseAction(store: CaseStore, request: ActRequest): Promise<ActRequest> {
  return { ...request, loaded: await loadCaseFor(store, request.caller, request.caseId) };
}

export type ActResult = { case: SupportCase; replayed: boolean };

/** Reads and writes of a case that keeps meeting concurrent changes (then the caller gets a 409). */
const ATTEMPTS = 10;

export async function actOnCase(
  deps: ActDeps,
  request: ActRequest,
  action: (c: SupportCase, stamp: Stamp) => Transition | Promise<Transition>,
): Promise<ActResult> {
  if (request.idempotency) {
    // A retry is answered as the first request was, even when the case has moved on since (its
    // action may no longer be allowed now); the key with another request is refused.
    const seen = await deps.store.actionKey(request.caseId, request.idempotency.key);
    if (seen && seen.requestHash !== request.idempotency.requestHash) throw new IdempotencyKeyReusedError();
    if (seen) {
      const c = await loadCaseFor(deps.store, request.caller, request.caseId);
      return { case: c, replayed: true };
    }
  }
  for (let attempt = 1; ; attempt++) {
    const current =
      attempt === 1 && request.loaded
        ? request.loaded
        : await loadCaseFor(deps.store, request.caller, request.caseId);
    const stamp: Stamp = {
      at: deps.clock(),
      eventId: ulid(deps.clock().getTime()),
      actor: actorOf(request.caller),
    };
    const transition = await action(current, stamp);
    if (transition.kind === 'unchanged') return { case: current, replayed: true };
    if (transition.kind === 'appended') {
      const written = await deps.store.appendEvents(transition.events, {
        ...(request.idempotency ? { idempotency: request.idempotency, caseId: request.caseId } : {}),
      });
      return { case: current, replayed: written === 'replayed' };
    }
    try {
      const written = transition.followUp
        ? (await deps.store.addFollowUp(transition.case, transition.followUp, transition.events)) === 'added'
          ? 'committed'
          : 'replayed'
        : await deps.store.commit(transition.case, transition.events, {
            ...(request.idempotency ? { idempotency: request.idempotency } : {}),
          });
      if (written === 'replayed') {
        const stored = await deps.store.get(request.caseId);
        if (!stored) throw new CaseNotFoundError(request.caseId);
        return { case: stored, replayed: true };
      }
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= ATTEMPTS) throw error;
      // Full jitter, capped: writers that met once spread out instead of meeting again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * 2 ** attempt)));
      continue;
    }
    await queueEffects(deps, transition.case, new Set(transition.events.map((e) => e.id)));
    // A booked call the action called off (cancelled, resolved, escalated away) frees its place.
    const booked = current.callback?.state === 'booked' ? current.callback : undefined;
    if (booked && transition.case.callback?.state === 'cancelled') await deps.slots?.release(booked.start);
    return { case: transition.case, replayed: false };
  }
}

/** Tells each level's queue of the work these events call for; the sweep repairs a failed send. */
export async function queueEffects(
  deps: Pick<ActDeps, 'queues' | 'warn'>,
  c: SupportCase,
  eventIds: ReadonlySet<string>,
): Promise<void> {
  for (const effect of c.pendingEffects ?? []) {
    if (!eventIds.has(effect.eventId)) continue;
    try {
      await deps.queues.escalate({
        caseId: c.id,
        level: effect.level,
        eventId: effect.eventId,
        reason: 'event',
      });
    } catch (error) {
      deps.warn?.('could not queue the work of an event; the sweep will', {
        caseId: c.id,
        eventId: effect.eventId,
        error: (error as Error).message,
      });
    }
  }
}

export function actorOf(caller: Caller): Actor {
  if (caller.kind === 'agent') return { kind: 'agent', id: caller.subject };
  if (caller.kind === 'customer') return { kind: 'customer' };
  return { kind: 'system', id: 'anonymous' };
}
