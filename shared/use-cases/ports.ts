// The small interfaces use cases depend on. Entry points wire the real adapters
// (shared/adapters) once at module scope; pure tests pass in-memory fakes.
import type { CaseEvent } from '../domain/case-history.ts';
import type { RoutingRule } from '../domain/classification/routing-rules.ts';
import type { ActiveStatus, FollowUp, SupportCase } from '../domain/support-case.ts';
import type { QueuedLevel } from '../domain/support-model.ts';

export type IdempotencyClaim = {
  key: string;
  requestHash: string;
  ttlSeconds: number;
  /** What a replay must answer that the case itself does not hold (the access token). */
  response: { accessToken: string };
};

export type CreateResult =
  | { created: true; case: SupportCase }
  | { created: false; case: SupportCase; replayedResponse?: { accessToken: string } };

/** A page of follow-ups; `cursor` is absent after the oldest one. */
export type FollowUpPage = { followUps: FollowUp[]; cursor?: string };

/** A page of history events; `cursor` is absent after the newest one. */
export type HistoryPage = { events: CaseEvent[]; cursor?: string };

/** The short reference is already taken (a 1 in 34 billion chance); pick another. */
export class ReferenceTakenError extends Error {}

/** The mail service refused a message for good: sending it again would fail again. */
export class UndeliverableEmailError extends Error {}

export interface CaseStore {
  /**
   * Writes a new case atomically with its reference and, when given, its idempotency record
   * and email Message-ID. Returns `{ created: false, existing }` when the idempotency key or
   * Message-ID was already used, and throws IdempotencyKeyReusedError when the key was used
   * for a different request.
   */
  create(
    c: SupportCase,
    options?: { idempotency?: IdempotencyClaim; messageId?: string; events?: readonly CaseEvent[] },
  ): Promise<CreateResult>;
  get(id: string): Promise<SupportCase | undefined>;
  /** Writes `next` only if the stored case still has `next.version - 1`. */
  update(next: SupportCase): Promise<void>;
  /**
   * Stores a follow-up, its email Message-ID (when it has one) and `next` in one transaction;
   * `next` is written only over `next.version - 1` (else ConcurrentUpdateError: re-read and
   * try again). 'duplicate' when the Message-ID was already recorded: nothing was written.
   */
  addFollowUp(
    next: SupportCase,
    followUp: FollowUp,
    events?: readonly CaseEvent[],
  ): Promise<'added' | 'duplicate'>;
  /**
   * Writes `next` (only over `next.version - 1`, else ConcurrentUpdateError) with its history
   * events, in one transaction. With an idempotency key, the key is recorded in the same write:
   * 'replayed' when it already was (for the same request: nothing was written; for another
   * request: IdempotencyKeyReusedError).
   */
  commit(
    next: SupportCase,
    events: readonly CaseEvent[],
    options?: { idempotency?: { key: string; requestHash: string } },
  ): Promise<'committed' | 'replayed'>;
  /**
   * Writes history events alone (an internal note): no case write, no version check. With an
   * idempotency key, as `commit`.
   */
  appendEvents(
    events: readonly CaseEvent[],
    options?: { idempotency?: { key: string; requestHash: string }; caseId?: string },
  ): Promise<'committed' | 'replayed'>;
  /** The request hash an action's Idempotency-Key was first used with, while it is remembered. */
  actionKey(caseId: string, key: string): Promise<{ requestHash: string } | undefined>;
  /** The SLA outcomes (clock-stopped, sla-warning, sla-breached events) recorded on a day (yyyy-mm-dd, UTC). */
  listSlaOutcomes(day: string): Promise<CaseEvent[]>;
  /** The classification corrections (reclassified events) recorded on a day (yyyy-mm-dd, UTC). */
  listCorrections(day: string): Promise<CaseEvent[]>;
  /** One event of a case's history (the level workers read the event they are to act on). */
  getEvent(caseId: string, eventId: string): Promise<CaseEvent | undefined>;
  /** A case's history, oldest first; pass the answer's `cursor` for the next page. */
  listHistory(caseId: string, page: { limit: number; cursor?: string }): Promise<HistoryPage>;
  /** A case's follow-ups, newest first; pass the answer's `cursor` for the next older page. */
  listFollowUps(caseId: string, page: { limit: number; cursor?: string }): Promise<FollowUpPage>;
  findByReference(reference: string): Promise<SupportCase | undefined>;
  listByCustomer(email: string, limit: number): Promise<SupportCase[]>;
  /** A level's active cases, P1 first then oldest, optionally of one status; cursor paging. */
  listLevelQueue(
    level: QueuedLevel,
    page: { limit: number; status?: ActiveStatus; cursor?: string },
  ): Promise<{ cases: SupportCase[]; cursor?: string }>;
  /** Cases whose next due instant is at or before `now` (ISO), across every due shard. */
  listDue(now: string, limit: number): Promise<SupportCase[]>;
  /** Cases still 'new' that were created before `createdBefore` (ISO), oldest first. */
  listUnclassified(createdBefore: string, limit: number): Promise<SupportCase[]>;
  /** Probes the store for the health check. */
  ping(): Promise<void>;
}

/** A routing rule a lead added from a correction (POST /routing-rules), and where it came from. */
export type LearnedRule = { rule: RoutingRule; createdAt: string; createdBy: string; fromCase?: string };

/** The learned routing rules: one small set, read whole. */
export interface RoutingRuleStore {
  /** Every learned rule, ordered by id. */
  listLearned(): Promise<LearnedRule[]>;
  /** Adds a rule unless one of its id is stored (then false: nothing was written). */
  addLearned(rule: LearnedRule): Promise<boolean>;
  /** Retires (deletes) a learned rule and answers what it was; undefined when there was none of that id. */
  removeLearned(id: string): Promise<LearnedRule | undefined>;
}

export type ClassifyMessage = { caseId: string };
/**
 * Work for a level: the case arrived there (`eventId` absent: it was classified or handed over
 * to the level), or an event of its history calls for the level's work (mail to send, a
 * hand-off to do).
 */
export type EscalationMessage = { caseId: string; level: QueuedLevel; reason: string; eventId?: string };

export interface WorkQueues {
  requestClassification(message: ClassifyMessage): Promise<void>;
  escalate(message: EscalationMessage): Promise<void>;
}

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Threading: replies carry the case reference back to email intake. */
  replyTo?: string;
  /**
   * RFC 3834: an answer to a message ('auto-replied', the acknowledgement) or mail of the
   * desk's own ('auto-generated'). Every mail carries it, so other robots do not answer.
   */
  autoSubmitted: 'auto-replied' | 'auto-generated';
  /** The Message-IDs this mail answers (In-Reply-To: the last; References: all). */
  inReplyTo?: readonly string[];
  attachments?: readonly MailAttachment[];
};

/** A file sent with a mail (the callback's iCalendar invite). */
export type MailAttachment = { filename: string; contentType: string; content: string };

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export type Suppression = { address: string; reason: string; at: string };
export type AddressRecord = {
  address: string;
  /** When and how the desk saw that mail to this address reaches its owner. */
  verified?: { at: string; how: 'link' | 'reply' | 'authenticated-mail' };
  suppressed?: Suppression;
  /**
   * Its owner said a case naming it was not theirs: no mail goes there for cases strangers
   * open, until the owner confirms one themselves (which lifts it).
   */
  disowned?: { at: string; reference: string };
};

/** What the desk knows about the addresses it writes to. */
export interface Recipients {
  get(address: string): Promise<AddressRecord | undefined>;
  /** Marks the address verified; a confirmation by its owner's link also lifts `disowned`. */
  markVerified(address: string, how: NonNullable<AddressRecord['verified']>['how'], at: Date): Promise<void>;
  /** Its owner said they did not open the case `reference`. */
  disown(address: string, reference: string, at: Date): Promise<void>;
  /**
   * A hard bounce or a complaint: nothing is sent there again. Lifting it is a person's
   * decision, made on the table item (no route does it yet).
   */
  suppress(suppression: Suppression): Promise<void>;
  /**
   * Counts one send against `limit` in the current window (a conditional counter with TTL);
   * false when the limit is reached, and then nothing is counted.
   */
  takeSendSlot(scope: string, subject: string, limit: SendLimit, now: Date): Promise<boolean>;
}

export type SendLimit = { max: number; windowMinutes: number };

export interface RawMailStore {
  read(key: string): Promise<Buffer>;
}

export type MailRejection = { rawKey: string; reason: string; at: string; messageId?: string; from?: string };

/** Inbound mail that opened no case, kept with its reason so nothing vanishes silently. */
export interface MailRejections {
  record(rejection: MailRejection): Promise<void>;
  listOn(day: string): Promise<MailRejection[]>;
}

/**
 * Every email the ladder sends goes out once: a conditional write claims (case, event, recipient)
 * before the send and marks it sent after, so a redelivered or concurrently processed message
 * sends nothing twice. A claim whose worker died is taken over after a while.
 */
export interface MailLedger {
  /** 'claimed': send it now. 'sent': it went out before. 'busy': another worker is sending it. */
  claim(key: MailKey, now: Date): Promise<'claimed' | 'sent' | 'busy'>;
  /** Records the send and its history event, in one write. */
  markSent(key: MailKey, event: CaseEvent): Promise<void>;
  /** Gives the claim back after a failed send: the retry may claim it again. */
  release(key: MailKey): Promise<void>;
}
export type MailKey = { caseId: string; eventId: string; recipient: string };

/** Level 2's booked windows: each window takes at most `capacity` calls (the technicians on duty). */
export interface CallbackSlots {
  /** How many calls are booked in each window starting in [from, to). */
  booked(from: string, to: string): Promise<Map<string, number>>;
  /** Takes one place in the window; false when it is full. */
  take(start: string, capacity: number): Promise<boolean>;
  release(start: string): Promise<void>;
}

export type Clock = () => Date;
