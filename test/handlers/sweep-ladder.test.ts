// The minute sweep's ladder duties against the local runtime's DynamoDB: a resolved case whose
// objection window has passed is closed, a callback an hour away is reminded, a silent vendor is
// reminded, and work nobody finished is queued again until it is given up — each once, however
// often or concurrently the sweep runs.
//
// Isolation. listDue reads each due shard in ascending order of the due instant (oldest first,
// at most 100 per shard), and a sweep acts on everything due before its `time`. So:
//  - the cases here are due in 2099: the other tests' sweeps (which run at the real time) never
//    see them, and they never touch the other tests' cases;
//  - the sweep runs through the real use case on the real store, but the store it is given lists
//    only this test's cases (listDue filters the real index's answer), so a sweep at 2099 does not
//    close or re-queue what other test files are still working with; each test first checks that
//    the real due index lists its case at the sweep's time;
//  - the queues record their messages instead of sending them, so the local level workers do not
//    finish (and so race) the work the sweep re-queues.
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import type { Actor, CaseEvent, CaseEventType } from '../../shared/domain/case-history.ts';
import {
  answerConsent,
  answerResolution,
  askConsent,
  bookCallback,
  replyToCustomer,
  resolveCase,
  type Stamp,
  type Transition,
  vendorAnswered,
  vendorContacted,
} from '../../shared/domain/case-lifecycle.ts';
import {
  CALLBACK_REMINDER_BEFORE_MS,
  classify,
  EFFECT_REPAIR_AFTER_MS,
  MAX_EFFECT_REPAIRS,
  type SupportCase,
} from '../../shared/domain/support-case.ts';
import type { Level } from '../../shared/domain/support-model.ts';
import type { CaseStore, ClassifyMessage, EscalationMessage } from '../../shared/use-cases/ports.ts';
import { sweepClocksUseCase } from '../../shared/use-cases/sweep-clocks.ts';
import { draftCase, level1Verdict } from '../support/cases.ts';

const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);

const BASE = Date.parse('2099-06-01T00:00:00.000Z');
/** `days` days and `minutes` minutes after the base instant of 2099. */
const when = (days: number, minutes = 0) => new Date(BASE + days * 86_400_000 + minutes * 60_000);
const minutesAfter = (t: Date, minutes: number) => new Date(t.getTime() + minutes * 60_000);

const agent = (id: string): Actor => ({ kind: 'agent', id });
const SWEEPER: Actor = { kind: 'system', id: 'sla-timer' };
const VENDOR = 'printcare';

/** Applies transitions one after the other, as the desk would have, keeping every event. */
function story(start: SupportCase, steps: Array<(c: SupportCase) => Transition>) {
  let c = start;
  const events: CaseEvent[] = [];
  for (const step of steps) {
    const t = step(c);
    if (t.kind !== 'changed') throw new Error('a set-up step changed nothing');
    c = t.case;
    events.push(...t.events);
  }
  return { case: c, events };
}

const stampAt = (at: Date, actor: Actor = agent('agent-7')): Stamp => ({
  at,
  eventId: ulid(at.getTime()),
  actor,
});

/**
 * A case as intake writes it at `createdAt` (a fresh id, reference and address), then, in one
 * commit, classified at `level` with its acknowledgement sent and shaped by `shape` — the
 * history events of the shaping are written with it.
 */
async function storedCase(
  createdAt: Date,
  level: Level,
  shape: (classified: SupportCase) => { case: SupportCase; events: CaseEvent[] },
): Promise<SupportCase> {
  const drafted = draftCase({
    at: createdAt,
    name: 'Noor',
    email: `ladder-${randomUUID()}@example.com`,
    subject: 'Printer on floor 3 is jammed',
    description: 'The printer on floor 3 jams on every page.',
  });
  await store.create(drafted);
  const verdict = {
    ...level1Verdict(createdAt),
    level,
    // P5 sorts last in a level's queue: these cases never crowd another test's queue listing.
    impact: 'low' as const,
    urgency: 'low' as const,
    priority: 'P5' as const,
    ...(level === 4 ? { vendorId: VENDOR } : {}),
  };
  const classified: SupportCase = {
    ...classify(drafted, verdict, createdAt),
    acknowledgement: { state: 'sent', attempts: 1, tokenHashes: ['ack'], sentAt: createdAt.toISOString() },
  };
  const shaped = shape(classified);
  const written: SupportCase = { ...shaped.case, version: drafted.version + 1 };
  await store.commit(written, shaped.events);
  const stored = await store.get(drafted.id);
  if (!stored) throw new Error(`case ${drafted.id} was not stored`);
  expect(stored.version).toBe(drafted.version + 1);
  return stored;
}

/** The real store, but its due listing holds only these cases, and nothing is unclassified. */
function storeListing(ids: ReadonlySet<string>): CaseStore {
  return Object.assign(Object.create(store) as DynamoDbCaseStore, {
    listDue: async (now: string, limit: number) =>
      (await store.listDue(now, limit)).filter((c) => ids.has(c.id)),
    listUnclassified: async () => [],
  });
}

/** A sweep over these cases whose queues record what it sends. */
function sweeper(...cases: SupportCase[]) {
  const escalations: EscalationMessage[] = [];
  const classifications: ClassifyMessage[] = [];
  const deps = {
    store: storeListing(new Set(cases.map((c) => c.id))),
    queues: {
      requestClassification: async (message: ClassifyMessage) => {
        classifications.push(message);
      },
      escalate: async (message: EscalationMessage) => {
        escalations.push(message);
      },
    },
  };
  return { escalations, classifications, sweep: (time: Date) => sweepClocksUseCase(deps, time) };
}

async function current(id: string): Promise<SupportCase> {
  const c = await store.get(id);
  if (!c) throw new Error(`case ${id} is gone`);
  return c;
}

async function history(id: string): Promise<CaseEvent[]> {
  return (await store.listHistory(id, { limit: 100 })).events;
}

const ofType = (events: CaseEvent[], type: CaseEventType) => events.filter((e) => e.type === type);

async function dueAt(time: Date): Promise<string[]> {
  return (await store.listDue(time.toISOString(), 100)).map((c) => c.id);
}

let sweepsWithoutClassifyRequests: Array<ReturnType<typeof sweeper>> = [];
afterEach(() => {
  // Every case here has its acknowledgement sent and is classified: no sweep asks to classify.
  for (const s of sweepsWithoutClassifyRequests) expect(s.classifications).toEqual([]);
  sweepsWithoutClassifyRequests = [];
});
function ladder(...cases: SupportCase[]) {
  const s = sweeper(...cases);
  sweepsWithoutClassifyRequests.push(s);
  return s;
}

describe('the sweep climbs the ladder’s clocks, once', () => {
  it('closes a resolved case once its objection window has passed, and only once', async () => {
    // Prepare: resolved a day in; the resolution mail was sent (no pending work).
    const resolvedAt = when(0, 60);
    const c = await storedCase(when(0), 1, (classified) => {
      const done = story({ ...classified, status: 'in-progress', assignee: 'agent-7' }, [
        (x) => resolveCase(x, 'Cleared the paper path', stampAt(resolvedAt)),
      ]);
      return { case: { ...done.case, pendingEffects: undefined }, events: done.events };
    });
    const closesAt = new Date(c.resolution?.closesAt ?? '');
    expect(closesAt.toISOString()).toBe(when(5, 60).toISOString());
    const { sweep, escalations } = ladder(c);

    // Act & assess: not a minute early.
    const early = await sweep(minutesAfter(closesAt, -1));
    expect(early.closed).toBe(0);
    expect(await current(c.id)).toMatchObject({ status: 'resolved', version: c.version });

    const after = minutesAfter(closesAt, 1);
    expect(await dueAt(after)).toContain(c.id);
    const first = await sweep(after);
    expect(first.closed).toBe(1);
    const closed = await current(c.id);
    expect(closed).toMatchObject({
      status: 'closed',
      version: c.version + 1,
      updatedAt: after.toISOString(),
    });
    expect(await dueAt(minutesAfter(closesAt, 2))).not.toContain(c.id);

    const again = await sweep(minutesAfter(closesAt, 2));
    expect(again.closed).toBe(0);
    expect((await current(c.id)).version).toBe(closed.version);

    const events = await history(c.id);
    const closings = ofType(events, 'closed');
    expect(closings).toHaveLength(1);
    expect(closings[0]).toMatchObject({
      actor: SWEEPER,
      visibility: 'public',
      at: after.toISOString(),
      data: { fromStatus: 'resolved', toStatus: 'closed' },
    });
    expect(String(closings[0]?.data.reason)).toContain('objection');
    expect(ofType(events, 'resolved')).toHaveLength(1);
    // Closing calls for one piece of work: the level's worker tells the customer it is closed.
    expect(escalations).toEqual([
      { caseId: c.id, eventId: closings[0]?.id, level: c.classification?.level, reason: 'event' },
    ]);
  });

  it('reminds the customer of a callback within the hour once, over overlapping sweeps', async () => {
    // Prepare: a level 2 call booked for 10:00 the next day; its invite was sent.
    const start = when(11, 600);
    const c = await storedCase(when(10), 2, (classified) => {
      const done = story({ ...classified, status: 'in-progress', assignee: 'tech-2' }, [
        (x) =>
          bookCallback(
            x,
            {
              start: start.toISOString(),
              end: minutesAfter(start, 30).toISOString(),
              timeZone: 'Europe/Berlin',
            },
            stampAt(when(10, 5), { kind: 'customer' }),
          ),
      ]);
      return { case: { ...done.case, pendingEffects: undefined }, events: done.events };
    });
    expect(c.callback).toMatchObject({ state: 'booked', sequence: 0 });
    const { sweep, escalations } = ladder(c);

    // Not yet within the hour.
    const tooEarly = await sweep(new Date(start.getTime() - CALLBACK_REMINDER_BEFORE_MS - 60_000));
    expect(tooEarly.callbackReminders).toBe(0);
    expect((await current(c.id)).version).toBe(c.version);

    // Act: two sweeps of the same tick at once, then the next tick.
    const tick = minutesAfter(start, -30);
    expect(await dueAt(tick)).toContain(c.id);
    const overlapping = await Promise.all([sweep(tick), sweep(tick)]);
    const reminded = await current(c.id);
    const next = await sweep(minutesAfter(tick, 1));

    // Assess
    expect(overlapping.map((r) => r.callbackReminders)).toContain(1);
    expect(next.callbackReminders).toBe(0);
    expect(reminded.version).toBe(c.version + 1);
    expect(reminded.callback).toMatchObject({ state: 'booked', remindedAt: tick.toISOString() });
    expect((await current(c.id)).version).toBe(reminded.version);

    const reminders = ofType(await history(c.id), 'callback-reminded');
    expect(reminders).toHaveLength(1);
    const [reminder] = reminders;
    expect(reminder).toMatchObject({
      actor: SWEEPER,
      visibility: 'public',
      data: { window: { start: start.toISOString(), end: minutesAfter(start, 30).toISOString() } },
    });
    // The reminder mail is level 2's work: recorded on the case and queued, once.
    expect(reminded.pendingEffects).toEqual([{ eventId: reminder?.id, level: 2, since: tick.toISOString() }]);
    expect(escalations).toEqual([{ caseId: c.id, level: 2, eventId: reminder?.id, reason: 'event' }]);
  });

  it('reminds a vendor silent past its answer target once; an answered vendor is left alone', async () => {
    // Prepare: consent given, the dossier mailed to the vendor, its answer due a day later.
    const answerDueAt = when(21);
    const handedOver = (classified: SupportCase, answered: boolean) => {
      const contact = {
        vendorId: VENDOR,
        answerDueAt: answerDueAt.toISOString(),
        vendorName: 'PrintCare',
        messageId: `<${randomUUID()}@tierdesk.test>`,
      };
      const done = story(classified, [
        (x) => askConsent(x, VENDOR, stampAt(when(20, 1), SWEEPER)),
        (x) => answerConsent(x, { given: true, channel: 'web' }, stampAt(when(20, 2), { kind: 'customer' })),
        (x) => vendorContacted(x, contact, stampAt(when(20, 3), SWEEPER)),
        ...(answered
          ? [
              (x: SupportCase) =>
                vendorAnswered(
                  x,
                  {
                    text: 'A technician comes on Monday',
                    vendorName: 'PrintCare',
                    messageId: '<v1@printcare>',
                  },
                  stampAt(when(20, 60), { kind: 'vendor', id: VENDOR }),
                ),
            ]
          : []),
      ]);
      return { case: { ...done.case, pendingEffects: undefined }, events: done.events };
    };
    const silent = await storedCase(when(20), 4, (classified) => handedOver(classified, false));
    const answered = await storedCase(when(20), 4, (classified) => handedOver(classified, true));
    expect(silent).toMatchObject({
      status: 'waiting-on-vendor',
      vendor: { answerDueAt: answerDueAt.toISOString() },
    });
    expect(answered.vendor?.lastAnswerAt).toBe(when(20, 60).toISOString());
    const { sweep, escalations } = ladder(silent, answered);

    // Act & assess: not before the target.
    expect((await sweep(minutesAfter(answerDueAt, -1))).vendorReminders).toBe(0);

    const tick = minutesAfter(answerDueAt, 1);
    const due = await dueAt(tick);
    expect(due).toContain(silent.id);
    expect(due).not.toContain(answered.id);
    const first = await sweep(tick);
    expect(first.vendorReminders).toBe(1);
    const reminded = await current(silent.id);
    expect(reminded.vendor?.remindedAt).toBe(tick.toISOString());
    expect(reminded.version).toBe(silent.version + 1);

    // The next tick: nothing; ten minutes on, the reminder's unfinished mail is queued again, but
    // no second reminder is recorded.
    const next = await sweep(minutesAfter(tick, 1));
    expect(next).toMatchObject({ vendorReminders: 0, requeuedWork: 0 });
    expect((await current(silent.id)).version).toBe(reminded.version);
    const later = await sweep(minutesAfter(tick, 10));
    expect(later).toMatchObject({ vendorReminders: 0, requeuedWork: 1 });

    const reminders = ofType(await history(silent.id), 'vendor-reminded');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      actor: SWEEPER,
      visibility: 'internal',
      data: { vendorId: VENDOR },
    });
    const reminderWork = { caseId: silent.id, level: 4, eventId: reminders[0]?.id, reason: 'event' };
    expect(escalations).toEqual([reminderWork, reminderWork]);
    expect(ofType(await history(answered.id), 'vendor-reminded')).toEqual([]);
    expect((await current(answered.id)).version).toBe(answered.version);
  });

  it(`queues unfinished work again every two minutes, and gives it up after ${MAX_EFFECT_REPAIRS} tries`, async () => {
    // Prepare: a reply whose mail never went (its queue message was lost).
    const repliedAt = when(30);
    const c = await storedCase(when(29), 1, (classified) =>
      story({ ...classified, status: 'in-progress', assignee: 'agent-7' }, [
        (x) =>
          replyToCustomer(
            x,
            { text: 'Please send a photo of the jam', waitForCustomer: true },
            stampAt(repliedAt),
          ),
      ]),
    );
    const reply = ofType(await history(c.id), 'replied')[0];
    expect(reply).toBeDefined();
    expect(c.pendingEffects).toEqual([{ eventId: reply?.id, level: 1, since: repliedAt.toISOString() }]);
    const { sweep, escalations } = ladder(c);
    const work = { caseId: c.id, level: 1, eventId: reply?.id, reason: 'event' };

    // Not yet two minutes old.
    expect(await dueAt(minutesAfter(repliedAt, 1))).not.toContain(c.id);
    expect((await sweep(minutesAfter(repliedAt, 1))).requeuedWork).toBe(0);
    expect(escalations).toEqual([]);

    // Act & assess: each sweep two minutes after the last queues it again and moves `since` on.
    let version = c.version;
    for (let repair = 1; repair <= MAX_EFFECT_REPAIRS; repair++) {
      const tick = new Date(repliedAt.getTime() + repair * EFFECT_REPAIR_AFTER_MS);
      expect(await dueAt(tick)).toContain(c.id);
      const result = await sweep(tick);
      expect(result).toMatchObject({ requeuedWork: 1, abandonedWork: 0 });
      const now = await current(c.id);
      expect(now.version).toBe(++version);
      expect(now.pendingEffects).toEqual([
        { eventId: reply?.id, level: 1, since: tick.toISOString(), repairs: repair },
      ]);
      expect(escalations).toHaveLength(repair);
      expect(escalations.at(-1)).toEqual(work);
      // A sweep a minute later finds it queued too recently.
      expect((await sweep(minutesAfter(tick, 1))).requeuedWork).toBe(0);
      expect((await current(c.id)).version).toBe(version);
    }

    const last = new Date(repliedAt.getTime() + (MAX_EFFECT_REPAIRS + 1) * EFFECT_REPAIR_AFTER_MS);
    const givenUp = await sweep(last);
    expect(givenUp).toMatchObject({ requeuedWork: 0, abandonedWork: 1 });
    const after = await current(c.id);
    expect(after.version).toBe(version + 1);
    // Kept, marked: a message replayed from the dead-letter queue still does the work, once.
    expect(after.pendingEffects).toEqual([
      expect.objectContaining({ eventId: reply?.id, level: 1, abandonedAt: last.toISOString() }),
    ]);
    expect(escalations).toHaveLength(MAX_EFFECT_REPAIRS);

    const abandoned = ofType(await history(c.id), 'work-abandoned');
    expect(abandoned).toHaveLength(1);
    expect(abandoned[0]).toMatchObject({
      actor: SWEEPER,
      visibility: 'internal',
      at: last.toISOString(),
      data: { forEvent: reply?.id, level: 1, repairs: MAX_EFFECT_REPAIRS },
    });

    // Nothing is due any more.
    expect(await dueAt(minutesAfter(last, 60))).not.toContain(c.id);
    expect(await sweep(minutesAfter(last, 60))).toMatchObject({ requeuedWork: 0, abandonedWork: 0 });
    expect((await current(c.id)).version).toBe(after.version);
  });
});

describe('a sweep acts on the case as it stands when it writes, not as it was listed', () => {
  // The due index is read first and each case written later (one after the other, up to 100 per
  // shard; and a GSI read is eventually consistent): a case may change in between. These sweeps
  // get the listing taken before the change, as such a sweep would.
  function sweepWithListing(listing: SupportCase[]) {
    const escalations: EscalationMessage[] = [];
    const deps = {
      store: Object.assign(Object.create(store) as DynamoDbCaseStore, {
        listDue: async () => listing,
        listUnclassified: async () => [],
      }),
      queues: {
        requestClassification: async () => {},
        escalate: async (message: EscalationMessage) => {
          escalations.push(message);
        },
      },
    };
    return { escalations, sweep: (time: Date) => sweepClocksUseCase(deps, time) };
  }

  it('does not close a case resolved again (a new objection window) after the sweep listed it', async () => {
    // Prepare: resolved, its window passed and listed as due; then the customer objected and
    // the agent resolved it again, with a new five-day window.
    const c = await storedCase(when(40), 1, (classified) => {
      const done = story({ ...classified, status: 'in-progress', assignee: 'agent-7' }, [
        (x) => resolveCase(x, 'Cleared the paper path', stampAt(when(40, 60))),
      ]);
      return { case: { ...done.case, pendingEffects: undefined }, events: done.events };
    });
    const tick = when(46);
    const listing = (await store.listDue(tick.toISOString(), 100)).filter((x) => x.id === c.id);
    expect(listing).toHaveLength(1);
    const objected = answerResolution(c, { accepted: false }, stampAt(when(45, 59), { kind: 'customer' }));
    if (objected.kind !== 'changed') throw new Error('the objection changed nothing');
    const again = resolveCase(
      objected.case,
      'Replaced the pickup roller',
      stampAt(minutesAfter(when(45, 59), 0.5)),
    );
    if (again.kind !== 'changed') throw new Error('the second resolution changed nothing');
    await store.commit(objected.case, objected.events);
    await store.commit({ ...again.case, pendingEffects: undefined }, again.events);

    // Act
    await sweepWithListing(listing).sweep(tick);

    // Assess: the new window runs until five days after the second resolution.
    const after = await current(c.id);
    expect(after.status).toBe('resolved');
    expect(after.resolution?.text).toBe('Replaced the pickup roller');
    expect(ofType(await history(c.id), 'closed')).toEqual([]);
  });

  it('does not remind a callback moved a week on after the sweep listed it', async () => {
    // Prepare: a call an hour away, listed as due; then the customer moved it a week on.
    const start = when(51, 600);
    const window = (from: Date) => ({
      start: from.toISOString(),
      end: minutesAfter(from, 30).toISOString(),
      timeZone: 'Europe/Berlin',
    });
    const c = await storedCase(when(50), 2, (classified) => {
      const done = story({ ...classified, status: 'in-progress', assignee: 'tech-2' }, [
        (x) => bookCallback(x, window(start), stampAt(when(50, 5), { kind: 'customer' })),
      ]);
      return { case: { ...done.case, pendingEffects: undefined }, events: done.events };
    });
    const tick = minutesAfter(start, -30);
    const listing = (await store.listDue(tick.toISOString(), 100)).filter((x) => x.id === c.id);
    expect(listing).toHaveLength(1);
    const movedTo = when(58, 600);
    const moved = bookCallback(c, window(movedTo), stampAt(minutesAfter(tick, -1), { kind: 'customer' }));
    if (moved.kind !== 'changed') throw new Error('the move changed nothing');
    await store.commit({ ...moved.case, pendingEffects: undefined }, moved.events);

    // Act
    const { sweep, escalations } = sweepWithListing(listing);
    await sweep(tick);

    // Assess: the reminder waits for an hour before the new window.
    const after = await current(c.id);
    expect(after.callback).toMatchObject({ start: movedTo.toISOString(), sequence: 1 });
    expect(after.callback?.remindedAt).toBeUndefined();
    expect(ofType(await history(c.id), 'callback-reminded')).toEqual([]);
    expect(escalations).toEqual([]);
  });
});
