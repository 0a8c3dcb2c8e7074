// The support case and its lifecycle. Every change returns a new case with `version` + 1;
// the repository writes it only if the stored version is still the one we read
// (optimistic concurrency), so two workers can never overwrite each other.
import { InvalidTransitionError } from './errors.ts';
import type { AttachmentRef, Customer, Fact, Intake, Problem } from './intake-record.ts';
import type { Category, Channel, Grade, Language, Level, Priority } from './support-model.ts';

export const CASE_STATUSES = [
  'new', // recorded, waiting for classification
  'self-help', // level 0: articles suggested, waiting for the customer to confirm
  'open', // in the queue of a level
  'deflected', // the customer confirmed that an article solved it
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** An article the classifier found, in the case's language: what the acknowledgement quotes. */
export type ArticleSuggestion = { id: string; title: string; summary: string; score: number };

export type Classification = {
  language: Language;
  category: Category;
  impact: Grade;
  urgency: Grade;
  priority: Priority;
  level: Level;
  /** 0..1: how sure the classifier is of the level; below the threshold a person triages. */
  confidence: number;
  /** Human-readable signals that decided, so an agent sees why. */
  reasons: string[];
  articles: ArticleSuggestion[];
  classifiedAt: string;
  /** `classifier@<version>` or the agent's subject. */
  classifiedBy: string;
};

export type ClassificationFields = Pick<Classification, 'category' | 'impact' | 'urgency' | 'level'>;

export type ClassificationCorrection = {
  at: string;
  by: string;
  reason: string;
  from: ClassificationFields & { priority: Priority };
  to: ClassificationFields & { priority: Priority };
};

export type SupportCase = {
  id: string;
  reference: string;
  status: CaseStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  channel: Channel;
  customer: Customer;
  problem: Problem;
  attachments: AttachmentRef[];
  /**
   * SHA-256 of each access token the customer holds (one from intake, one per
   * acknowledgement email); the tokens themselves are never stored.
   */
  accessTokenHashes: string[];
  language: Language;
  missingFacts: Fact[];
  classification?: Classification;
  corrections: ClassificationCorrection[];
  /**
   * The acknowledgement email: 'pending' is written together with the classification, before
   * sending, and 'sent' after SES accepted it — so a crash resends rather than loses it.
   * 'undeliverable' when SES refused it for good (the address, or the account's sending
   * rights): the case goes on to its level all the same, and an agent sees why.
   */
  acknowledgement?: 'pending' | 'sent' | 'undeliverable';
  acknowledgedAt?: string;
  acknowledgementError?: string;
  deflectedArticle?: string;
  /** The level whose queue has taken the case (set by that level's worker). */
  queuedLevel?: Level;
  queuedAt?: string;
  /** Later emails of the customer about this case. */
  followUps: FollowUp[];
};

export type FollowUp = {
  at: string;
  channel: Channel;
  from: string;
  messageId?: string;
  text: string;
  /** Where the whole message is kept (email: the raw MIME in S3); `text` may be shortened. */
  rawKey?: string;
};

export type NewCaseInput = {
  id: string;
  reference: string;
  accessTokenHash: string;
  intake: Intake;
  language: Language;
  missingFacts: Fact[];
  now: Date;
};

export function openCase(input: NewCaseInput): SupportCase {
  const at = input.now.toISOString();
  return {
    id: input.id,
    reference: input.reference,
    status: 'new',
    version: 1,
    createdAt: at,
    updatedAt: at,
    channel: input.intake.channel,
    customer: input.intake.customer,
    problem: input.intake.problem,
    attachments: input.intake.attachments,
    accessTokenHashes: [input.accessTokenHash],
    language: input.language,
    missingFacts: input.missingFacts,
    corrections: [],
    followUps: [],
  };
}

/** Stores the classifier's verdict and routes the case: level 0 waits for self-help. */
export function classify(c: SupportCase, classification: Classification, now: Date): SupportCase {
  if (c.status !== 'new') throw new InvalidTransitionError(c.status, 'be classified');
  return {
    ...next(c, now),
    classification,
    language: classification.language,
    status: classification.level === 0 ? 'self-help' : 'open',
    acknowledgement: 'pending',
  };
}

/** An agent overrides the classifier; the old value, who and when are kept. */
export function correctClassification(
  c: SupportCase,
  change: Partial<ClassificationFields>,
  priority: Priority,
  by: string,
  reason: string,
  now: Date,
): SupportCase {
  const current = c.classification;
  if (!current || c.status === 'new')
    throw new InvalidTransitionError(c.status, 'be corrected before it is classified');
  if (isFinal(c.status)) throw new InvalidTransitionError(c.status, 'be reclassified');
  const corrected: Classification = {
    ...current,
    ...change,
    priority,
    confidence: 1,
    reasons: [`corrected by ${by}: ${reason}`, ...current.reasons],
    classifiedAt: now.toISOString(),
    classifiedBy: by,
  };
  const correction: ClassificationCorrection = {
    at: now.toISOString(),
    by,
    reason,
    from: classificationFields(current),
    to: classificationFields(corrected),
  };
  const status = corrected.level === 0 ? 'self-help' : 'open';
  return { ...next(c, now), classification: corrected, corrections: [...c.corrections, correction], status };
}

/** The level's worker takes the case into its queue; taking it again changes nothing. */
export function takeIntoLevel(c: SupportCase, level: Level, now: Date): SupportCase {
  return { ...next(c, now), queuedLevel: level, queuedAt: now.toISOString() };
}

/**
 * A later message of the customer joins the case; a closed case opens again. A reply to a
 * self-help case (or to a deflected one) means the articles were not enough: a person takes
 * over at the ticket desk, as the acknowledgement promised.
 */
export function addFollowUp(c: SupportCase, followUp: FollowUp, now: Date): SupportCase {
  if (c.status === 'self-help' || (c.status === 'deflected' && c.classification?.level === 0)) {
    return toDesk(c, `the customer wrote again (${followUp.channel})`, now, followUp);
  }
  const reopened =
    c.status === 'resolved' || c.status === 'deflected' || c.status === 'closed' ? 'open' : c.status;
  return { ...next(c, now), followUps: withFollowUp(c.followUps, followUp), status: reopened };
}

/** Follow-ups kept word for word; older ones keep their start and where the whole text is. */
export const FOLLOW_UPS_IN_FULL = 40;
const SHORTENED_FOLLOW_UP = 280;

/**
 * A case is one DynamoDB item (400 KB at most), and a long thread must not outgrow it: the
 * newest follow-ups stay whole, older ones are shortened (their raw mail stays in S3).
 */
export function withFollowUp(followUps: readonly FollowUp[], followUp: FollowUp): FollowUp[] {
  const all = [...followUps, followUp];
  const firstInFull = all.length - FOLLOW_UPS_IN_FULL;
  return all.map((f, index) =>
    index < firstInFull && f.text.length > SHORTENED_FOLLOW_UP
      ? { ...f, text: `${f.text.slice(0, SHORTENED_FOLLOW_UP)}…` }
      : f,
  );
}

/** Who a hand-over from self-help is recorded as, in the case's corrections. */
export const CUSTOMER_HAND_OVER = 'customer';

/**
 * The customer of a self-help case asks for a person: the case opens at the ticket desk
 * (level 1), and why is recorded as a correction by the customer, so an agent sees it.
 * A comment of the customer joins the case as a follow-up.
 */
export function handOverToDesk(c: SupportCase, why: string, now: Date, comment?: FollowUp): SupportCase {
  if (c.status !== 'self-help')
    throw new InvalidTransitionError(c.status, 'be handed over to the service desk');
  return toDesk(c, why, now, comment);
}

/** Whether the customer handed the case over from self-help to the ticket desk. */
export function wasHandedOver(c: SupportCase): boolean {
  return c.corrections.some((k) => k.by === CUSTOMER_HAND_OVER && k.from.level === 0);
}

function toDesk(c: SupportCase, why: string, now: Date, followUp?: FollowUp): SupportCase {
  const current = c.classification;
  if (!current) throw new InvalidTransitionError(c.status, 'be handed over before it is classified');
  const at = now.toISOString();
  const handedOver: Classification = {
    ...current,
    level: 1,
    // Certain now: the customer said that self-help is not enough.
    confidence: 1,
    reasons: [`handed over to the ticket desk: ${why}`, ...current.reasons],
    classifiedAt: at,
    classifiedBy: CUSTOMER_HAND_OVER,
  };
  const correction: ClassificationCorrection = {
    at,
    by: CUSTOMER_HAND_OVER,
    reason: why,
    from: classificationFields(current),
    to: classificationFields(handedOver),
  };
  return {
    ...next(c, now),
    status: 'open',
    classification: handedOver,
    corrections: [...c.corrections, correction],
    followUps: followUp ? withFollowUp(c.followUps, followUp) : c.followUps,
  };
}

/** The customer confirms that a knowledge-base article solved the problem. */
export function confirmDeflection(c: SupportCase, articleId: string, now: Date): SupportCase {
  if (c.status !== 'self-help') throw new InvalidTransitionError(c.status, 'be closed as deflected');
  return { ...next(c, now), status: 'deflected', deflectedArticle: articleId };
}

/** SES refused the acknowledgement for good; the case is worked all the same. */
export function markAcknowledgementUndeliverable(c: SupportCase, reason: string, now: Date): SupportCase {
  return { ...next(c, now), acknowledgement: 'undeliverable', acknowledgementError: reason.slice(0, 500) };
}

/** The acknowledgement carries a token of its own, so the email alone opens the case. */
export function grantAccessToken(c: SupportCase, tokenHash: string, now: Date): SupportCase {
  return { ...next(c, now), accessTokenHashes: [...c.accessTokenHashes, tokenHash] };
}

export function markAcknowledged(c: SupportCase, now: Date): SupportCase {
  return { ...next(c, now), acknowledgement: 'sent', acknowledgedAt: now.toISOString() };
}

export function isFinal(status: CaseStatus): boolean {
  return status === 'deflected' || status === 'resolved' || status === 'closed';
}

function classificationFields(k: Classification): ClassificationCorrection['from'] {
  return { category: k.category, impact: k.impact, urgency: k.urgency, level: k.level, priority: k.priority };
}

function next(c: SupportCase, now: Date): SupportCase {
  return { ...c, version: c.version + 1, updatedAt: now.toISOString() };
}
