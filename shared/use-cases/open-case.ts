/**
 * Open a case (first-level intake).
 *
 * Input: a validated intake record (web form, API or email), an optional idempotency key
 * (HTTP) or Message-ID (email), and browser language hints.
 * Output: the case's id, reference, a customer access token, its status, detected language
 * and the facts still missing — or, for a retried request, the same answer as the first time.
 * Primary course:
 *  1. Classify the draft (pure, sub-millisecond) to know its language and missing facts.
 *  2. Write the case, its reference, its idempotency record / Message-ID in one transaction.
 *  3. Ask the classify queue to classify, acknowledge and route it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { newCustomerToken } from '../domain/access-token.ts';
import type { Classifier } from '../domain/classification/classifier.ts';
import type { LanguageHints } from '../domain/classification/language-detector.ts';
import type { Fact, Intake } from '../domain/intake-record.ts';
import { type CaseSource, type CaseStatus, openCase } from '../domain/support-case.ts';
import type { Language } from '../domain/support-model.ts';
import { type CaseStore, type Clock, ReferenceTakenError, type WorkQueues } from './ports.ts';

export type OpenCaseResult = {
  id: string;
  reference: string;
  /**
   * Only returned on creation and its idempotent replays. The case stores only its hash; the
   * idempotency record keeps the answer itself (so a retry gets the same answer) until its
   * 24-hour TTL (whoever may read the table may read it then, as they may read the case).
   */
  accessToken?: string;
  status: CaseStatus;
  language: Language;
  missingFacts: Fact[];
  replayed: boolean;
};

export type OpenCaseDeps = { store: CaseStore; queues: WorkQueues; classifier: Classifier; clock: Clock };

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const REFERENCE_ATTEMPTS = 4;

export async function openCaseUseCase(
  deps: OpenCaseDeps,
  intake: Intake,
  options: {
    idempotencyKey?: string;
    /** Email: what makes a redelivery the same message (the Message-ID, or the stored key). */
    messageId?: string;
    /** Email: the Message-ID the acknowledgement answers (In-Reply-To), when the mail had one. */
    inboundMessageId?: string;
    /** Where it came from, which the acknowledgement's rate limits count. */
    source?: CaseSource;
    languageHints?: LanguageHints;
  } = {},
): Promise<OpenCaseResult> {
  const draft = deps.classifier.classify({
    ...intake.problem,
    phone: intake.customer.phone,
    language: { form: intake.customer.language, ...options.languageHints },
    // An agent typed a telephone call in: their impact and urgency are taken as stated.
    statedBy: intake.channel === 'phone' ? 'agent' : 'customer',
  });
  const token = newCustomerToken();
  const requestHash = createHash('sha256').update(JSON.stringify(intake)).digest('hex');

  for (let attempt = 1; ; attempt++) {
    const supportCase = openCase({
      id: ulid(deps.clock().getTime()),
      reference: newReference(),
      accessTokenHash: token.hash,
      intake,
      language: intake.customer.language ?? draft.language,
      missingFacts: draft.missingFacts,
      now: deps.clock(),
      ...(options.inboundMessageId ? { inboundMessageId: options.inboundMessageId } : {}),
      ...(options.source ? { source: options.source } : {}),
    });
    try {
      const result = await deps.store.create(supportCase, {
        ...(options.idempotencyKey
          ? {
              idempotency: {
                key: options.idempotencyKey,
                requestHash,
                ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
                response: { accessToken: token.token },
              },
            }
          : {}),
        ...(options.messageId ? { messageId: options.messageId } : {}),
        events: [
          {
            id: ulid(deps.clock().getTime()),
            caseId: supportCase.id,
            type: 'received',
            at: supportCase.createdAt,
            actor: options.source?.signedInAs
              ? { kind: 'agent', id: options.source.signedInAs }
              : { kind: 'customer' },
            visibility: 'public',
            data: { channel: supportCase.channel, missingFacts: supportCase.missingFacts },
          },
        ],
      });
      const c = result.case;
      // A replay of a case that is still 'new' may be the retry of a request whose queue
      // message was never sent: asking again is harmless, the classifier is idempotent.
      if (result.created || c.status === 'new') await deps.queues.requestClassification({ caseId: c.id });
      const accessToken = result.created ? token.token : result.replayedResponse?.accessToken;
      return {
        id: c.id,
        reference: c.reference,
        ...(accessToken ? { accessToken } : {}),
        status: c.status,
        language: c.language,
        missingFacts: c.missingFacts,
        replayed: !result.created,
      };
    } catch (error) {
      if (error instanceof ReferenceTakenError && attempt < REFERENCE_ATTEMPTS) continue;
      throw error;
    }
  }
}

// Crockford base32 without I, L, O, U: readable aloud and in an email subject.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `TD-7K3QX9M`: 35 bits of randomness; a collision is caught by a conditional write. */
export function newReference(): string {
  const bytes = randomBytes(7);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `TD-${out}`;
}
