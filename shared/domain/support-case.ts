// The support case and its lifecycle. Every change returns a new case with `version` + 1;
// the repository writes it only if the stored version is still the one we read
// (optimistic concurrency), so two workers can never overwrite each other.

import { DESK_POLICY } from '../config/this-deployment.ts';
import { InvalidTransitionError } from './errors.ts';
import type { AttachmentRef, Customer, Fact, Intake, Problem } from './intake-record.ts';
import { clocksDueAt, type SlaClocks } from './sla-clock.ts';
import type { Category, Channel, Grade, Language, Level, Priority, QueuedLevel } from './support-model.ts';

export const CASE_STATUSES = [
  'new', // recorded, waiting for classification
  'self-help', // level 0: articles suggested, waiting for the customer to confirm
  'open', // in the queue of a level, nobody has taken it yet
  'in-progress', // an agent of the level works on it
  'waiting-on-customer', // the desk asked the customer something (the resolution clock pauses)
  'waiting-on-vendor', // the vendor has the dossier (the vendor's contract clock runs)
  'awaiting-consent', // level 4: the customer has not yet agreed that the vendor gets the case
  'resolved', // a resolution was sent; the case closes by itself unless the customer objects
  'closed',
  'reopened', // resolved or closed, then the problem came back: in its level's queue again
  'deflected', // the customer confirmed that an article solved it
  'cancelled', // withdrawn by the customer or an agent before it was solved
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a level works the case: its queue lists them. */
export const ACTIVE_STATUSES = [
  'open',
  'in-progress',
  'waiting-on-customer',
  'waiting-on-vendor',
  'awaiting-consent',
  'reopened',
] as const satisfies readonly CaseStatus[];
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];

export function isActive(status: CaseStatus): status is ActiveStatus {
  return (ACTIVE_STATUSES as readonly CaseStatus[]).includes(status);
}

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
  /** Level 4: the catalogued vendor that maintains the item the customer named. */
  vendorId?: string;
  /**
   * The classifier's evidence: the signals (`printer`) and deployment rules (`rule:<id>`) that
   * fired, with the words that matched. Kept through an agent's correction (it says what the
   * classifier saw); absent on cases classified before it was recorded.
   */
  matched?: Array<{ rule: string; words: string[] }>;
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
  /** The acknowledgement email: claimed before it is sent, so it goes out once (see below). */
  acknowledgement?: Acknowledgement;
  /** The Message-ID of the email that opened the case: the acknowledgement answers it. */
  inboundMessageId?: string;
  /** Where a web or API request came from (rate limits count it) and, on a desk that takes cases
   * only from signed-in callers, who opened it. */
  source?: CaseSource;
  deflectedArticle?: string;
  /** The level whose queue has taken the case (set by that level's worker). */
  queuedLevel?: Level;
  queuedAt?: string;
  /**
   * How many later messages of the customer (email replies, comments) joined the case. The
   * follow-ups themselves are items of their own (CaseStore.addFollowUp / listFollowUps), so a
   * long thread never grows the case item towards DynamoDB's 400 KB limit.
   */
  followUpCount: number;
  lastFollowUpAt?: string;
  /** The Message-ID of the customer's latest mail: the desk's next mail answers it. */
  lastCustomerMessageId?: string;
  /** The agent working the case (taken or assigned); the ticket desk owns it all the same. */
  assignee?: string;
  /** When the desk first answered (a reply, a booked callback, a resolution): stops the response clock. */
  firstResponseAt?: string;
  resolution?: Resolution;
  callback?: Callback;
  consent?: VendorConsent;
  vendor?: VendorHandOff;
  /** Level 3: the defect or change that tracks the fault in the engineering tracker. */
  defect?: { reference: string; url?: string; linkedAt: string; linkedBy: string };
  /**
   * Work an event calls for that is not done yet (mail to send, a level's hand-off), each on the
   * queue of the level that does it. Written with the event, removed when the work is done; the
   * minute sweep re-queues what stays too long, so no effect is lost with a lost message.
   */
  pendingEffects?: PendingEffect[];
  /**
   * SHA-256 of the tokens in the links of the ladder's mails (a reply, a resolution, a callback
   * or consent request), newest last; the oldest falls off past MAX_LINK_TOKENS, so the case
   * item stays bounded (the link of a mail that old then asks for a newer one).
   */
  linkTokenHashes?: string[];
  /**
   * How often the sweep asked for the classification again (its message was lost or failed);
   * past MAX_CLASSIFY_REQUESTS it gives up (`classifyAbandonedAt`): the dead-letter alarm has
   * the message, a person looks, and the sweep stops sending a poison case every minute.
   */
  classifyRequests?: number;
  classifyAbandonedAt?: string;
  /** The SLA clocks, kept in line with the case by reconcileClocks (sla-clock.ts). */
  clocks?: SlaClocks;
};

export const MAX_LINK_TOKENS = 20;

/** Records the hash of a token a mail's link is about to carry. */
export function withLinkToken(c: SupportCase, tokenHash: string, now: Date): SupportCase {
  const hashes = [...(c.linkTokenHashes ?? []), tokenHash].slice(-MAX_LINK_TOKENS);
  return { ...next(c, now), linkTokenHashes: hashes };
}

export type PendingEffect = {
  eventId: string;
  level: QueuedLevel;
  /** When it was last put on the queue; the sweep queues it again EFFECT_REPAIR_AFTER_MS later. */
  since: string;
  /** How often the sweep queued it again; past MAX_EFFECT_REPAIRS it stops, with an event. */
  repairs?: number;
  /**
   * When the sweep stopped queueing it. The work stays on the case: a message replayed from the
   * dead-letter queue (after the outage) still does it, once.
   */
  abandonedAt?: string;
};

export const MAX_EFFECT_REPAIRS = 5;
export const MAX_CLASSIFY_REQUESTS = 5;

export type Resolution = { text: string; at: string; by: string; closesAt: string };

/** Level 2: the window the customer or an agent booked for the technician's call. */
export type Callback = {
  state: 'booked' | 'held' | 'missed' | 'cancelled';
  start: string;
  end: string;
  /** The customer's time zone, for the invite and the mails (the calendar's when unknown). */
  timeZone: string;
  /** Grows with every move: the invite's SEQUENCE, so calendars replace the old one. */
  sequence: number;
  bookedAt: string;
  bookedBy: string;
  /** The event id of the booking: the invite's UID and the reminder's key. */
  bookingEventId: string;
  remindedAt?: string;
};

/** Level 4: whether the customer agreed that the vendor gets their request. */
export type VendorConsent = {
  state: 'asked' | 'given' | 'refused';
  vendorId: string;
  askedAt: string;
  answeredAt?: string;
  /** 'customer', or the agent who recorded consent given on the telephone. */
  answeredBy?: string;
  channel?: 'web' | 'email' | 'phone';
  reason?: string;
};

export type VendorHandOff = {
  vendorId: string;
  contactedAt: string;
  /** SES's id of the dossier mail, for tracing it in SES's events (answers thread by Reply-To). */
  messageId?: string;
  /** The vendor's own ticket reference, read from its reply by the catalogue's pattern. */
  reference?: string;
  lastAnswerAt?: string;
  remindedAt?: string;
  /** When silence becomes a reminder: the vendor's contract response target after contact. */
  answerDueAt: string;
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
  inboundMessageId?: string;
  source?: CaseSource;
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
    ...(input.inboundMessageId ? { inboundMessageId: input.inboundMessageId } : {}),
    ...(input.source ? { source: input.source } : {}),
    corrections: [],
    followUpCount: 0,
  };
}

/** Stores the classifier's verdict and routes the case: level 0 waits for self-help. */
export function classify(c: SupportCase, classification: Classification, now: Date): SupportCase {
  if (c.status !== 'new') throw new InvalidTransitionError(c.status, 'be classified');
  return {
    ...next(c, now),
    classification,
    language: classification.language,
    status: statusAtLevel(classification.level, c),
    acknowledgement: { state: 'pending', attempts: 0, tokenHashes: [] },
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
    // The correction replaces the classifier's reasons it makes stale: a changed level's "level
    // 2: …" is no reason any more, and neither is the priority's when impact or urgency changed.
    reasons: [
      `corrected by ${by}: ${reason}`,
      ...current.reasons.filter((r) => !staleAfter(r, current, change, priority)),
    ],
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
  const status = corrected.level === current.level ? c.status : statusAtLevel(corrected.level, c);
  return {
    ...next(c, now),
    classification: corrected,
    corrections: [...c.corrections, correction],
    status,
    ...(corrected.level === current.level ? {} : { queuedLevel: undefined, assignee: undefined }),
  };
}

/**
 * Where a case lands when it reaches a level: self-help at 0; at 4 it waits for the customer's
 * consent unless they already gave it for this vendor; otherwise the level's queue.
 */
export function statusAtLevel(level: Level, c: Pick<SupportCase, 'consent'>): CaseStatus {
  if (level === 0) return 'self-help';
  if (level === 4) return c.consent?.state === 'given' ? 'waiting-on-vendor' : 'awaiting-consent';
  return 'open';
}

/** Whether a reason of the classification no longer holds once `change` is applied. */
export function staleAfter(
  reason: string,
  current: Classification,
  change: Partial<ClassificationFields>,
  priority: Priority,
): boolean {
  const changed = (field: keyof ClassificationFields) =>
    change[field] !== undefined && change[field] !== current[field];
  return (
    (changed('level') && /^(level \d|not self-help|no article|confidence )/.test(reason)) ||
    (changed('category') && reason.startsWith('category ')) ||
    (changed('impact') && reason.startsWith('impact ')) ||
    (changed('urgency') && reason.startsWith('urgency ')) ||
    (priority !== current.priority && reason.startsWith('priority '))
  );
}

/**
 * A later message of the customer joins the case; a closed case opens again. A reply to a
 * self-help case (or to a deflected one) means the articles were not enough: a person takes
 * over at the ticket desk, as the acknowledgement promised.
 * Returns the changed case only: the caller stores the follow-up with it, in one write
 * (CaseStore.addFollowUp).
 */
export function addFollowUp(c: SupportCase, followUp: FollowUp, now: Date): SupportCase {
  if (c.status === 'self-help' || (c.status === 'deflected' && c.classification?.level === 0)) {
    return toDesk(c, `the customer wrote again (${followUp.channel})`, now, followUp);
  }
  const status = statusAfterCustomerWrote(c);
  return {
    ...next(c, now),
    ...counted(c, followUp),
    status,
    // Back again: the old resolution no longer stands (as when the customer objects).
    ...(status === 'reopened' ? { resolution: undefined } : {}),
    // Only a mail's Message-ID threads the desk's next mail (a page's comment has none of its own).
    ...(followUp.messageId && followUp.channel === 'email'
      ? { lastCustomerMessageId: followUp.messageId }
      : {}),
  };
}

/**
 * What the customer writing again does to the status: a solved, closed or withdrawn case comes
 * back (reopened: the problem is not gone); a case waiting on them goes back to whoever works it.
 */
export function statusAfterCustomerWrote(c: SupportCase): CaseStatus {
  switch (c.status) {
    case 'resolved':
    case 'closed':
    case 'deflected':
    case 'cancelled':
      return 'reopened';
    case 'waiting-on-customer':
      return c.assignee ? 'in-progress' : 'open';
    default:
      return c.status;
  }
}

function counted(c: SupportCase, followUp: FollowUp): Pick<SupportCase, 'followUpCount' | 'lastFollowUpAt'> {
  // Replies that raced may be stored out of order; the latest stays the latest.
  const last = c.lastFollowUpAt && c.lastFollowUpAt > followUp.at ? c.lastFollowUpAt : followUp.at;
  return { followUpCount: c.followUpCount + 1, lastFollowUpAt: last };
}

/** Who a hand-over from self-help is recorded as, in the case's corrections. */
export const CUSTOMER_HAND_OVER = 'customer';

/**
 * The customer of a self-help case asks for a person: the case opens at the ticket desk
 * (level 1), and why is recorded as a correction by the customer, so an agent sees it.
 * A comment of the customer is counted as a follow-up; the caller stores it with the case
 * (CaseStore.addFollowUp).
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
    ...(followUp ? counted(c, followUp) : {}),
  };
}

/** The customer confirms that a knowledge-base article solved the problem. */
export function confirmDeflection(c: SupportCase, articleId: string, now: Date): SupportCase {
  if (c.status !== 'self-help') throw new InvalidTransitionError(c.status, 'be closed as deflected');
  return { ...next(c, now), status: 'deflected', deflectedArticle: articleId };
}

/**
 * Where a request came from, as far as the desk can tell: the caller's IP (web and API), who
 * signed in (a desk that takes cases only from signed-in callers), or that the sender's own
 * domain vouched for the mail that opened it (DMARC passed): then its owner asked, no stranger.
 */
export type CaseSource = { ip?: string; signedInAs?: string; vouchedBy?: 'dmarc' };

/**
 * The acknowledgement email, sent exactly once and never lost (Powertools' idempotency pattern:
 * an in-progress record before the work, completed after it):
 *  - 'pending': written with the classification; nobody is sending it;
 *  - 'claimed': one worker won the conditional write and is sending it; a claim older than
 *    ACK_CLAIM_STALE_MS belongs to a worker that died, and may be claimed again;
 *  - 'sent', 'undeliverable' (SES refused it for good, or every attempt failed) and 'withheld'
 *    (the address is suppressed, or a rate limit is reached) are final: the case is routed all
 *    the same, and an agent sees why.
 * Each claim carries a fresh access token for the email's link; attempts are bounded, so the
 * token hashes are too.
 */
export type Acknowledgement = {
  state: 'pending' | 'claimed' | 'sent' | 'undeliverable' | 'withheld';
  attempts: number;
  /** SHA-256 of the token each attempt's email carried: they prove the mailbox, too. */
  tokenHashes: string[];
  claimedAt?: string;
  sentAt?: string;
  /** Whether it quoted what the caller wrote (only an address the desk has seen verified). */
  quoted?: boolean;
  reason?: string;
};

export const ACK_CLAIM_STALE_MS = 5 * 60_000;
/** Attempts before the acknowledgement is given up as undeliverable (each one is a send). */
export const MAX_ACK_ATTEMPTS = 4;
/** A pending acknowledgement nobody sent by then is re-requested by the sweep. */
export const ACK_REPAIR_AFTER_MS = 2 * 60_000;

/** Whether a worker may claim the acknowledgement now. */
export function acknowledgementClaimable(c: SupportCase, now: Date): boolean {
  const ack = c.acknowledgement;
  if (!ack) return false;
  if (ack.state === 'pending') return true;
  return ack.state === 'claimed' && now.getTime() - Date.parse(ack.claimedAt ?? '') >= ACK_CLAIM_STALE_MS;
}

/** A worker takes the acknowledgement; the store's version check lets only one win. */
export function claimAcknowledgement(c: SupportCase, tokenHash: string, now: Date): SupportCase {
  const ack = c.acknowledgement;
  if (!ack || !acknowledgementClaimable(c, now))
    throw new InvalidTransitionError(ack?.state ?? c.status, 'have its acknowledgement claimed');
  if (ack.attempts >= MAX_ACK_ATTEMPTS)
    return settleAcknowledgement(c, 'undeliverable', now, `gave up after ${ack.attempts} attempts`);
  return {
    ...next(c, now),
    acknowledgement: {
      ...ack,
      state: 'claimed',
      attempts: ack.attempts + 1,
      claimedAt: now.toISOString(),
      tokenHashes: [...ack.tokenHashes, tokenHash],
    },
  };
}

/** A send that failed for now (throttling, a network error): the next attempt may claim it. */
export function releaseAcknowledgement(c: SupportCase, reason: string, now: Date): SupportCase {
  const ack = c.acknowledgement;
  if (ack?.state !== 'claimed') throw new InvalidTransitionError(ack?.state ?? c.status, 'be released');
  return { ...next(c, now), acknowledgement: { ...ack, state: 'pending', reason: reason.slice(0, 500) } };
}

export function markAcknowledged(c: SupportCase, quoted: boolean, now: Date): SupportCase {
  const ack = c.acknowledgement;
  if (ack?.state !== 'claimed') throw new InvalidTransitionError(ack?.state ?? c.status, 'be marked sent');
  const { reason: _previousFailure, ...rest } = ack;
  return {
    ...next(c, now),
    acknowledgement: { ...rest, state: 'sent', sentAt: now.toISOString(), quoted },
  };
}

/** SES refused it for good, or policy withholds it: final, and the case is worked all the same. */
export function settleAcknowledgement(
  c: SupportCase,
  state: 'undeliverable' | 'withheld',
  now: Date,
  reason: string,
): SupportCase {
  const ack = c.acknowledgement ?? { attempts: 0, tokenHashes: [] };
  return { ...next(c, now), acknowledgement: { ...ack, state, reason: reason.slice(0, 500) } };
}

/** Every token hash that opens the case: intake's, each acknowledgement's, each later mail's. */
export function customerTokenHashes(c: SupportCase): string[] {
  return [...c.accessTokenHashes, ...(c.acknowledgement?.tokenHashes ?? []), ...(c.linkTokenHashes ?? [])];
}

/** Work an event called for and nobody finished by then is queued again by the sweep. */
export const EFFECT_REPAIR_AFTER_MS = 2 * 60_000;
/** A case waiting on the customer this long without any change goes back to the desk. */
export const CUSTOMER_SILENCE_MS = DESK_POLICY.customerSilenceDays * 86_400_000;
/** The customer is reminded of a booked callback this long before its window. */
export const CALLBACK_REMINDER_BEFORE_MS = 60 * 60_000;

/**
 * When the sweep must next look at the case, if ever: the earliest of a pending acknowledgement
 * nobody is sending (or a claim whose worker may have died), work an event called for that is
 * not done, a callback's reminder, a vendor's silence past its contract target, and the end of
 * a resolved case's objection window. (SLA clocks will join this instant.)
 */
export function nextDueAt(c: SupportCase): string | undefined {
  const due: number[] = [];
  const ack = c.acknowledgement;
  if (ack?.state === 'pending') due.push(Date.parse(c.updatedAt) + ACK_REPAIR_AFTER_MS);
  if (ack?.state === 'claimed') due.push(Date.parse(ack.claimedAt ?? c.updatedAt) + ACK_CLAIM_STALE_MS);
  for (const effect of c.pendingEffects ?? [])
    if (!effect.abandonedAt) due.push(Date.parse(effect.since) + EFFECT_REPAIR_AFTER_MS);
  if (
    c.callback?.state === 'booked' &&
    !c.callback.remindedAt &&
    isActive(c.status) &&
    c.classification?.level === 2
  )
    due.push(Date.parse(c.callback.start) - CALLBACK_REMINDER_BEFORE_MS);
  if (c.status === 'waiting-on-vendor' && c.vendor && !c.vendor.lastAnswerAt && !c.vendor.remindedAt)
    due.push(Date.parse(c.vendor.answerDueAt));
  if (c.status === 'resolved' && c.resolution) due.push(Date.parse(c.resolution.closesAt));
  if (c.status === 'waiting-on-customer') due.push(Date.parse(c.updatedAt) + CUSTOMER_SILENCE_MS);
  const clocks = clocksDueAt(c);
  if (clocks !== undefined) due.push(clocks);
  const earliest = due.filter(Number.isFinite).sort((a, b) => a - b)[0];
  return earliest === undefined ? undefined : new Date(earliest).toISOString();
}

/** Nobody works the case any more (a resolved case may still come back within its window). */
export function isFinal(status: CaseStatus): boolean {
  return status === 'deflected' || status === 'resolved' || status === 'closed' || status === 'cancelled';
}

function classificationFields(k: Classification): ClassificationCorrection['from'] {
  return { category: k.category, impact: k.impact, urgency: k.urgency, level: k.level, priority: k.priority };
}

export function next(c: SupportCase, now: Date): SupportCase {
  return { ...c, version: c.version + 1, updatedAt: now.toISOString() };
}
