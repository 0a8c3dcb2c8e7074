// CaseStore on one DynamoDB table. Every write is conditional: creation must not overwrite,
// updates must match the version that was read.
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { CaseEvent } from '../../domain/case-history.ts';
import { ConcurrentUpdateError, IdempotencyKeyReusedError, ValidationError } from '../../domain/errors.ts';
import { reconcileClocks } from '../../domain/sla-clock.ts';
import type { ActiveStatus, FollowUp, SupportCase } from '../../domain/support-case.ts';
import type { QueuedLevel } from '../../domain/support-model.ts';
import {
  type CaseStore,
  type CreateResult,
  type FollowUpPage,
  type HistoryPage,
  type IdempotencyClaim,
  ReferenceTakenError,
} from '../../use-cases/ports.ts';
import { caseIndexAttributes, DUE_SHARDS, INDEXES, keys } from './table-keys.ts';

/** Tries of a creation that lost a race with an equal request (TransactionConflict). */
const CONFLICT_ATTEMPTS = 4;

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export class DynamoDbCaseStore implements CaseStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(
    c: SupportCase,
    options: { idempotency?: IdempotencyClaim; messageId?: string; events?: readonly CaseEvent[] } = {},
  ): Promise<CreateResult> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: this.toItem(c),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.reference(c.reference), caseId: c.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    const { idempotency, messageId } = options;
    if (idempotency) {
      const expires = Math.floor(this.clock().getTime() / 1000) + idempotency.ttlSeconds;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.idempotency('create-case', idempotency.key),
            caseId: c.id,
            requestHash: idempotency.requestHash,
            // The replay answer holds the access token: the record expires with its TTL.
            response: idempotency.response,
            ttl: expires,
          },
          // An expired record (TTL deletion is lazy) no longer protects anything.
          ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':now': Math.floor(this.clock().getTime() / 1000) },
        },
      });
    }
    if (messageId) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.messageId(messageId), caseId: c.id, messageId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    // The history's first events ride last, so the indexes above keep their places.
    const events = options.events ?? [];
    items.push(...events.map((e) => this.eventPut(e)));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: items }));
        return { created: true as const, case: c };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons?.map((r) => r.Code) ?? [];
        // Two retries of one request racing each other: DynamoDB cancels the loser with
        // TransactionConflict, not ConditionalCheckFailed. Once the winner has committed, the
        // next try finds its idempotency record and answers the same case.
        if (reasons.includes('TransactionConflict') && attempt < CONFLICT_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, 20 * 2 ** attempt * Math.random()));
          continue;
        }
        return await this.afterCancelled(
          c,
          items.length - events.length,
          reasons,
          idempotency,
          messageId,
          error,
        );
      }
    }
  }

  /** A cancelled creation: an equal request's case, a taken reference, or the error itself. */
  private async afterCancelled(
    c: SupportCase,
    itemCount: number,
    reasons: Array<string | undefined>,
    idempotency: IdempotencyClaim | undefined,
    messageId: string | undefined,
    error: TransactionCanceledException,
  ): Promise<CreateResult> {
    const failed = (index: number) => reasons[index] === 'ConditionalCheckFailed';
    const existing = await this.existingFor(idempotency, messageId, failed(2), failed(itemCount - 1));
    if (existing) return { created: false, ...existing };
    if (failed(1)) throw new ReferenceTakenError(c.reference);
    throw error;
  }

  /** After a cancelled creation: the case an earlier, equal request already created. */
  private async existingFor(
    idempotency: IdempotencyClaim | undefined,
    messageId: string | undefined,
    idempotencyFailed: boolean,
    messageIdFailed: boolean,
  ): Promise<{ case: SupportCase; replayedResponse?: { accessToken: string } } | undefined> {
    if (idempotency && idempotencyFailed) {
      const record = await this.getItem(keys.idempotency('create-case', idempotency.key));
      if (record && record.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError();
      const existing = record ? await this.get(String(record.caseId)) : undefined;
      if (existing) return { case: existing, replayedResponse: record?.response as { accessToken: string } };
    }
    if (messageId && messageIdFailed) {
      const record = await this.getItem(keys.messageId(messageId));
      const existing = record ? await this.get(String(record.caseId)) : undefined;
      if (existing) return { case: existing };
    }
    return undefined;
  }

  async get(id: string): Promise<SupportCase | undefined> {
    const item = await this.getItem(keys.case(id));
    return item ? fromItem(item) : undefined;
  }

  async update(next: SupportCase): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: this.toItem(next),
          ConditionExpression: 'attribute_exists(pk) AND #version = :read',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':read': next.version - 1 },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConcurrentUpdateError(next.id);
      throw error;
    }
  }

  async commit(
    next: SupportCase,
    events: readonly CaseEvent[],
    options: { idempotency?: { key: string; requestHash: string } } = {},
  ): Promise<'committed' | 'replayed'> {
    const items: TransactItem[] = [this.versionedPut(next), ...events.map((e) => this.eventPut(e))];
    return this.transact(items, next.id, options.idempotency, (reasons) => {
      // An event id already recorded: this very change was written (a retried commit).
      if (
        reasons.slice(1, 1 + events.length).includes('ConditionalCheckFailed') &&
        reasons[0] !== 'ConditionalCheckFailed'
      )
        return 'replayed';
      if (reasons[0] === 'ConditionalCheckFailed' || reasons.includes('TransactionConflict'))
        throw new ConcurrentUpdateError(next.id);
      return undefined;
    });
  }

  async appendEvents(
    events: readonly CaseEvent[],
    options: { idempotency?: { key: string; requestHash: string }; caseId?: string } = {},
  ): Promise<'committed' | 'replayed'> {
    const items: TransactItem[] = events.map((e) => this.eventPut(e));
    const caseId = options.caseId ?? events[0]?.caseId ?? '';
    // An event id already recorded: these events were written (a retried append).
    return this.transact(items, caseId, options.idempotency, (reasons) =>
      reasons.includes('ConditionalCheckFailed') ? 'replayed' : undefined,
    );
  }

  /**
   * One transaction of `items`, plus the Idempotency-Key's record when there is one. A key
   * already recorded replays (or is refused when it came with another request); any other
   * cancellation is `onCancel`'s to read — an answer, a thrown error, or undefined to rethrow.
   */
  private async transact(
    items: TransactItem[],
    caseId: string,
    idempotency: { key: string; requestHash: string } | undefined,
    onCancel: (reasons: Array<string | undefined>) => 'replayed' | undefined,
  ): Promise<'committed' | 'replayed'> {
    const now = Math.floor(this.clock().getTime() / 1000);
    if (idempotency) items.push(this.idempotencyPut(caseId, idempotency, now));
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
      return 'committed';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons?.map((r) => r.Code) ?? [];
      if (idempotency && reasons[items.length - 1] === 'ConditionalCheckFailed') {
        const record = await this.getItem(keys.idempotency(`case-action#${caseId}`, idempotency.key));
        if (record && record.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError();
        return 'replayed';
      }
      const answer = onCancel(reasons);
      if (answer) return answer;
      throw error;
    }
  }

  private idempotencyPut(
    caseId: string,
    idempotency: { key: string; requestHash: string },
    now: number,
  ): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.idempotency(`case-action#${caseId}`, idempotency.key),
          caseId,
          requestHash: idempotency.requestHash,
          ttl: now + ACTION_IDEMPOTENCY_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #ttl < :now',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':now': now },
      },
    };
  }

  async actionKey(caseId: string, key: string): Promise<{ requestHash: string } | undefined> {
    const record = await this.getItem(keys.idempotency(`case-action#${caseId}`, key));
    const expired = typeof record?.ttl === 'number' && record.ttl < Math.floor(this.clock().getTime() / 1000);
    return record && !expired ? { requestHash: String(record.requestHash) } : undefined;
  }

  async listSlaOutcomes(day: string): Promise<CaseEvent[]> {
    const items = await this.queryPages(INDEXES.casesByCustomer, keys.slaDay(day), {});
    return items.map((item) => item.data as CaseEvent);
  }

  async listCorrections(day: string): Promise<CaseEvent[]> {
    const items = await this.queryPages(INDEXES.casesByCustomer, keys.correctionDay(day), {});
    return items.map((item) => item.data as CaseEvent);
  }

  async getEvent(caseId: string, eventId: string): Promise<CaseEvent | undefined> {
    const item = await this.getItem(keys.event(caseId, eventId));
    return item ? (item.data as CaseEvent) : undefined;
  }

  async listHistory(caseId: string, page: { limit: number; cursor?: string }): Promise<HistoryPage> {
    const { items, cursor } = await this.casePartitionPage(caseId, keys.eventPrefix(), page, 'oldest-first');
    return { events: items.map((item) => item.data as CaseEvent), ...(cursor ? { cursor } : {}) };
  }

  /** One page of a case's items under a sort-key prefix (its history, its follow-ups). */
  private async casePartitionPage(
    caseId: string,
    prefix: string,
    page: { limit: number; cursor?: string },
    order: 'oldest-first' | 'newest-first',
  ): Promise<{ items: Record<string, unknown>[]; cursor?: string }> {
    const { pk } = keys.case(caseId);
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ScanIndexForward: order === 'oldest-first',
        Limit: page.limit,
        ConsistentRead: true,
        ...(page.cursor ? { ExclusiveStartKey: { pk, sk: fromCursor(page.cursor, prefix) } } : {}),
      }),
    );
    const last = result.LastEvaluatedKey?.sk;
    return {
      items: result.Items ?? [],
      ...(typeof last === 'string' ? { cursor: Buffer.from(last).toString('base64url') } : {}),
    };
  }

  private versionedPut(next: SupportCase): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: this.toItem(next),
        ConditionExpression: 'attribute_exists(pk) AND #version = :read',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':read': next.version - 1 },
      },
    };
  }

  private eventPut(event: CaseEvent): TransactItem {
    // The events a report reads are also listed by day (gsi1, beside the customers' cases), so
    // a report reads a period's events without reading every case.
    const dayListing = DAY_LISTED[event.type];
    const byDay = dayListing
      ? {
          [INDEXES.casesByCustomer.pk]: dayListing(event.at.slice(0, 10)),
          [INDEXES.casesByCustomer.sk]: keys.daySort(event.at, event.caseId, event.id),
        }
      : {};
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...keys.event(event.caseId, event.id),
          type: 'event',
          eventType: event.type,
          ...byDay,
          data: event,
        },
        // Events are immutable: an id written once is never overwritten.
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  async addFollowUp(
    next: SupportCase,
    followUp: FollowUp,
    events: readonly CaseEvent[] = [],
  ): Promise<'added' | 'duplicate'> {
    const items: TransactItem[] = [
      this.versionedPut(next),
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.followUp(next.id, followUp.at, followUpUlid()),
            type: 'followUp',
            caseId: next.id,
            data: followUp,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    const { messageId } = followUp;
    if (messageId) {
      // The same record `create` writes: a Message-ID that opened a case or joined one is known.
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.messageId(messageId), caseId: next.id, messageId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      });
    }
    items.push(...events.map((e) => this.eventPut(e)));
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
      return 'added';
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons?.map((r) => r.Code) ?? [];
      if (messageId && reasons[2] === 'ConditionalCheckFailed') return 'duplicate';
      // A changed version, or a transaction racing ours on the case: re-read and try again.
      if (reasons[0] === 'ConditionalCheckFailed' || reasons.includes('TransactionConflict'))
        throw new ConcurrentUpdateError(next.id);
      throw error;
    }
  }

  async listFollowUps(caseId: string, page: { limit: number; cursor?: string }): Promise<FollowUpPage> {
    const { items, cursor } = await this.casePartitionPage(
      caseId,
      keys.followUpPrefix(),
      page,
      'newest-first',
    );
    return { followUps: items.map((item) => item.data as FollowUp), ...(cursor ? { cursor } : {}) };
  }

  async findByReference(reference: string): Promise<SupportCase | undefined> {
    const record = await this.getItem(keys.reference(reference));
    return record ? this.get(String(record.caseId)) : undefined;
  }

  async listByCustomer(email: string, limit: number): Promise<SupportCase[]> {
    const index = INDEXES.casesByCustomer;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.pk },
        ExpressionAttributeValues: { ':pk': keys.customer(email) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(fromItem);
  }

  async listLevelQueue(
    level: QueuedLevel,
    page: { limit: number; status?: ActiveStatus; cursor?: string },
  ): Promise<{ cases: SupportCase[]; cursor?: string }> {
    const index = INDEXES.levelQueue;
    const partition = keys.levelQueue(level);
    const start = page.cursor ? fromQueueCursor(page.cursor, partition) : undefined;
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        // A status filter reads the level's partition and keeps the matching cases: a page may
        // hold fewer than `limit`, and the cursor goes on from where the read stopped.
        ...(page.status ? { FilterExpression: '#status = :status' } : {}),
        ExpressionAttributeNames: { '#pk': index.pk, ...(page.status ? { '#status': 'status' } : {}) },
        ExpressionAttributeValues: { ':pk': partition, ...(page.status ? { ':status': page.status } : {}) },
        Limit: page.limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const last = result.LastEvaluatedKey;
    return {
      cases: (result.Items ?? []).map(fromItem),
      ...(last ? { cursor: Buffer.from(JSON.stringify(last)).toString('base64url') } : {}),
    };
  }

  async listDue(now: string, limit: number): Promise<SupportCase[]> {
    // '~' sorts after every id character: everything due at or before `now`, page after page
    // (the sweep reads what is due, all of it up to `limit` a shard, never the same first page).
    const pages = await Promise.all(
      Array.from({ length: DUE_SHARDS }, (_unused, shard) =>
        this.queryAll(INDEXES.dueWork, keys.dueWork(shard), `${now}#~`, limit),
      ),
    );
    return pages.flat();
  }

  async listUnclassified(createdBefore: string, limit: number): Promise<SupportCase[]> {
    return this.queryAll(INDEXES.levelQueue, keys.unclassified(), createdBefore, limit);
  }

  /** Every case of a partition sorting before `before`, in pages of 100, at most `limit`. */
  private async queryAll(
    index: { name: string; pk: string; sk: string },
    partition: string,
    before: string,
    limit: number,
  ): Promise<SupportCase[]> {
    return (await this.queryPages(index, partition, { before, limit })).map(fromItem);
  }

  /** Every item of an index partition (sorting before `before`), page after page, up to `limit`. */
  private async queryPages(
    index: { name: string; pk: string; sk: string },
    partition: string,
    options: { before?: string; limit?: number },
  ): Promise<Record<string, unknown>[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const { before } = options;
    const found: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index.name,
          KeyConditionExpression: before ? '#pk = :pk AND #sk < :before' : '#pk = :pk',
          ExpressionAttributeNames: { '#pk': index.pk, ...(before ? { '#sk': index.sk } : {}) },
          ExpressionAttributeValues: { ':pk': partition, ...(before ? { ':before': before } : {}) },
          Limit: Math.min(100, limit - found.length),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      found.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && found.length < limit);
    return found;
  }

  async ping(): Promise<void> {
    await this.getItem({ pk: 'HEALTH', sk: 'HEALTH' });
  }

  private async getItem(key: { pk: string; sk: string }) {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return result.Item;
  }

  private toItem(written: SupportCase) {
    // The clocks follow the case at every write, whichever change it is (sla-clock.ts).
    const c = reconcileClocks(written);
    return {
      ...keys.case(c.id),
      type: 'case',
      ...caseIndexAttributes(c),
      status: c.status,
      data: c,
      version: c.version,
    };
  }
}

/**
 * A stored case, in today's shape. Items written before follow-ups became items of their own
 * carry a `followUps` array and no count; before the acknowledgement was claimed, it was a bare
 * state. They are read as today's shape, so an old case takes replies and is acknowledged; its
 * old `followUps` stay on the item as they were (bounded then), so nothing is lost.
 */
function fromItem(item: Record<string, unknown>): SupportCase {
  const stored = item.data as SupportCase & { followUps?: unknown[]; acknowledgement?: unknown };
  const ack = stored.acknowledgement;
  return {
    ...stored,
    followUpCount: stored.followUpCount ?? stored.followUps?.length ?? 0,
    ...(typeof ack === 'string'
      ? {
          acknowledgement: {
            state: ack as NonNullable<SupportCase['acknowledgement']>['state'],
            attempts: 0,
            tokenHashes: [],
          },
        }
      : {}),
  } as SupportCase;
}

/** Monotonic: two follow-ups of one millisecond keep the order they were written in. */
const followUpUlid = monotonicFactory();

/** The events the SLA report reads, listed by day. */
/** The events listed by day for a report: SLA outcomes (the SLA report), corrections (the correction report). */
const DAY_LISTED: Partial<Record<CaseEvent['type'], (day: string) => string>> = {
  'clock-stopped': keys.slaDay,
  'sla-breached': keys.slaDay,
  'sla-warning': keys.slaDay,
  reclassified: keys.correctionDay,
};

/** An action's Idempotency-Key is remembered for a day, as for POST /cases. */
const ACTION_IDEMPOTENCY_SECONDS = 24 * 3600;

/** A queue cursor is the last index key read, of this very queue; anything else is refused. */
function fromQueueCursor(cursor: string, partition: string): Record<string, string> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw new ValidationError('Not a queue cursor', 'cursor');
  }
  const record = key as Record<string, unknown>;
  const fields = ['pk', 'sk', INDEXES.levelQueue.pk, INDEXES.levelQueue.sk];
  if (
    typeof key !== 'object' ||
    key === null ||
    Object.keys(record).length !== fields.length ||
    !fields.every((f) => typeof record[f] === 'string') ||
    record[INDEXES.levelQueue.pk] !== partition
  )
    throw new ValidationError('Not a cursor of this queue', 'cursor');
  return record as Record<string, string>;
}

/** A cursor is the last sort key read; anything else is refused, not queried. */
function fromCursor(cursor: string, prefix: string): string {
  const sk = Buffer.from(cursor, 'base64url').toString();
  // A sort key longer than DynamoDB takes would be its error (a 500), not the caller's.
  if (!sk.startsWith(prefix) || Buffer.byteLength(sk) > 1024)
    throw new ValidationError('Not a cursor of this list', 'cursor');
  return sk;
}
