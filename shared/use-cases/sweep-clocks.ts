/**
 * The minute sweep (EventBridge schedule → sla-timer).
 *
 * Input: the time of the tick (the Scheduled Event's `time`, so any sweep can be replayed).
 * Output: what the sweep did, for the log.
 * Primary course:
 *  1. Cases still unclassified two minutes after intake (their queue message was lost, e.g.
 *     the intake function died between writing the case and sending the message) are put
 *     on the classify queue again — classification is idempotent, so this is always safe.
 *  2. Cases with due work — an acknowledgement nobody sent (its messages ended in the DLQ) or
 *     a claim whose worker died — go back on the classify queue, whose worker claims and sends
 *     it; attempts are bounded on the case, after which it is recorded as undeliverable.
 * It reads only what is due (sparse indexes), so its cost grows with the due work, not with
 * the number of open cases.
 */
import type { CaseStore, WorkQueues } from './ports.ts';

export const STUCK_AFTER_MS = 2 * 60_000;
const PAGE = 100;

export async function sweepClocksUseCase(deps: { store: CaseStore; queues: WorkQueues }, now: Date) {
  const stuck = await deps.store.listUnclassified(
    new Date(now.getTime() - STUCK_AFTER_MS).toISOString(),
    PAGE,
  );
  for (const c of stuck) await deps.queues.requestClassification({ caseId: c.id });
  // Today all due work is an acknowledgement, which the classify worker claims and sends.
  const due = await deps.store.listDue(now.toISOString(), PAGE);
  for (const c of due) await deps.queues.requestClassification({ caseId: c.id });
  return { requeuedUnclassified: stuck.length, requeuedAcknowledgements: due.length };
}
