/**
 * Classify, acknowledge and route a new case (the classify queue's consumer).
 *
 * Input: a case id from the classify queue.
 * Output: nothing; the case is classified, the customer acknowledged, the level's queue told.
 * Primary course:
 *  1. Classify the case and store the verdict (conditional on the version we read).
 *  2. Send the acknowledgement in the customer's language, with a fresh access token in a
 *     link to the case page; mark it sent. A self-help case lists its articles with their
 *     summaries, and the case page is where the customer reads them, confirms or asks for a
 *     person.
 *  3. Escalate levels 1–4 to their queue.
 * Every step checks what is already done, so a redelivered message repeats nothing:
 * no second classification, no second email (a crash between sending and marking it sent
 * is the one window in which a retry would send it again — never lose it).
 */

import { newCustomerToken } from '../domain/access-token.ts';
import { composeAcknowledgement } from '../domain/acknowledgement.ts';
import { CLASSIFIER_VERSION, type Classifier } from '../domain/classification/classifier.ts';
import { DEFAULT_SLA_TARGETS } from '../domain/sla-policy.ts';
import {
  type Classification,
  classify,
  grantAccessToken,
  markAcknowledged,
  markAcknowledgementUndeliverable,
  type SupportCase,
} from '../domain/support-case.ts';
import type { QueuedLevel } from '../domain/support-model.ts';
import { messagesFor } from '../i18n/index.ts';
import {
  type CaseStore,
  type Clock,
  type Mailer,
  UndeliverableEmailError,
  type WorkQueues,
} from './ports.ts';

export type ClassifyCaseDeps = {
  store: CaseStore;
  queues: WorkQueues;
  mailer: Mailer;
  classifier: Classifier;
  clock: Clock;
  publicBaseUrl: string;
};

export type ClassifyOutcome = 'classified' | 'already-classified' | 'case-missing';

export async function classifyCaseUseCase(deps: ClassifyCaseDeps, caseId: string): Promise<ClassifyOutcome> {
  let c = await deps.store.get(caseId);
  if (!c) return 'case-missing';
  const outcome: ClassifyOutcome = c.status === 'new' ? 'classified' : 'already-classified';

  if (c.status === 'new') {
    const verdict = deps.classifier.classify({
      ...c.problem,
      phone: c.customer.phone,
      // Intake already settled the language, with the browser's hints that only it had.
      language: { form: c.language },
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
    };
    c = { ...classify(c, classification, deps.clock()), missingFacts: verdict.missingFacts };
    await deps.store.update(c);
  }

  if (c.acknowledgement === 'pending') c = await acknowledge(deps, c);

  const level = c.classification?.level;
  if (c.status === 'open' && level !== undefined && level > 0) {
    await deps.queues.escalate({ caseId: c.id, level: level as QueuedLevel, reason: 'classified' });
  }
  return outcome;
}

async function acknowledge(deps: ClassifyCaseDeps, c: SupportCase): Promise<SupportCase> {
  const token = newCustomerToken();
  const withToken = grantAccessToken(c, token.hash, deps.clock());
  await deps.store.update(withToken);
  const priority = withToken.classification?.priority ?? 'P4';
  const language = withToken.language;
  // The case page; the token travels in the URL fragment, which browsers never send to a
  // server or a log — the page's script reads it and calls the API with it.
  const caseUrl = `${deps.publicBaseUrl}/portal/cases/${c.id}?lang=${language}#token=${token.token}`;
  const selfHelp = withToken.classification?.level === 0;
  const email = composeAcknowledgement({
    supportCase: withToken,
    messages: messagesFor(language),
    sla: DEFAULT_SLA_TARGETS[priority],
    caseUrl,
    ...(selfHelp ? { confirmUrl: caseUrl } : {}),
  });
  try {
    await deps.mailer.send({ to: c.customer.email, ...email });
  } catch (error) {
    // Refused for good (an address SES will not take, a sandboxed account): retrying would
    // only stop the case from reaching its level. Record why and go on routing it.
    if (!(error instanceof UndeliverableEmailError)) throw error;
    const undeliverable = markAcknowledgementUndeliverable(withToken, error.message, deps.clock());
    await deps.store.update(undeliverable);
    return undeliverable;
  }
  const sent = markAcknowledged(withToken, deps.clock());
  await deps.store.update(sent);
  return sent;
}
