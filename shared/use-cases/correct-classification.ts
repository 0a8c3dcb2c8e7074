/**
 * Correct a classification (agent API).
 *
 * Input: the agent, the case (already loaded for that agent, see case-access.ts), the
 * fields to change and why.
 * Output: the corrected case; the correction (who, when, old and new value) is kept on it.
 * Primary course: apply the correction (the priority follows the matrix again; the reasons it
 * makes stale are replaced), write it with its history event, and — when the level changed —
 * the new level's worker takes the case and does its hand-off. The same correction sent again
 * is not recorded twice.
 */
import { reclassify } from '../domain/case-lifecycle.ts';
import type { ClassificationFields } from '../domain/support-case.ts';
import { priorityOf } from '../domain/support-model.ts';
import { type ActDeps, type ActRequest, type ActResult, actOnCase } from './act-on-case.ts';

export type CorrectionRequest = Partial<ClassificationFields> & { reason: string };

export async function correctClassificationUseCase(
  deps: ActDeps,
  request: ActRequest,
  body: CorrectionRequest,
): Promise<ActResult> {
  const { reason, ...change } = body;
  return actOnCase(deps, request, (c, stamp) => {
    const before = c.classification;
    const impact = change.impact ?? before?.impact ?? 'low';
    const urgency = change.urgency ?? before?.urgency ?? 'low';
    return reclassify(c, change, priorityOf(impact, urgency), reason, stamp);
  });
}
