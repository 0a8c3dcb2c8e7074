/**
 * Correct a classification (agent API).
 *
 * Input: the agent, the case (already loaded for that agent, see case-access.ts), the
 * fields to change and why.
 * Output: the corrected case; the correction (who, when, old and new value) is kept on it.
 * Primary course: apply the correction (the priority follows
 * the matrix again), write it conditionally, and move the case to the new level's queue.
 */
import {
  type ClassificationFields,
  correctClassification,
  type SupportCase,
} from '../domain/support-case.ts';
import { priorityOf, type QueuedLevel } from '../domain/support-model.ts';
import type { AgentCaller } from '../http/caller.ts';
import type { CaseStore, Clock, WorkQueues } from './ports.ts';

export type CorrectionRequest = Partial<ClassificationFields> & { reason: string };

export async function correctClassificationUseCase(
  deps: { store: CaseStore; queues: WorkQueues; clock: Clock },
  agent: AgentCaller,
  current: SupportCase,
  request: CorrectionRequest,
): Promise<SupportCase> {
  const caseId = current.id;
  const { reason, ...change } = request;
  const before = current.classification;
  const impact = change.impact ?? before?.impact ?? 'low';
  const urgency = change.urgency ?? before?.urgency ?? 'low';
  const corrected = correctClassification(
    current,
    change,
    priorityOf(impact, urgency),
    agent.subject,
    reason,
    deps.clock(),
  );
  await deps.store.update(corrected);
  const level = corrected.classification?.level;
  if (level !== undefined && level > 0 && level !== before?.level) {
    await deps.queues.escalate({
      caseId,
      level: level as QueuedLevel,
      reason: `corrected by ${agent.subject}`,
    });
  }
  return corrected;
}
