/**
 * Classify, acknowledge and route a new case (the classify queue's consumer).
 *
 * Input: a case id from the classify queue.
 * Output: nothing; the case is classified, the customer acknowledged, the level's queue told.
 * Primary course:
 *  1. Classify the case and store the verdict (conditional on the version we read).
 *  2. Acknowledge it in the customer's language, exactly once (acknowledge-case.ts: claimed
 *     by a conditional write before the send, so racing workers send one email).
 *  3. Escalate levels 1–4 to their queue.
 * Every step checks what is already done, so a redelivered message repeats nothing: no second
 * classification, no second email. The one window left — a worker that dies after SES took the
 * mail and before it is marked sent — resends once the claim is stale, rather than lose it.
 */

import { ulid } from 'ulid';
import { CLASSIFIER_VERSION, type Classifier } from '../domain/classification/classifier.ts';
import { ConcurrentUpdateError } from '../domain/errors.ts';
import { acknowledgementClaimable, type Classification, classify, isActive } from '../domain/support-case.ts';
import type { QueuedLevel } from '../domain/support-model.ts';
import { type AcknowledgeDeps, acknowledgeCase } from './acknowledge-case.ts';
import type { ClassifierSource } from './learned-classifier.ts';
import type { WorkQueues } from './ports.ts';

export type ClassifyCaseDeps = AcknowledgeDeps & {
  queues: WorkQueues;
  /** A classifier, or a source of the current one (learned rules: learned-classifier.ts). */
  classifier: Classifier | ClassifierSource;
};

export type ClassifyOutcome = 'classified' | 'already-classified' | 'case-missing';

export async function classifyCaseUseCase(deps: ClassifyCaseDeps, caseId: string): Promise<ClassifyOutcome> {
  let c = await deps.store.get(caseId);
  if (!c) return 'case-missing';
  const outcome: ClassifyOutcome = c.status === 'new' ? 'classified' : 'already-classified';

  if (c.status === 'new') {
    const classifier = 'current' in deps.classifier ? await deps.classifier.current() : deps.classifier;
    const verdict = classifier.classify({
      ...c.problem,
      phone: c.customer.phone,
      // Intake already settled the language, with the browser's hints that only it had.
      language: { form: c.language },
      statedBy: c.channel === 'phone' ? 'agent' : 'customer',
    });
    const classification: Classification = {
      language: c.language,
      category: verdict.category,
      impact: verdict.impact,
      urgency: verdict.urgency,
      priority: verdict.priority,
      level: verdict.level,
      confidence: verdict.confidence,
      reasons: verdict.reasons,
      articles: verdict.articles,
      classifiedAt: deps.clock().toISOString(),
      classifiedBy: `classifier@${CLASSIFIER_VERSION}`,
      ...(verdict.vendorId ? { vendorId: verdict.vendorId } : {}),
      matched: verdict.matched,
    };
    const classified = { ...classify(c, classification, deps.clock()), missingFacts: verdict.missingFacts };
    try {
      await deps.store.commit(classified, [
        {
          id: ulid(deps.clock().getTime()),
          caseId: c.id,
          type: 'classified',
          at: classification.classifiedAt,
          actor: { kind: 'system', id: classification.classifiedBy },
          visibility: 'internal',
          data: {
            category: classification.category,
            priority: classification.priority,
            level: classification.level,
            confidence: classification.confidence,
            reasons: classification.reasons,
            ...(classification.vendorId ? { vendorId: classification.vendorId } : {}),
          },
        },
      ]);
      c = classified;
    } catch (error) {
      // A racing worker classified it first (or the customer wrote meanwhile): go on from what
      // is stored; the message is retried if the case is still new.
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      c = await deps.store.get(caseId);
      if (!c || c.status === 'new') throw error;
    }
  }

  if (acknowledgementClaimable(c, deps.clock())) c = await acknowledgeCase(deps, c);

  const level = c.classification?.level;
  if (isActive(c.status) && level !== undefined && level > 0 && c.queuedLevel !== level) {
    await deps.queues.escalate({ caseId: c.id, level: level as QueuedLevel, reason: 'classified' });
  }
  return outcome;
}
