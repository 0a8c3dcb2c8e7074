// The small interfaces use cases depend on. Entry points wire the real adapters
// (shared/adapters) once at module scope; pure tests pass in-memory fakes.
import type { SupportCase } from '../domain/support-case.ts';
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
    options?: { idempotency?: IdempotencyClaim; messageId?: string },
  ): Promise<CreateResult>;
  get(id: string): Promise<SupportCase | undefined>;
  /** Writes `next` only if the stored case still has `next.version - 1`. */
  update(next: SupportCase): Promise<void>;
  findByReference(reference: string): Promise<SupportCase | undefined>;
  listByCustomer(email: string, limit: number): Promise<SupportCase[]>;
  listLevelQueue(level: QueuedLevel, limit: number): Promise<SupportCase[]>;
  /** Cases still 'new' that were created before `createdBefore` (ISO), oldest first. */
  listUnclassified(createdBefore: string, limit: number): Promise<SupportCase[]>;
  /** Probes the store for the health check. */
  ping(): Promise<void>;
}

export type ClassifyMessage = { caseId: string };
export type EscalationMessage = { caseId: string; level: QueuedLevel; reason: string };

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
};

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export interface RawMailStore {
  read(key: string): Promise<Buffer>;
}

export type MailRejection = { rawKey: string; reason: string; at: string; messageId?: string; from?: string };

/** Inbound mail that opened no case, kept with its reason so nothing vanishes silently. */
export interface MailRejections {
  record(rejection: MailRejection): Promise<void>;
  listOn(day: string): Promise<MailRejection[]>;
}

export type Clock = () => Date;
