// The case store against DynamoDB Local (started by the global setup).
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { keys } from '../../shared/adapters/dynamodb/table-keys.ts';
import {
  ConcurrentUpdateError,
  IdempotencyKeyReusedError,
  ValidationError,
} from '../../shared/domain/errors.ts';
import {
  acknowledgementClaimable,
  addFollowUp,
  type Classification,
  classify,
  type FollowUp,
  type SupportCase,
} from '../../shared/domain/support-case.ts';
import type { Priority } from '../../shared/domain/support-model.ts';
import { ReferenceTakenError } from '../../shared/use-cases/ports.ts';
import { draftCase } from '../support/cases.ts';

const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
const claim = (key: string, requestHash = 'h1') => ({
  key,
  requestHash,
  ttlSeconds: 3600,
  response: { accessToken: 'tdc_x' },
});

const verdict = (level: Classification['level'], priority: Priority): Classification => ({
  language: 'en',
  category: 'software',
  impact: 'low',
  urgency: 'low',
  priority,
  level,
  confidence: 0.9,
  reasons: [],
  articles: [],
  classifiedAt: new Date().toISOString(),
  classifiedBy: 'test',
});

describe('DynamoDbCaseStore', () => {
  it('creates a case and reads it back by id and by reference', async () => {
    const c = draftCase();
    await expect(store.create(c)).resolves.toMatchObject({ created: true });
    await expect(store.get(c.id)).resolves.toEqual(c);
    await expect(store.findByReference(c.reference)).resolves.toEqual(c);
    await expect(store.get('01JDNOSUCHCASE000000000000')).resolves.toBeUndefined();
  });

  it('answers a retried creation with the first case and its stored response', async () => {
    const key = randomUUID();
    const first = draftCase();
    await store.create(first, { idempotency: claim(key) });
    const retry = await store.create(draftCase(), { idempotency: claim(key) });
    expect(retry).toMatchObject({
      created: false,
      case: { id: first.id },
      replayedResponse: { accessToken: 'tdc_x' },
    });
  });

  it('refuses an idempotency key reused for a different request', async () => {
    const key = randomUUID();
    await store.create(draftCase(), { idempotency: claim(key, 'body-a') });
    await expect(store.create(draftCase(), { idempotency: claim(key, 'body-b') })).rejects.toBeInstanceOf(
      IdempotencyKeyReusedError,
    );
  });

  it('opens one case per email Message-ID', async () => {
    const messageId = `<${randomUUID()}@mail.example.com>`;
    const first = draftCase();
    await store.create(first, { messageId });
    await expect(store.create(draftCase(), { messageId })).resolves.toMatchObject({
      created: false,
      case: { id: first.id },
    });
  });

  it('never reuses a reference', async () => {
    const first = draftCase();
    await store.create(first);
    await expect(store.create(draftCase({ reference: first.reference }))).rejects.toBeInstanceOf(
      ReferenceTakenError,
    );
  });

  it('writes an update only over the version it read', async () => {
    const c = draftCase();
    await store.create(c);
    const next = classify(c, verdict(2, 'P3'), new Date());
    await store.update(next);
    // A second writer that read version 1 loses.
    await expect(store.update(classify(c, verdict(1, 'P5'), new Date()))).rejects.toBeInstanceOf(
      ConcurrentUpdateError,
    );
    await expect(store.get(c.id)).resolves.toMatchObject({ version: 2, classification: { level: 2 } });
  });

  it('lists a customer’s cases, newest first', async () => {
    const email = `${randomUUID()}@example.com`;
    const older = draftCase({ email, at: new Date(Date.now() - 60_000) });
    const newer = draftCase({ email });
    await store.create(older);
    await store.create(newer);
    const listed = await store.listByCustomer(email.toUpperCase(), 10);
    expect(listed.map((c) => c.id)).toEqual([newer.id, older.id]);
  });

  it('orders a level queue by priority, then age', async () => {
    const base = Date.now() - 3_600_000;
    const make = async (offset: number, priority: Priority) => {
      const c = draftCase({ at: new Date(base + offset) });
      await store.create(c);
      await store.update(classify(c, verdict(4, priority), new Date()));
      return c.id;
    };
    const p3old = await make(0, 'P3');
    const p1new = await make(2000, 'P1');
    const p3new = await make(3000, 'P3');
    const p1old = await make(1000, 'P1');
    const queue = (await store.listLevelQueue(4, { limit: 100 })).cases
      .map((c) => c.id)
      .filter((id) => [p3old, p1new, p3new, p1old].includes(id));
    expect(queue).toEqual([p1old, p1new, p3old, p3new]);
  });

  it('finds unclassified cases created before a moment, and only those', async () => {
    const stuck = draftCase({ at: new Date(Date.now() - 10 * 60_000) });
    const fresh = draftCase();
    await store.create(stuck);
    await store.create(fresh);
    const ids = (await store.listUnclassified(new Date(Date.now() - 60_000).toISOString(), 1000)).map(
      (c) => c.id,
    );
    expect(ids).toContain(stuck.id);
    expect(ids).not.toContain(fresh.id);
  });
});

describe('follow-ups, items of their own beside the case', () => {
  const reply = (n: number, messageId?: string): FollowUp => ({
    at: new Date(Date.UTC(2026, 10, 24, 9, 0, n)).toISOString(),
    channel: 'email',
    from: 'ada@example.com',
    text: `reply ${n}`,
    ...(messageId ? { messageId } : {}),
  });
  const stored = async () => {
    const c = draftCase();
    await store.create(c);
    return c;
  };
  /** Adds each follow-up over the case it returns, as the use cases do. */
  const addAll = async (c: SupportCase, followUps: FollowUp[]) => {
    let current = c;
    for (const f of followUps) {
      const next = addFollowUp(current, f, new Date());
      await store.addFollowUp(next, f);
      current = next;
    }
    return current;
  };

  it('stores the follow-up, its Message-ID and the counted case in one transaction', async () => {
    const c = await stored();
    const f = reply(1, `<${randomUUID()}@mail.example.com>`);
    const next = addFollowUp(c, f, new Date());

    await expect(store.addFollowUp(next, f)).resolves.toBe('added');

    await expect(store.get(c.id)).resolves.toMatchObject({
      version: 2,
      followUpCount: 1,
      lastFollowUpAt: f.at,
    });
    await expect(store.listFollowUps(c.id, { limit: 10 })).resolves.toEqual({ followUps: [f] });
  });

  it('answers a redelivered Message-ID with duplicate and writes nothing', async () => {
    const c = await stored();
    const messageId = `<${randomUUID()}@mail.example.com>`;
    const once = await addAll(c, [reply(1, messageId)]);

    const again = reply(2, messageId.toUpperCase());
    const outcome = await store.addFollowUp(addFollowUp(once, again, new Date()), again);

    expect(outcome).toBe('duplicate');
    await expect(store.get(c.id)).resolves.toMatchObject({ version: 2, followUpCount: 1 });
    expect((await store.listFollowUps(c.id, { limit: 10 })).followUps).toHaveLength(1);
  });

  it('knows a Message-ID that opened a case: it joins no case as a follow-up', async () => {
    const messageId = `<${randomUUID()}@mail.example.com>`;
    const c = draftCase();
    await store.create(c, { messageId });
    const f = reply(1, messageId);

    await expect(store.addFollowUp(addFollowUp(c, f, new Date()), f)).resolves.toBe('duplicate');
  });

  it('refuses a follow-up over a version it did not read, and keeps none of it', async () => {
    const c = await stored();
    await store.update(classify(c, verdict(2, 'P3'), new Date()));
    const messageId = `<${randomUUID()}@mail.example.com>`;
    const f = reply(1, messageId);

    await expect(store.addFollowUp(addFollowUp(c, f, new Date()), f)).rejects.toBeInstanceOf(
      ConcurrentUpdateError,
    );

    expect((await store.listFollowUps(c.id, { limit: 10 })).followUps).toEqual([]);
    // Nor was the Message-ID recorded: the retry over the case as it is now is added.
    const fresh = (await store.get(c.id)) as SupportCase;
    await expect(store.addFollowUp(addFollowUp(fresh, f, new Date()), f)).resolves.toBe('added');
    await expect(store.get(c.id)).resolves.toMatchObject({ version: 3, followUpCount: 1 });
  });

  it('pages through a thread newest first, and refuses a cursor that is not one', async () => {
    const c = await stored();
    const all = [1, 2, 3, 4, 5, 6, 7].map((n) => reply(n));
    // Two follow-ups of the same millisecond are both kept.
    await addAll(c, [...all, { ...reply(7), text: 'same instant' }]);

    const pages: FollowUp[][] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listFollowUps(c.id, { limit: 3, ...(cursor ? { cursor } : {}) });
      pages.push(page.followUps);
      cursor = page.cursor;
    } while (cursor);

    expect(pages.slice(0, 3).map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat().map((f) => f.text)).toEqual(['same instant', ...all.map((f) => f.text).reverse()]);
    await expect(
      store.listFollowUps(c.id, { limit: 3, cursor: Buffer.from('CASE').toString('base64url') }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('two equal creations racing (real DynamoDB answers the loser with TransactionConflict)', () => {
  it('retries the loser, which then finds the winner and answers its case', async () => {
    const real = dynamoDocumentClient();
    const key = `race-${randomUUID()}`;
    const winner = draftCase();
    // DynamoDB Local serialises transactions, so the race is staged: the winner commits, and the
    // loser's first attempt is cancelled the way DynamoDB cancels a conflicting transaction.
    let injected = false;
    const racing = {
      send: async (command: Parameters<typeof real.send>[0]) => {
        if (!injected && command instanceof TransactWriteCommand) {
          injected = true;
          await real.send(command);
          throw new TransactionCanceledException({
            message: 'Transaction cancelled',
            $metadata: {},
            CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
          });
        }
        return real.send(command as never);
      },
    } as unknown as typeof real;
    const loserStore = new DynamoDbCaseStore(racing, process.env.TABLE_NAME as string);
    // The winner's write is the first (intercepted) send; the loser's retry finds it.
    const result = await loserStore.create(winner, { idempotency: claim(key) });
    expect(injected).toBe(true);
    expect(result).toMatchObject({ created: false, case: { id: winner.id } });
  });
});

describe('a case stored before follow-ups were items and acknowledgements were claimed', () => {
  it('reads as today’s shape: counted follow-ups kept on the item, a pending acknowledgement claimable', async () => {
    // Prepare: the item as the previous release wrote it.
    const today = draftCase();
    const { followUpCount: _count, ...rest } = today;
    const old = {
      ...rest,
      acknowledgement: 'pending',
      followUps: [{ at: today.createdAt, channel: 'email', from: today.customer.email, text: 'More detail' }],
    };
    await dynamoDocumentClient().send(
      new PutCommand({
        TableName: process.env.TABLE_NAME as string,
        Item: { ...keys.case(today.id), type: 'case', data: old, version: old.version },
      }),
    );

    // Act
    const read = await store.get(today.id);

    // Assess
    expect(read?.followUpCount).toBe(1);
    expect(read?.acknowledgement).toEqual({ state: 'pending', attempts: 0, tokenHashes: [] });
    expect(acknowledgementClaimable(read as SupportCase, new Date())).toBe(true);
    // A reply joins it: the count goes on, the old thread stays on the item.
    const replied = addFollowUp(
      read as SupportCase,
      {
        at: new Date().toISOString(),
        channel: 'email',
        from: today.customer.email,
        messageId: `<${randomUUID()}@x>`,
        text: 'Still broken',
      },
      new Date(),
    );
    expect(
      await store.addFollowUp(replied, {
        at: replied.updatedAt,
        channel: 'email',
        from: today.customer.email,
        messageId: `<${randomUUID()}@y>`,
        text: 'Still broken',
      }),
    ).toBe('added');
    const after = (await store.get(today.id)) as SupportCase & { followUps?: unknown[] };
    expect(after.followUpCount).toBe(2);
    expect(after.followUps).toHaveLength(1);
  });
});
