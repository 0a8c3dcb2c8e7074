// The ladder under duplication and concurrency, against the running system: SQS delivers a
// level's work at least once (and the sweep re-queues it), two pollers work a queue at once,
// agents act on one case at the same moment, clients retry. None of it may send a mail twice,
// lose a change, or record an action twice.
import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCallbackSlots } from '../../shared/adapters/dynamodb/dynamodb-callback-slots.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { replyToCustomer } from '../../shared/domain/case-lifecycle.ts';
import { ConcurrentUpdateError } from '../../shared/domain/errors.ts';
import { call, eventually, local, newCaseBody, sentEmailsTo, verifiedAddress } from '../support/http.ts';
import { lambdaTestContext, sqsEvent } from '../support/lambda.ts';

/** A JSON answer of the API, as `call` gives it. */
type Json = Awaited<ReturnType<typeof call>>['json'];

const CALLBACK_TEAM = 'callback-team@tierdesk.example';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Opened = { id: string; reference: string; email: string; token: string };

/** Opens a case by form and waits until the classifier put it at `level`. */
async function openAt(level: 1 | 2, email = `conc-${randomUUID()}@example.com`): Promise<Opened> {
  const body =
    level === 1
      ? newCaseBody({
          email,
          subject: 'Question about our March invoice',
          description: 'We received invoice 2026-0311 and the amount is higher than our contract says.',
        })
      : newCaseBody({ email });
  const created = await call('POST', '/cases', { body });
  expect(created.status).toBe(201);
  const { id, reference, accessToken } = created.json;
  await eventually(
    async () => {
      const read = await call('GET', `/cases/${id}`, { token: local().agentTokens.admin });
      return read.json?.classification ? read.json : undefined;
    },
    20_000,
    'classification',
  );
  const read = await call('GET', `/cases/${id}`, { token: local().agentTokens.admin });
  expect(read.json.classification.level).toBe(level);
  // A customer books a call only from a confirmed address (a technician calls the form's number).
  if (level === 2) await verifiedAddress(email);
  return { id, reference, email, token: accessToken };
}

async function history(id: string): Promise<Array<Json>> {
  const answer = await call('GET', `/cases/${id}/history?limit=200`, { token: local().agentTokens.admin });
  expect(answer.status).toBe(200);
  return answer.json.events;
}

/** The mails about the case to `address`, after a pause in which a duplicate would have come. */
async function settledMails(address: string, reference: string, subject: string) {
  const about = async () =>
    (await sentEmailsTo(address)).filter(
      (m) => m.subject.includes(`[${reference}]`) && m.subject.includes(subject),
    );
  await eventually(async () => ((await about()).length > 0 ? true : undefined), 20_000, `mail "${subject}"`);
  // Visibility timeout is 2 s in tests: a redelivered copy's mail would have arrived by now.
  await sleep(3_000);
  return about();
}

function sendToQueue(level: number, message: Record<string, unknown>, copies: number) {
  const queueUrl = process.env[`LEVEL${level}_QUEUE_URL`];
  if (!queueUrl) throw new Error(`LEVEL${level}_QUEUE_URL is not set`);
  return Promise.all(
    Array.from({ length: copies }, () =>
      sqsClient().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(message) })),
    ),
  );
}

describe('duplicated and concurrent level work sends each mail once', () => {
  it('six copies of a reply’s work message on the level queue at once: one mail for the reply', async () => {
    // Prepare
    const c = await openAt(1);
    const reply = await call('POST', `/cases/${c.id}/replies`, {
      token: local().agentTokens.level1,
      body: { text: 'Could you send us the invoice number?', waitForCustomer: true },
    });
    expect(reply.status).toBe(200);
    const replied = (await history(c.id)).find((e) => e.type === 'replied');
    expect(replied).toBeDefined();

    // Act: the copies race the message the reply itself queued, on two pollers.
    await sendToQueue(1, { caseId: c.id, level: 1, eventId: replied?.id, reason: 'event' }, 6);
    const mails = await settledMails(c.email, c.reference, 'Answer to your request');

    // Assess
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain('Could you send us the invoice number?');
    const sent = (await history(c.id)).filter(
      (e) => e.type === 'email-sent' && e.data.forEvent === replied?.id && e.data.to === c.email,
    );
    expect(sent).toHaveLength(1);

    // A late redelivery, once the work is done, changes nothing either.
    await sendToQueue(1, { caseId: c.id, level: 1, eventId: replied?.id, reason: 'event' }, 2);
    expect(await settledMails(c.email, c.reference, 'Answer to your request')).toHaveLength(1);
  }, 40_000);

  it('three level 1 workers at once, each with a batch of three copies of one reply’s work: one mail', async () => {
    // Prepare: the reply is written as the API writes it, but its work is on no queue yet (the
    // sweep runs only when a test fires it), so the racers below are the only ones to do it.
    const c = await openAt(1);
    const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
    const eventId = ulid();
    // The level 1 worker may still be taking the case in: write on what is stored then.
    for (let attempt = 1; ; attempt++) {
      const stored = await store.get(c.id);
      if (!stored) throw new Error('case not stored');
      const replied = replyToCustomer(
        stored,
        { text: 'Which invoice number does the letter show?', waitForCustomer: true },
        { at: new Date(), eventId, actor: { kind: 'agent', id: 'agent-l1' } },
      );
      if (replied.kind !== 'changed') throw new Error('the reply changed nothing');
      try {
        await store.commit(replied.case, replied.events);
        break;
      } catch (error) {
        if (!(error instanceof ConcurrentUpdateError) || attempt >= 10) throw error;
        await sleep(100);
      }
    }
    process.env.SUPPORT_LEVEL = '1';
    const { handler } = (await import('../../functions/level-worker/handler.ts')) as unknown as {
      handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
    };
    const body = JSON.stringify({ caseId: c.id, level: 1, eventId, reason: 'event' });

    // Act
    await Promise.all(
      [1, 2, 3].map(() => handler(sqsEvent([body, body, body]), lambdaTestContext('level1Worker'))),
    );

    // Assess: whoever lost the race stood back (its copy retried later finds the work done).
    const mails = await settledMails(c.email, c.reference, 'Answer to your request');
    expect(mails).toHaveLength(1);
    expect(mails[0]?.body.text).toContain('Which invoice number does the letter show?');
    const events = await history(c.id);
    expect(events.filter((e) => e.type === 'email-sent' && e.data.forEvent === eventId)).toHaveLength(1);
    expect((await store.get(c.id))?.pendingEffects ?? []).not.toContainEqual(
      expect.objectContaining({ eventId }),
    );
  }, 40_000);

  it('six copies of an arrival at level 2 at once: the callback team is told once', async () => {
    // Prepare: an arrival names no event; the classifier has queued one already.
    const c = await openAt(2);

    // Act
    await sendToQueue(2, { caseId: c.id, level: 2, reason: 'classified' }, 6);
    const mails = await settledMails(CALLBACK_TEAM, c.reference, 'New case for a technical callback');

    // Assess
    expect(mails).toHaveLength(1);
    expect((await history(c.id)).filter((e) => e.type === 'queued')).toHaveLength(1);
  }, 40_000);
});

describe('agents acting on one case at once lose no change', () => {
  it('ten notes from two agents at the same moment are all kept', async () => {
    // Prepare
    const c = await openAt(2);
    const { level1, level2 } = local().agentTokens;
    const texts = Array.from({ length: 10 }, (_, i) => `note ${i} ${randomUUID()}`);

    // Act
    const answers = await Promise.all(
      texts.map((text, i) =>
        call('POST', `/cases/${c.id}/notes`, { token: i % 2 ? level2 : level1, body: { text } }),
      ),
    );

    // Assess
    // A note never makes another impossible, so none may answer 409. Known defect: act-on-case.ts
    // gives up after five attempts (at most 160 ms of backoff) and answers 409 concurrent_update
    // under contention; this fails now and then until that is fixed.
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.text}`)).toEqual([]);
    const notes = (await history(c.id)).filter((e) => e.type === 'noted');
    expect(notes.map((e) => e.data.text).sort()).toEqual([...texts].sort());
    expect(new Set(notes.map((e) => e.actor.id))).toEqual(new Set(['agent-l1', 'agent-l2']));
  });

  it('a take and a note at the same moment both land', async () => {
    // Prepare
    const c = await openAt(2);
    const { level1, level2 } = local().agentTokens;

    // Act
    const [taken, noted] = await Promise.all([
      call('POST', `/cases/${c.id}/assignment`, { token: level2, body: {} }),
      call('POST', `/cases/${c.id}/notes`, { token: level1, body: { text: 'Seen this before: KB 4711.' } }),
    ]);

    // Assess
    expect([taken.status, noted.status]).toEqual([200, 200]);
    const events = await history(c.id);
    expect(events.filter((e) => e.type === 'taken')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'noted').map((e) => e.data.text)).toEqual([
      'Seen this before: KB 4711.',
    ]);
    const read = await call('GET', `/cases/${c.id}`, { token: level1 });
    expect(read.json).toMatchObject({ assignee: 'agent-l2', status: 'in-progress' });
  });
});

describe('customers racing for a callback window', () => {
  it('three customers book the same window of two places at once: two get it, the third is told', async () => {
    // Prepare: three cases at level 2, and two windows nobody has booked yet.
    const cases = await Promise.all([openAt(2), openAt(2), openAt(2)]);
    const [a, b, c] = cases;
    if (!a || !b || !c) throw new Error('cases missing');
    const slots = new DynamoDbCallbackSlots(dynamoDocumentClient(), process.env.TABLE_NAME as string);
    const offered = (await call('GET', `/cases/${a.id}/callback-slots`, { token: a.token })).json
      .slots as Array<{
      start: string;
    }>;
    const counts = await slots.booked(offered[0]?.start ?? '', offered.at(-1)?.start ?? '');
    const [window, other] = offered
      .slice(Math.floor(offered.length / 3))
      .filter((w) => (counts.get(w.start) ?? 0) === 0)
      .map((w) => w.start);
    if (!window || !other) throw new Error('no free windows');

    // Act
    const answers = await Promise.all(
      cases.map((x) => call('PUT', `/cases/${x.id}/callback`, { token: x.token, body: { start: window } })),
    );

    // Assess
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, expect.any(Number)]);
    const loserIndex = answers.findIndex((r) => r.status !== 200);
    const loser = cases[loserIndex];
    const refused = answers[loserIndex];
    if (!loser || !refused) throw new Error('nobody lost the race');
    expect([400, 409, 422]).toContain(refused.status);
    expect(refused.json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect((await slots.booked(window, window)).get(window)).toBe(2);
    const forLoser = async () =>
      (
        (await call('GET', `/cases/${loser.id}/callback-slots`, { token: loser.token })).json.slots as Array<{
          start: string;
        }>
      ).map((w) => w.start);
    expect(await forLoser()).not.toContain(window);

    // A winner moves away: the place they held is offered again, and the third customer gets it.
    const winner = cases.find((_, i) => i !== loserIndex) as Opened;
    const moved = await call('PUT', `/cases/${winner.id}/callback`, {
      token: winner.token,
      body: { start: other },
    });
    expect(moved.status).toBe(200);
    expect(await forLoser()).toContain(window);
    const late = await call('PUT', `/cases/${loser.id}/callback`, {
      token: loser.token,
      body: { start: window },
    });
    expect(late.status).toBe(200);
    expect((await slots.booked(window, other)).get(window)).toBe(2);
    expect((await slots.booked(window, other)).get(other)).toBe(1);
  }, 40_000);
});

describe('retries and refusals', () => {
  it('a resolution sent twice at once and retried later: three 200s, one resolved event, one mail', async () => {
    // Prepare
    const c = await openAt(1);
    const body = { resolution: 'We corrected the invoice; the credit note follows by post.' };
    const resolve = () =>
      call('POST', `/cases/${c.id}/resolution`, { token: local().agentTokens.level1, body });

    // Act
    const racing = await Promise.all([resolve(), resolve()]);
    const retried = await resolve();

    // Assess
    expect([...racing, retried].map((a) => a.status)).toEqual([200, 200, 200]);
    for (const answer of [...racing, retried]) expect(answer.json.status).toBe('resolved');
    expect((await history(c.id)).filter((e) => e.type === 'resolved')).toHaveLength(1);
    expect(await settledMails(c.email, c.reference, 'Your request has been resolved')).toHaveLength(1);
  }, 30_000);

  it('an Idempotency-Key replays its own request and refuses another body', async () => {
    // Prepare
    const c = await openAt(1);
    const key = `note-${randomUUID()}`;
    const note = (text: string) =>
      call('POST', `/cases/${c.id}/notes`, {
        token: local().agentTokens.level1,
        body: { text },
        headers: { 'idempotency-key': key },
      });

    // Act
    const first = await note('Called the customer, no answer.');
    const again = await note('Called the customer, no answer.');
    const other = await note('Something else entirely.');

    // Assess
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(other.status).toBeLessThan(500);
    expect(other.json.error).toMatchObject({ code: 'idempotency_key_reused' });
    const notes = (await history(c.id)).filter((e) => e.type === 'noted');
    expect(notes.map((e) => e.data.text)).toEqual(['Called the customer, no answer.']);
  });

  it('an illegal transition is a 409 that names the current status', async () => {
    // Prepare
    const c = await openAt(1);

    // Act
    const closed = await call('POST', `/cases/${c.id}/closure`, {
      token: local().agentTokens.level1,
      body: { reason: 'Done, I think.' },
    });
    const confirmed = await call('POST', `/cases/${c.id}/resolution-answer`, {
      token: c.token,
      body: { accepted: true },
    });

    // Assess
    expect(closed.status).toBe(409);
    expect(closed.json.error.code).toBe('invalid_transition');
    expect(closed.json.error.message).toContain("'open'");
    expect(confirmed.status).toBe(409);
    expect(confirmed.json.error.message).toContain("'open'");
    const read = await call('GET', `/cases/${c.id}`, { token: local().agentTokens.level1 });
    expect(read.json.status).toBe('open');
    expect((await history(c.id)).filter((e) => e.type === 'closed')).toHaveLength(0);
  });
});
