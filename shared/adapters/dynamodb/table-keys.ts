// Every key string of the single table is built here and nowhere else. The README's
// access-pattern table lists each pattern next to the key that serves it.
import { createHash } from 'node:crypto';
import { ROUTING_RULES_PARTITION } from '../../declaration/resources.ts';
import { queueRank } from '../../domain/sla-clock.ts';
import { isActive, nextDueAt, type SupportCase } from '../../domain/support-case.ts';

export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttl: 'ttl',
} as const;

/** Named access patterns over the generic gsiNpk / gsiNsk attributes. */
export const INDEXES = {
  casesByCustomer: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  levelQueue: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  /** Cases the minute sweep must look at, by the instant they are next due (sparse). */
  dueWork: { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
} as const;

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');
const FOLLOW_UP_PREFIX = 'FOLLOWUP#';
const EVENT_PREFIX = 'EVENT#';

export const keys = {
  case: (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' }),
  /**
   * A follow-up lives in its case's partition, sorted by when it arrived; `unique` (a ULID)
   * tells apart two that arrived in the same millisecond.
   */
  followUp: (caseId: string, at: string, unique: string) => ({
    pk: keys.case(caseId).pk,
    sk: `${FOLLOW_UP_PREFIX}${at}#${unique}`,
  }),
  followUpPrefix: () => FOLLOW_UP_PREFIX,
  /**
   * A history event lives in its case's partition. Event ids are ULIDs (or derived from one),
   * so the sort key orders the history by time.
   */
  event: (caseId: string, eventId: string) => ({ pk: keys.case(caseId).pk, sk: `${EVENT_PREFIX}${eventId}` }),
  eventPrefix: () => EVENT_PREFIX,
  /** One record per email of an event to one recipient: claimed before the send, sent after. */
  mail: (caseId: string, eventId: string, recipient: string) => ({
    pk: keys.case(caseId).pk,
    sk: `MAIL#${eventId}#${hash(recipient.trim().toLowerCase())}`,
  }),
  /** Level 2's calls booked in one window (a counter, bounded by the team's capacity). */
  callbackSlot: (start: string) => ({ pk: 'CALLBACK#L2', sk: `SLOT#${start}` }),
  reference: (reference: string) => ({ pk: `REF#${reference}`, sk: 'REF' }),
  /** Keys are hashed: a client's key can be long and may carry anything. */
  idempotency: (scope: string, key: string) => ({
    pk: `IDEMPOTENCY#${scope}#${hash(key)}`,
    sk: 'IDEMPOTENCY',
  }),
  messageId: (messageId: string) => ({ pk: `MSGID#${hash(messageId.trim().toLowerCase())}`, sk: 'MSGID' }),
  customer: (email: string) => `CUSTOMER#${email.trim().toLowerCase()}`,
  /** A level's active cases (status is an attribute of the item, for a filter). */
  levelQueue: (level: number) => `QUEUE#L${level}`,
  /** Cases still waiting for classification: the sweep re-requests stuck ones. */
  unclassified: () => 'QUEUE#NEW',
  rejectedMail: (day: string) => `REJECTED#${day}`,
  /** The SLA outcomes of a day (clocks stopped, breaches): what the SLA report reads. */
  slaDay: (day: string) => `SLA#${day}`,
  /** The classification corrections (reclassified events) of a day: what the correction report reads. */
  correctionDay: (day: string) => `CORRECTIONS#${day}`,
  /** An event's place in its day's listing (SLA outcomes, corrections): by time. */
  daySort: (at: string, caseId: string, eventId: string) => `${at}#${caseId}#${eventId}`,
  /**
   * The routing rules leads learned from corrections (POST /routing-rules): one partition, read
   * whole; the declaration names it, as the routingRules function may write only there (IAM).
   */
  routingRules: () => ROUTING_RULES_PARTITION,
  routingRule: (id: string) => ({ pk: ROUTING_RULES_PARTITION, sk: `RULE#${id}` }),
  rejectedMailSort: (rawKey: string) => `MAIL#${hash(rawKey)}`,
  /**
   * Due work is spread over DUE_SHARDS partitions by case id, so a burst of due cases never
   * heats one partition; the sweep queries each shard for what is due.
   */
  dueWork: (shard: number) => `DUE#${shard}`,
  dueWorkSort: (dueAt: string, caseId: string) => `${dueAt}#${caseId}`,
  address: (email: string) => ({ pk: `ADDRESS#${hash(email.trim().toLowerCase())}`, sk: 'ADDRESS' }),
  /** One counter per subject and window; the window's start is in the key, TTL removes it. */
  sendCounter: (scope: string, subject: string, windowStart: number) => ({
    pk: `RATE#${scope}#${hash(subject.trim().toLowerCase())}#${windowStart}`,
    sk: 'RATE',
  }),
};

/** The index attributes a case carries; absent attributes keep it out of a sparse index. */
export function caseIndexAttributes(c: SupportCase): Record<string, string> {
  const attributes: Record<string, string> = {
    [INDEXES.casesByCustomer.pk]: keys.customer(c.customer.email),
    [INDEXES.casesByCustomer.sk]: `CASE#${c.createdAt}#${c.id}`,
  };
  if (c.status === 'new' && !c.classifyAbandonedAt) {
    attributes[INDEXES.levelQueue.pk] = keys.unclassified();
    attributes[INDEXES.levelQueue.sk] = `${c.createdAt}#${c.id}`;
  }
  const level = c.classification?.level;
  if (level !== undefined && level > 0 && isActive(c.status)) {
    attributes[INDEXES.levelQueue.pk] = keys.levelQueue(level);
    // Priority first (P1 sorts before P5), then a breached clock, then a warned one, then age:
    // the oldest most urgent case comes first, and an SLA alert moves a case up its queue.
    attributes[INDEXES.levelQueue.sk] =
      `${c.classification?.priority}#${queueRank(c)}#${c.createdAt}#${c.id}`;
  }
  const due = nextDueAt(c);
  if (due) {
    attributes[INDEXES.dueWork.pk] = keys.dueWork(dueShardOf(c.id));
    attributes[INDEXES.dueWork.sk] = keys.dueWorkSort(due, c.id);
  }
  return attributes;
}

export const DUE_SHARDS = 4;

/** A stable shard per case: the last characters of a ULID are random. */
export function dueShardOf(caseId: string): number {
  let sum = 0;
  for (const ch of caseId.slice(-4)) sum += ch.charCodeAt(0);
  return sum % DUE_SHARDS;
}
