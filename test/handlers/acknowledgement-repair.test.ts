// An acknowledgement is never lost: the minute sweep, fired through the local Lambda Invoke API
// as EventBridge would, puts a case whose acknowledgement nobody is sending back on the classify
// queue, and the running local system's classify worker claims and sends it — once. A claim
// still young belongs to a live worker and is left alone; after MAX_ACK_ATTEMPTS the desk gives
// up. A send that keeps failing releases its claim each time, so the next attempt may take it.

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient, sesClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { DynamoDbRecipients } from '../../shared/adapters/dynamodb/dynamodb-recipients.ts';
import { asDeliveryError, SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { DEFAULT_ACK_LIMITS } from '../../shared/domain/mail-policy.ts';
import { reconcileClocks } from '../../shared/domain/sla-clock.ts';
import {
  ACK_CLAIM_STALE_MS,
  ACK_REPAIR_AFTER_MS,
  type Acknowledgement,
  classify,
  MAX_ACK_ATTEMPTS,
  type SupportCase,
} from '../../shared/domain/support-case.ts';
import { acknowledgeCase } from '../../shared/use-cases/acknowledge-case.ts';
import type { Mailer } from '../../shared/use-cases/ports.ts';
import { draftCase, level1Verdict } from '../support/cases.ts';
import { eventually, local, sentEmailsTo } from '../support/http.ts';

const tableName = process.env.TABLE_NAME as string;
const store = new DynamoDbCaseStore(dynamoDocumentClient(), tableName);

/** A case classified at `at` whose acknowledgement is as given, and no message on any queue. */
async function classifiedCase(at: Date, acknowledgement?: Acknowledgement): Promise<SupportCase> {
  const drafted = draftCase({
    at,
    name: 'Lin',
    email: `repair-${randomUUID()}@example.com`,
    subject: 'VPN drops',
    description: 'The VPN connection drops every ten minutes.',
  });
  const classified = classify(drafted, level1Verdict(at), at);
  const c = acknowledgement ? { ...classified, acknowledgement } : classified;
  await store.create(c);
  return c;
}

/** The minute sweep, as EventBridge invokes it, through the local Lambda Invoke API. */
async function sweep(now: Date) {
  const response = await fetch(`${local().lambda}/2015-03-31/functions/slaTimer/invocations`, {
    method: 'POST',
    body: JSON.stringify({
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: now.toISOString(),
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:000000000000:rule/slaTimer'],
      detail: {},
    }),
  });
  expect(response.headers.get('x-amz-function-error')).toBeNull();
  return (await response.json()) as { requeuedUnclassified: number; requeuedAcknowledgements: number };
}

const settled = (id: string) =>
  eventually(
    async () => {
      const c = await store.get(id);
      return c?.acknowledgement && !['pending', 'claimed'].includes(c.acknowledgement.state) ? c : undefined;
    },
    20_000,
    `the acknowledgement of ${id} to settle`,
  );

const ago = (ms: number) => new Date(Date.now() - ms);

describe('the sweep repairs acknowledgements nobody is sending', () => {
  it('sends a pending acknowledgement whose messages ended in the DLQ, once', async () => {
    // Prepare
    const c = await classifiedCase(ago(ACK_REPAIR_AFTER_MS + 60_000));
    expect(c.acknowledgement).toMatchObject({ state: 'pending', attempts: 0 });

    // Act
    const swept = await sweep(new Date());
    const repaired = await settled(c.id);

    // Assess
    expect(swept.requeuedAcknowledgements).toBeGreaterThanOrEqual(1);
    expect(repaired.acknowledgement).toMatchObject({ state: 'sent', attempts: 1 });
    const emails = await sentEmailsTo(c.customer.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toContain(c.reference);
  });

  it('takes over a stale claim (its worker died), and leaves a fresh one to its worker', async () => {
    // Prepare
    const claimedBy = (at: Date): Acknowledgement => ({
      state: 'claimed',
      attempts: 1,
      tokenHashes: ['hash-of-the-first-worker'],
      claimedAt: at.toISOString(),
    });
    const stale = await classifiedCase(
      ago(ACK_CLAIM_STALE_MS + 120_000),
      claimedBy(ago(ACK_CLAIM_STALE_MS + 60_000)),
    );
    const fresh = await classifiedCase(ago(30_000), claimedBy(ago(10_000)));
    const now = new Date();
    const due = (await store.listDue(now.toISOString(), 100)).map((c) => c.id);

    // Act
    await sweep(now);
    const repaired = await settled(stale.id);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    // Assess
    expect(due).toContain(stale.id);
    expect(due).not.toContain(fresh.id);
    expect(repaired.acknowledgement).toMatchObject({ state: 'sent', attempts: 2 });
    expect(repaired.acknowledgement?.tokenHashes).toHaveLength(2);
    expect(await sentEmailsTo(stale.customer.email)).toHaveLength(1);
    // Untouched: the case as written (the store keeps its SLA clocks in line on every write).
    expect(await store.get(fresh.id)).toEqual(reconcileClocks(fresh));
    expect(await sentEmailsTo(fresh.customer.email)).toEqual([]);
  });

  it(`gives up after ${MAX_ACK_ATTEMPTS} attempts: undeliverable, and no mail`, async () => {
    // Prepare: every attempt so far failed for now (throttled), and released its claim.
    const hashes = Array.from({ length: MAX_ACK_ATTEMPTS }, (_unused, i) => `hash-${i}`);
    const c = await classifiedCase(ago(ACK_REPAIR_AFTER_MS + 60_000), {
      state: 'pending',
      attempts: MAX_ACK_ATTEMPTS,
      tokenHashes: hashes,
      reason: 'TooManyRequestsException: Maximum sending rate exceeded.',
    });

    // Act
    await sweep(new Date());
    const given = await settled(c.id);

    // Assess
    expect(given.acknowledgement).toMatchObject({
      state: 'undeliverable',
      attempts: MAX_ACK_ATTEMPTS,
      tokenHashes: hashes,
    });
    expect(given.acknowledgement?.reason).toMatch(/gave up/);
    expect(await sentEmailsTo(c.customer.email)).toEqual([]);
  });
});

/**
 * The real SES mailer behind a gate that answers as SES does when throttled, for the sends
 * `throttle(n)` picks (n counts every send, from 0); `sends()` tells how many were tried.
 */
function throttlingMailer(throttle: (n: number) => boolean) {
  const real = new SesMailer(sesClient(), 'support@tierdesk.localhost', 'tierdesk-local-mail');
  let sends = 0;
  const mailer: Mailer = {
    send: async (email) => {
      if (throttle(sends++))
        throw asDeliveryError(
          Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' }),
        );
      return real.send(email);
    },
  };
  return { mailer, sends: () => sends };
}

const ackDeps = (mailer: Mailer, limits = DEFAULT_ACK_LIMITS) => ({
  store,
  mailer,
  recipients: new DynamoDbRecipients(dynamoDocumentClient(), tableName),
  clock: () => new Date(),
  publicBaseUrl: 'http://127.0.0.1',
  limits,
});

describe('a retried acknowledgement', () => {
  it('counts against the rate limits once: a retry after a throttled send is not withheld', async () => {
    // Prepare: one acknowledgement an hour per address, and SES throttling the first send.
    const { mailer } = throttlingMailer((n) => n === 0);
    const deps = ackDeps(mailer, { ...DEFAULT_ACK_LIMITS, perRecipient: { max: 1, windowMinutes: 60 } });
    const c = await classifiedCase(new Date());

    // Act: the first attempt is throttled, the queue's retry tries again.
    await expect(acknowledgeCase(deps, c)).rejects.toThrow(/Maximum sending rate exceeded/);
    const retried = await acknowledgeCase(deps, (await store.get(c.id)) as SupportCase);

    // Assess
    expect(retried.acknowledgement).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await sentEmailsTo(c.customer.email)).toHaveLength(1);
  });
});

describe('a send that keeps failing', () => {
  it('releases its claim each time, with one token per attempt, until it gives up', async () => {
    // Prepare: the real SES mailer, answering every send as SES does when throttled.
    const throttled = throttlingMailer(() => true);
    const deps = ackDeps(throttled.mailer);
    let c = await classifiedCase(new Date());
    const afterEachAttempt: Array<Acknowledgement | undefined> = [];

    // Act: the queue's retries, one after another.
    for (let attempt = 1; attempt <= MAX_ACK_ATTEMPTS; attempt++) {
      await expect(acknowledgeCase(deps, c)).rejects.toThrow(/Maximum sending rate exceeded/);
      c = (await store.get(c.id)) as SupportCase;
      afterEachAttempt.push(c.acknowledgement);
    }
    const last = await acknowledgeCase(deps, c);

    // Assess
    afterEachAttempt.forEach((ack, i) => {
      expect(ack).toMatchObject({ state: 'pending', attempts: i + 1 });
      expect(ack?.tokenHashes).toHaveLength(i + 1);
      expect(ack?.reason).toMatch(/Maximum sending rate exceeded/);
    });
    expect(throttled.sends()).toBe(MAX_ACK_ATTEMPTS);
    expect(await store.get(c.id)).toEqual(reconcileClocks(last));
    expect(last.acknowledgement).toMatchObject({ state: 'undeliverable', attempts: MAX_ACK_ATTEMPTS });
    expect(last.acknowledgement?.tokenHashes).toHaveLength(MAX_ACK_ATTEMPTS);
    expect(last.acknowledgement?.reason).toMatch(/gave up/);
    expect(await sentEmailsTo(c.customer.email)).toEqual([]);
  });
});

describe('whose budget an acknowledgement spends', () => {
  const oneAnHour = { ...DEFAULT_ACK_LIMITS, perRecipient: { max: 1, windowMinutes: 60 } };
  const realMailer = () => throttlingMailer(() => false).mailer;
  /** A stored, classified case for `email`, opened from `source`. */
  async function caseFor(email: string, source?: SupportCase['source']) {
    const c = { ...(await classifiedCase(new Date())), customer: { name: 'Lin', email } };
    const stored = { ...c, ...(source ? { source } : {}), version: c.version + 1 };
    await store.update(stored);
    return stored;
  }

  it('one mailbox, however it is plus-tagged, has one budget', async () => {
    const mailbox = `relay-${randomUUID()}`;
    const deps = ackDeps(realMailer(), oneAnHour);
    const first = await acknowledgeCase(
      deps,
      await caseFor(`${mailbox}+1@example.com`, { ip: '198.51.100.1' }),
    );
    const second = await acknowledgeCase(
      deps,
      await caseFor(`${mailbox}+2@example.com`, { ip: '198.51.100.2' }),
    );
    expect(first.acknowledgement?.state).toBe('sent');
    expect(second.acknowledgement).toMatchObject({
      state: 'withheld',
      reason: expect.stringMatching(/per address/),
    });
  });

  it('a request the owner’s own domain vouched for (DMARC) is answered even when strangers spent the budget', async () => {
    const owner = `owner-${randomUUID()}@example.com`;
    const deps = ackDeps(realMailer(), oneAnHour);
    await acknowledgeCase(deps, await caseFor(owner, { ip: '198.51.100.3' }));
    const stranger = await acknowledgeCase(deps, await caseFor(owner, { ip: '198.51.100.4' }));
    const own = await acknowledgeCase(deps, await caseFor(owner, { vouchedBy: 'dmarc' }));
    expect(stranger.acknowledgement?.state).toBe('withheld');
    expect(own.acknowledgement?.state).toBe('sent');
  });

  it('a failed address lookup releases the claim for the retry instead of holding it until it goes stale', async () => {
    const c = await classifiedCase(new Date());
    const real = new DynamoDbRecipients(dynamoDocumentClient(), tableName);
    const failing = Object.assign(Object.create(real) as DynamoDbRecipients, {
      get: async () => {
        throw Object.assign(new Error('Throughput exceeds the current capacity'), {
          name: 'ProvisionedThroughputExceededException',
        });
      },
    });
    await expect(acknowledgeCase({ ...ackDeps(realMailer()), recipients: failing }, c)).rejects.toThrow(
      /Throughput/,
    );
    expect((await store.get(c.id))?.acknowledgement).toMatchObject({ state: 'pending', attempts: 1 });
    expect(await sentEmailsTo(c.customer.email)).toEqual([]);
  });
});
