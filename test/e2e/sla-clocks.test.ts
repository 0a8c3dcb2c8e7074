// SLA clocks through the local runtime: a P1 case opened with POST /cases shows its clocks on
// GET /cases/{id}; the minute sweep (slaTimer, invoked through the local Lambda Invoke API with a
// Scheduled Event whose `time` we choose) records the warning and the breach once each, the
// level's lead and management are mailed once each (read back from the SES store), the policy
// moves the case to the next level, and the breach moves it up that level's queue — even when
// sweeps overlap, repeat or run late.
//
// The sweeps run minutes ahead of the real time: they would act on every other file's cases due
// by then. So this file starts a local runtime of its own (its own DynamoDB, queues and SES
// store, its own schedule switched off), as the relay test does, and sweeps only its own cases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import policy from '../../config/default/sla-policy.json' with { type: 'json' };
import teams from '../../config/default/teams.json' with { type: 'json' };
import { type LocalSystem, startLocalSystem } from '../../local/local-system.ts';
import { callFrom, sesStore } from '../support/front-door.ts';
import { eventually, newCaseBody, type SentEmail } from '../support/http.ts';

let system: LocalSystem;
let adminToken: string;

beforeAll(async () => {
  system = await startLocalSystem({
    visibilityTimeoutSeconds: 2,
    scheduleIntervalMs: 24 * 60 * 60_000,
    log: () => {},
  });
  adminToken = await system.issueToken({ subject: 'sla-test', roles: ['admin'], levels: [1, 2, 3, 4] });
}, 90_000);

afterAll(async () => {
  await system?.stop();
});

const call = (method: string, path: string, options: Parameters<typeof callFrom>[3] = {}) =>
  callFrom(system.urls.api, method, path, options);
const local = () => ({ agentTokens: { admin: adminToken } });
async function sentEmailsTo(address: string): Promise<SentEmail[]> {
  return (await sesStore(system.urls.ses)).filter((e) => e.destination.to.some((to) => to.includes(address)));
}
/** The local Lambda Invoke API of this file's runtime (as `aws lambda invoke` calls it). */
async function invokeFunction(name: string, payload: unknown) {
  const url = `${system.urls.lambda}/2015-03-31/functions/${encodeURIComponent(name)}/invocations`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: JSON.parse(text || 'null') as unknown,
  };
}

type Json = Awaited<ReturnType<typeof call>>['json'];

const MINUTE = 60_000;
const LEAD_L1 = teams.level1.lead;
const MANAGEMENT = policy.breach.P1.notify;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The rated-high text: 300 people cannot sign in (P1), an access problem (the ticket desk). */
const P1_AT_LEVEL_1 = {
  subject: 'Password reset for everyone',
  description: 'All 300 employees cannot log in since 8:00, urgent, we are blocked.',
};
/** Rated P1 too, but an application fault: the technical callback (level 2). */
const P1_AT_LEVEL_2 = {
  subject: 'Outlook crashes for the whole team',
  description: 'Outlook crashes for all 40 people in sales, urgent, we cannot work.',
};

/** The Scheduled Event EventBridge sends the sweep every minute, at the `time` we choose. */
const tick = (time: Date) => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: time.toISOString(),
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:123456789012:rule/tierdesk-sla-timer'],
  detail: {},
});

async function sweep(time: Date) {
  const invoked = await invokeFunction('slaTimer', tick(time));
  expect(invoked.status, invoked.text).toBe(200);
  expect(invoked.headers.get('x-amz-function-error'), invoked.text).toBeNull();
  expect(invoked.json).toMatchObject({ slaAlerts: expect.any(Number) });
  return invoked.json as { slaAlerts: number };
}

async function agentRead(id: string): Promise<Json> {
  const read = await call('GET', `/cases/${id}`, { token: local().agentTokens.admin });
  expect(read.status, read.text).toBe(200);
  return read.json;
}

/** Opens a case and waits until the classifier has routed it. */
async function openClassified(problem: { subject: string; description: string }): Promise<Json> {
  const created = await call('POST', '/cases', {
    body: newCaseBody({ email: `sla-${randomUUID()}@example.com`, ...problem }),
  });
  expect(created.status, created.text).toBe(201);
  return eventually(
    async () => {
      const c = await agentRead(created.json.id);
      return c.status !== 'new' && c.classification ? c : undefined;
    },
    20_000,
    `classification of ${created.json.id}`,
  );
}

async function historyOf(id: string): Promise<Json[]> {
  const history = await call('GET', `/cases/${id}/history?limit=200`, { token: local().agentTokens.admin });
  expect(history.status, history.text).toBe(200);
  return history.json.events;
}

const eventsOfType = async (id: string, type: string) => (await historyOf(id)).filter((e) => e.type === type);

/** The mails to `address` about the case with `reference` whose subject contains `kind`. */
async function alertMails(address: string, reference: string, kind: 'SLA warning' | 'SLA BREACHED') {
  return (await sentEmailsTo(address)).filter(
    (m) => m.subject.includes(`[${reference}]`) && m.subject.includes(kind),
  );
}

function waitForAlertMail(address: string, reference: string, kind: 'SLA warning' | 'SLA BREACHED') {
  return eventually(
    async () => {
      const mails = await alertMails(address, reference, kind);
      return mails.length > 0 ? mails : undefined;
    },
    20_000,
    `"${kind}" mail about ${reference} to ${address}`,
  );
}

/** Every case of a level's queue, in the queue's order, page by page (bounded). */
async function queueOf(level: number): Promise<Json[]> {
  const cases: Json[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const listed = await call('GET', `/queues/${level}?${query}`, { token: local().agentTokens.admin });
    expect(listed.status, listed.text).toBe(200);
    cases.push(...listed.json.cases);
    cursor = listed.json.cursor;
    if (!cursor) break;
  }
  return cases;
}

describe('SLA clocks, warnings and breach alerts through the local runtime', () => {
  it('shows the clocks, warns and breaches once each (overlapping, repeated sweeps), escalates and moves the case up its queue', async () => {
    expect(policy.breach.P1.escalateToNextLevel).toBe(true);
    expect(MANAGEMENT.length).toBeGreaterThan(0);

    // ── An older P1 case at level 2, answered at once: its response clock is met, nothing breaches.
    const older = await openClassified(P1_AT_LEVEL_2);
    expect(older.classification).toMatchObject({ priority: 'P1', level: 2 });
    const answered = await call('POST', `/cases/${older.id}/replies`, {
      token: local().agentTokens.admin,
      body: { text: 'We are looking into it right now.', waitForCustomer: false },
    });
    expect(answered.status, answered.text).toBe(200);
    expect((await agentRead(older.id)).clocks.response.state).toBe('met');

    // ── Our case: P1 at the ticket desk (level 1).
    const opened = await openClassified(P1_AT_LEVEL_1);
    expect(opened.classification).toMatchObject({ priority: 'P1', level: 1 });
    const { id, reference } = opened;
    const createdAt = Date.parse(opened.createdAt);
    expect(Date.parse(older.createdAt)).toBeLessThan(createdAt);

    // GET /cases/{id}: both clocks, around the clock for P1 (15 minutes, 4 hours from intake).
    const dueAt = createdAt + 15 * MINUTE;
    expect(opened.clocks.response).toMatchObject({
      targetMinutes: 15,
      calendar: '24x7',
      dueAt: new Date(dueAt).toISOString(),
      state: 'running',
    });
    expect(opened.clocks.resolution).toMatchObject({
      targetMinutes: 240,
      calendar: '24x7',
      dueAt: new Date(createdAt + 240 * MINUTE).toISOString(),
      state: 'running',
    });
    for (const clock of [opened.clocks.response, opened.clocks.resolution]) {
      expect(clock.elapsedMinutes).toBeGreaterThanOrEqual(0);
      expect(clock.elapsedMinutes).toBeLessThanOrEqual(Math.ceil((Date.now() - createdAt) / MINUTE));
    }

    // ── Two overlapping sweeps past the warning instant (75 % of 15 minutes = 11¼ minutes).
    const warnTime = new Date(createdAt + 12 * MINUTE);
    await Promise.all([sweep(warnTime), sweep(warnTime)]);
    const warnings = await eventually(
      async () => {
        const found = await eventsOfType(id, 'sla-warning');
        return found.length > 0 ? found : undefined;
      },
      10_000,
      'the sla-warning event',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      at: warnTime.toISOString(),
      visibility: 'internal',
      data: { clock: 'response', level: 1, priority: 'P1', targetMs: 15 * MINUTE },
    });
    expect(await eventsOfType(id, 'sla-breached')).toEqual([]);
    const warned = await agentRead(id);
    expect(warned.clocks.response).toMatchObject({ state: 'warned', warnedAt: warnTime.toISOString() });
    expect(warned.classification.level).toBe(1);
    const [warningMail] = await waitForAlertMail(LEAD_L1, reference, 'SLA warning');
    expect(warningMail?.body.text).toContain(reference);

    // ── Two overlapping sweeps a minute past the due instant, then a later one.
    const breachTime = new Date(dueAt + MINUTE);
    await Promise.all([sweep(breachTime), sweep(breachTime)]);
    const breaches = await eventually(
      async () => {
        const found = await eventsOfType(id, 'sla-breached');
        return found.length > 0 ? found : undefined;
      },
      10_000,
      'the sla-breached event',
    );
    await sweep(new Date(dueAt + 3 * MINUTE));

    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({
      at: breachTime.toISOString(),
      data: { clock: 'response', level: 1, priority: 'P1', targetMs: 15 * MINUTE },
    });
    await waitForAlertMail(LEAD_L1, reference, 'SLA BREACHED');
    for (const address of MANAGEMENT) await waitForAlertMail(address, reference, 'SLA BREACHED');

    // The policy moves a P1 breach to the next level.
    const escalated = await eventsOfType(id, 'escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]?.data).toMatchObject({ fromLevel: 1, level: 2 });
    const breached = await agentRead(id);
    expect(breached.classification.level).toBe(2);
    expect(breached.status).toBe('open');
    expect(breached.clocks.response).toMatchObject({
      state: 'breached',
      breachedAt: breachTime.toISOString(),
    });

    // ── Once each, however often the sweep ran: give the level workers time to send anything extra.
    await sleep(3_000);
    expect(await eventsOfType(id, 'sla-warning')).toHaveLength(1);
    expect(await eventsOfType(id, 'sla-breached')).toHaveLength(1);
    expect(await eventsOfType(id, 'escalated')).toHaveLength(1);
    expect(await alertMails(LEAD_L1, reference, 'SLA warning')).toHaveLength(1);
    expect(await alertMails(LEAD_L1, reference, 'SLA BREACHED')).toHaveLength(1);
    for (const address of MANAGEMENT) {
      expect(await alertMails(address, reference, 'SLA BREACHED')).toHaveLength(1);
      // Management hears of breaches, not of warnings.
      expect(await alertMails(address, reference, 'SLA warning')).toHaveLength(0);
    }
    // The lead of the level the case moved to is not the one alerted for level 1's clock.
    expect(await alertMails(teams.level2.lead, reference, 'SLA BREACHED')).toHaveLength(0);

    // ── The queue: at level 2 the breached case comes before the older P1 case that is not breached.
    expect((await agentRead(older.id)).clocks.response.state).toBe('met');
    const queue = await queueOf(2);
    const ids = queue.map((c) => c.id);
    expect(ids).toContain(id);
    expect(ids).toContain(older.id);
    expect(queue.find((c) => c.id === older.id)?.priority).toBe('P1');
    expect(queue.find((c) => c.id === id)?.priority).toBe('P1');
    expect(ids.indexOf(id)).toBeLessThan(ids.indexOf(older.id));
  });

  it('answers a priority correction with the clocks of the new priority, as GET /cases/{id} then shows them', async () => {
    // A single user's crash: P4 at level 2, counted on level 2's business hours.
    const opened = await openClassified({
      subject: 'Outlook crashes on start',
      description: 'Since this morning Outlook crashes right after I start it.',
    });
    expect(opened.classification).toMatchObject({ priority: 'P4' });
    expect(opened.clocks.response).toMatchObject({ targetMinutes: 600 });

    // Everyone is hit after all: impact and urgency high make it P1, around the clock.
    const corrected = await call('PUT', `/cases/${opened.id}/classification`, {
      token: local().agentTokens.admin,
      body: { impact: 'high', urgency: 'high', reason: 'the whole sales floor is affected' },
    });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.json.classification.priority).toBe('P1');
    const read = await agentRead(opened.id);
    expect(read.clocks.response).toMatchObject({ targetMinutes: 15, calendar: '24x7' });
    // The correction's own answer shows the same clocks as the read right after it.
    expect(corrected.json.clocks.response).toMatchObject({
      targetMinutes: read.clocks.response.targetMinutes,
      calendar: read.clocks.response.calendar,
      dueAt: read.clocks.response.dueAt,
    });
  });
});
