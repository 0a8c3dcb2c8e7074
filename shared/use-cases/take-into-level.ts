/**
 * Take an escalated case into a level's queue (the level workers).
 *
 * Input: an escalation message (case id, level, reason).
 * Output: 'taken', or 'already-taken' / 'stale' when there is nothing to do.
 * Primary course: the case must still belong to that level (a later correction may have
 * moved it); record that the level took it, in a conditional write. The queue of a level
 * is then visible to its agents through GET /queues/{level}.
 */
import { takeIntoLevel } from '../domain/support-case.ts';
import type { QueuedLevel } from '../domain/support-model.ts';
import type { CaseStore, Clock } from './ports.ts';

export async function takeIntoLevelUseCase(
  deps: { store: CaseStore; clock: Clock },
  message: { caseId: string; level: QueuedLevel },
): Promise<'taken' | 'already-taken' | 'stale'> {
  const c = await deps.store.get(message.caseId);
  if (!c || c.classification?.level !== message.level || c.status !== 'open') return 'stale';
  if (c.queuedLevel === message.level) return 'already-taken';
  await deps.store.update(takeIntoLevel(c, message.level, deps.clock()));
  return 'taken';
}
