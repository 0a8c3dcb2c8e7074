// The SLA clocks of a case (shared/domain/sla-clock.ts) without servers: every instant is an
// argument, nothing sleeps. Targets come from shared/config/sla-policy.json, business hours from
// shared/config/team-calendars.json (Europe/Berlin, Mon–Fri 08–18, level 3 09–17, holidays).
// Expected instants are written out in UTC, worked out by hand from the calendars (CET = UTC+1,
// CEST = UTC+2), so the calendar arithmetic under test is not its own oracle.
import { describe, expect, it } from 'vitest';
import { caseIndexAttributes, INDEXES } from '../../shared/adapters/dynamodb/table-keys.ts';
import { SLA_POLICY } from '../../shared/config/this-deployment.ts';
import type { Actor, CaseEvent } from '../../shared/domain/case-history.ts';
import {
  customerWrote,
  reclassify,
  recordSlaThresholds,
  reopenCase,
  replyToCustomer,
  resolveCase,
  type Stamp,
  type Transition,
} from '../../shared/domain/case-lifecycle.ts';
import {
  clockState,
  clocksDueAt,
  clockViews,
  crossedThresholds,
  elapsedMs,
  queueRank,
  reconcileClocks,
  type SlaClock,
} from '../../shared/domain/sla-clock.ts';
import { slaTargetFor } from '../../shared/domain/sla-policy.ts';
import {
  type Classification,
  classify,
  nextDueAt,
  type SupportCase,
} from '../../shared/domain/support-case.ts';
import type { Grade, Priority, QueuedLevel } from '../../shared/domain/support-model.ts';
import { draftCase, level1Verdict } from '../support/cases.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const utc = (iso: string) => new Date(iso);

const agent: Actor = { kind: 'agent', id: 'agent-7' };
const customer: Actor = { kind: 'customer' };
const sweeper: Actor = { kind: 'system', id: 'sla-timer' };
const stamp = (at: string, eventId: string, actor: Actor = agent): Stamp => ({ at: utc(at), eventId, actor });

const GRADES: Record<Priority, [Grade, Grade]> = {
  P1: ['high', 'high'],
  P2: ['medium', 'high'],
  P3: ['medium', 'medium'],
  P4: ['low', 'medium'],
  P5: ['low', 'low'],
};

const verdict = (priority: Priority, level: QueuedLevel, at: Date): Classification => ({
  ...level1Verdict(at),
  impact: GRADES[priority][0],
  urgency: GRADES[priority][1],
  priority,
  level,
});

/**
 * A case opened and classified at `at` (intake and classification at the same instant), its
 * acknowledgement sent, its clocks reconciled as the store writes them.
 */
function classifiedCase(
  at: string,
  priority: Priority,
  level: QueuedLevel = 1,
  organisation?: string,
): SupportCase {
  const drafted = draftCase({ at: utc(at), subject: 'Excel crashes', description: 'Excel crashes on save' });
  const withOrg = organisation ? { ...drafted, customer: { ...drafted.customer, organisation } } : drafted;
  const classified = classify(withOrg, verdict(priority, level, utc(at)), utc(at));
  return reconcileClocks({
    ...classified,
    acknowledgement: { state: 'sent', attempts: 1, tokenHashes: ['ack'], sentAt: at },
  });
}

function changedCase(t: Transition): SupportCase {
  expect(t.kind).toBe('changed');
  return t.case;
}

/** The case as the store writes it: reconciled at its `updatedAt` (DynamoDbCaseStore.toItem). */
const stored = (t: Transition): SupportCase => reconcileClocks(changedCase(t));

function eventsOf(t: Transition): CaseEvent[] {
  return t.kind === 'unchanged' ? [] : t.events;
}

const clockOf = (c: SupportCase, kind: 'response' | 'resolution'): SlaClock => {
  const clock = c.clocks?.[kind];
  if (!clock) throw new Error(`the case has no ${kind} clock`);
  return clock;
};

describe('a P3 case at level 1 classified on a Friday at 17:00 Berlin', () => {
  // Friday 2026-06-12 17:00 CEST = 15:00Z. Open Fri 17–18 (1 h), then Monday from 08:00.
  const c = classifiedCase('2026-06-12T15:00:00.000Z', 'P3');
  const response = clockOf(c, 'response');
  const resolution = clockOf(c, 'resolution');

  it('has a response clock of 4 business hours due Monday 11:00, warning Monday 10:00', () => {
    expect(response).toMatchObject({
      targetMs: 4 * HOUR,
      calendar: 'level1',
      startedAt: '2026-06-12T15:00:00.000Z',
      runningSince: '2026-06-12T15:00:00.000Z',
      accruedMs: 0,
      // Monday 2026-06-15 11:00 CEST: 1 h on Friday + 3 h on Monday.
      dueAt: '2026-06-15T09:00:00.000Z',
      // 75 % = 3 h: Monday 10:00 CEST.
      warnAt: '2026-06-15T08:00:00.000Z',
    });
    expect(response.stoppedAt).toBeUndefined();
  });

  it('has a resolution clock of 3 business days (30 h) due Wednesday 17:00, warning Wednesday 09:30', () => {
    expect(resolution).toMatchObject({
      targetMs: 30 * HOUR,
      calendar: 'level1',
      // Fri 1 h + Mon 10 h + Tue 10 h + Wed 08–17 9 h.
      dueAt: '2026-06-17T15:00:00.000Z',
      // 22.5 h: Fri 1 + Mon 10 + Tue 10 + Wed 08:00–09:30.
      warnAt: '2026-06-17T07:30:00.000Z',
    });
  });

  it.each([
    ['Friday 17:30', '2026-06-12T15:30:00.000Z', 30 * MINUTE],
    ['Friday 18:00 (closing)', '2026-06-12T16:00:00.000Z', HOUR],
    ['Friday 23:00', '2026-06-12T21:00:00.000Z', HOUR],
    ['Saturday noon', '2026-06-13T10:00:00.000Z', HOUR],
    ['Sunday 23:59', '2026-06-14T21:59:00.000Z', HOUR],
    ['Monday 08:00 (opening)', '2026-06-15T06:00:00.000Z', HOUR],
    ['Monday 09:30', '2026-06-15T07:30:00.000Z', 2.5 * HOUR],
  ])('counts business time only: at %s the response clock has %i ms and runs', (_when, now, expected) => {
    expect(elapsedMs(response, utc(now))).toBe(expected);
    expect(clockState(response, utc(now))).toBe('running');
  });

  it('shows the weekend in its view: 60 of 240 minutes, running, due Monday 11:00', () => {
    const views = clockViews(c, utc('2026-06-13T10:00:00.000Z'));
    expect(views.response).toEqual({
      targetMinutes: 240,
      calendar: 'level1',
      dueAt: '2026-06-15T09:00:00.000Z',
      elapsedMinutes: 60,
      state: 'running',
    });
    expect(views.resolution).toEqual({
      targetMinutes: 1800,
      calendar: 'level1',
      dueAt: '2026-06-17T15:00:00.000Z',
      elapsedMinutes: 60,
      state: 'running',
    });
    expect(views.vendor).toBeUndefined();
  });

  it('is breached at its due instant (state from the time counted, before any sweep)', () => {
    expect(clockState(response, utc('2026-06-15T08:59:59.000Z'))).toBe('running');
    expect(elapsedMs(response, utc('2026-06-15T09:00:00.000Z'))).toBe(4 * HOUR);
    expect(clockState(response, utc('2026-06-15T09:00:00.000Z'))).toBe('breached');
  });

  it('tells the sweep to look at the warning instant first', () => {
    expect(clocksDueAt(c)).toBe(Date.parse('2026-06-15T08:00:00.000Z'));
    expect(nextDueAt(c)).toBe('2026-06-15T08:00:00.000Z');
  });

  it('crosses the warning at 75 % and the breach at 100 %', () => {
    expect(crossedThresholds(response, utc('2026-06-15T07:59:00.000Z'))).toEqual([]);
    expect(crossedThresholds(response, utc('2026-06-15T08:00:00.000Z'))).toEqual(['warning']);
    expect(crossedThresholds(response, utc('2026-06-15T09:00:00.000Z'))).toEqual(['warning', 'breach']);
  });

  it('does not count public holidays: Thursday 17:00 before Easter is due the Tuesday after', () => {
    // Thu 2026-04-02 17:00 CEST; Good Friday 04-03 and Easter Monday 04-06 are closed.
    const easter = classifiedCase('2026-04-02T15:00:00.000Z', 'P3');
    expect(clockOf(easter, 'response').dueAt).toBe('2026-04-07T09:00:00.000Z');
    expect(elapsedMs(clockOf(easter, 'response'), utc('2026-04-06T16:00:00.000Z'))).toBe(HOUR);
  });
});

describe('P1 and P2 run around the clock', () => {
  it.each([
    ['on a Saturday night', '2026-06-13T01:00:00.000Z'],
    ['on a public holiday at night (Christmas Day 02:00 CET)', '2026-12-25T01:00:00.000Z'],
    ['on a Monday morning', '2026-06-15T07:00:00.000Z'],
  ])('P1 %s: 15 minutes are 15 wall minutes, 4 hours are 4 wall hours', (_when, at) => {
    const c = classifiedCase(at, 'P1');
    const t0 = Date.parse(at);
    const response = clockOf(c, 'response');
    const resolution = clockOf(c, 'resolution');
    expect(response).toMatchObject({
      calendar: '24x7',
      targetMs: 15 * MINUTE,
      dueAt: new Date(t0 + 15 * MINUTE).toISOString(),
      warnAt: new Date(t0 + 11.25 * MINUTE).toISOString(),
    });
    expect(resolution).toMatchObject({
      calendar: '24x7',
      targetMs: 4 * HOUR,
      dueAt: new Date(t0 + 4 * HOUR).toISOString(),
      warnAt: new Date(t0 + 3 * HOUR).toISOString(),
    });
    expect(elapsedMs(response, new Date(t0 + 10 * MINUTE))).toBe(10 * MINUTE);
    expect(clockState(response, new Date(t0 + 10 * MINUTE))).toBe('running');
    expect(clockState(response, new Date(t0 + 15 * MINUTE))).toBe('breached');
  });

  it('P2 at night: 30 minutes and 8 hours of wall time', () => {
    const c = classifiedCase('2026-06-13T22:00:00.000Z', 'P2');
    expect(clockOf(c, 'response')).toMatchObject({
      calendar: '24x7',
      targetMs: 30 * MINUTE,
      dueAt: '2026-06-13T22:30:00.000Z',
    });
    expect(clockOf(c, 'resolution')).toMatchObject({ targetMs: 8 * HOUR, dueAt: '2026-06-14T06:00:00.000Z' });
  });
});

describe('daylight-saving changes (Europe/Berlin)', () => {
  it('spring forward (2026-03-29): a P3 case from Friday 17:00 CET is due Monday 11:00 CEST', () => {
    // Fri 2026-03-27 17:00 CET = 16:00Z; Mon 2026-03-30 11:00 CEST = 09:00Z (65 wall hours later).
    const c = classifiedCase('2026-03-27T16:00:00.000Z', 'P3');
    const response = clockOf(c, 'response');
    expect(response.dueAt).toBe('2026-03-30T09:00:00.000Z');
    expect(response.warnAt).toBe('2026-03-30T08:00:00.000Z');
    // Monday 08:00 CEST (06:00Z): only Friday's hour is counted, the lost night hour is not business time.
    expect(elapsedMs(response, utc('2026-03-30T06:00:00.000Z'))).toBe(HOUR);
    expect(elapsedMs(response, utc('2026-03-30T09:00:00.000Z'))).toBe(4 * HOUR);
    // Wed 2026-04-01 17:00 CEST.
    expect(clockOf(c, 'resolution').dueAt).toBe('2026-04-01T15:00:00.000Z');
  });

  it('fall back (2026-10-25): a P3 case from Friday 17:00 CEST is due Monday 11:00 CET', () => {
    // Fri 2026-10-23 17:00 CEST = 15:00Z; Mon 2026-10-26 11:00 CET = 10:00Z (67 wall hours later).
    const c = classifiedCase('2026-10-23T15:00:00.000Z', 'P3');
    const response = clockOf(c, 'response');
    expect(response.dueAt).toBe('2026-10-26T10:00:00.000Z');
    expect(response.warnAt).toBe('2026-10-26T09:00:00.000Z');
    expect(elapsedMs(response, utc('2026-10-26T07:00:00.000Z'))).toBe(HOUR);
    expect(elapsedMs(response, utc('2026-10-26T10:00:00.000Z'))).toBe(4 * HOUR);
    // Wed 2026-10-28 17:00 CET.
    expect(clockOf(c, 'resolution').dueAt).toBe('2026-10-28T16:00:00.000Z');
  });
});

describe('the clocks through the lifecycle', () => {
  // Monday 2026-06-15, CEST (UTC+2). Each step at a later instant.
  const T0 = '2026-06-15T07:00:00.000Z'; // Mon 09:00 classified
  const T1 = '2026-06-15T08:00:00.000Z'; // Mon 10:00 first reply
  const T2 = '2026-06-15T10:00:00.000Z'; // Mon 12:00 a question: waiting on the customer
  const T3 = '2026-06-16T08:00:00.000Z'; // Tue 10:00 the customer answers
  const T4 = '2026-06-16T12:00:00.000Z'; // Tue 14:00 resolved
  const T5 = '2026-06-17T07:00:00.000Z'; // Wed 09:00 reopened
  const T6 = '2026-06-17T09:00:00.000Z'; // Wed 11:00 resolved again

  // Each action reads the case as the store wrote it: the store reconciles the clocks at every
  // write (DynamoDbCaseStore.toItem), so the chain does too. Whether a transition already
  // returns its clocks in line is checked on its own below.
  const c0 = classifiedCase(T0, 'P3');
  const t1 = replyToCustomer(c0, { text: 'We are on it', waitForCustomer: false }, stamp(T1, 'E1'));
  const c1 = stored(t1);
  const t2 = replyToCustomer(c1, { text: 'Which version?', waitForCustomer: true }, stamp(T2, 'E2'));
  const c2 = stored(t2);
  const t3 = customerWrote(
    c2,
    { at: T3, channel: 'web', from: c0.customer.email, text: 'Version 16.0' },
    new Set(),
    stamp(T3, 'E3', customer),
  );
  const c3 = stored(t3);
  const t4 = resolveCase(c3, 'Repaired the installation', stamp(T4, 'E4'));
  const c4 = stored(t4);
  const t5 = reopenCase(c4, 'It crashes again', stamp(T5, 'E5'));
  const c5 = stored(t5);
  const t6 = resolveCase(c5, 'Reinstalled', stamp(T6, 'E6'));
  const c6 = stored(t6);

  const stops = (t: Transition) => eventsOf(t).filter((e) => e.type === 'clock-stopped');

  it('stops the response clock at the first reply: met, with what it counted', () => {
    const response = clockOf(c1, 'response');
    expect(response.stoppedAt).toBe(T1);
    expect(response.runningSince).toBeUndefined();
    expect(response.dueAt).toBeUndefined();
    expect(response.warnAt).toBeUndefined();
    expect(elapsedMs(response, utc(T6))).toBe(HOUR);
    expect(clockState(response, utc(T6))).toBe('met');
    expect(stops(t1)).toEqual([
      expect.objectContaining({
        caseId: c0.id,
        type: 'clock-stopped',
        at: T1,
        visibility: 'internal',
        data: { clock: 'response', level: 1, priority: 'P3', elapsedMs: HOUR, targetMs: 4 * HOUR, met: true },
      }),
    ]);
    // The resolution clock runs on.
    expect(clockState(clockOf(c1, 'resolution'), utc(T1))).toBe('running');
  });

  it('pauses the resolution clock while waiting on the customer (no due instant, nothing counted)', () => {
    expect(c2.status).toBe('waiting-on-customer');
    const resolution = clockOf(c2, 'resolution');
    expect(resolution.runningSince).toBeUndefined();
    expect(resolution.stoppedAt).toBeUndefined();
    expect(resolution.dueAt).toBeUndefined();
    expect(resolution.accruedMs).toBe(3 * HOUR);
    expect(clockState(resolution, utc('2026-06-16T07:00:00.000Z'))).toBe('paused');
    expect(elapsedMs(resolution, utc('2026-06-16T07:59:00.000Z'))).toBe(3 * HOUR);
    expect(stops(t2)).toEqual([]);
  });

  it('resumes the resolution clock when the customer writes back', () => {
    expect(c3.status).toBe('in-progress');
    const resolution = clockOf(c3, 'resolution');
    expect(clockState(resolution, utc(T3))).toBe('running');
    expect(resolution.runningSince).toBe(T3);
    // 27 h left from Tue 10:00: Tue 8 + Wed 10 + Thu 08–17 9 → Thu 2026-06-18 17:00 CEST.
    expect(resolution.dueAt).toBe('2026-06-18T15:00:00.000Z');
    // Tue 12:00: 3 h before the pause + 2 h since, the paused 8 business hours not counted.
    expect(elapsedMs(resolution, utc('2026-06-16T10:00:00.000Z'))).toBe(5 * HOUR);
  });

  it('stops the resolution clock at the resolution, counting only the time it ran', () => {
    const resolution = clockOf(c4, 'resolution');
    expect(resolution.stoppedAt).toBe(T4);
    expect(clockState(resolution, utc(T5))).toBe('met');
    expect(elapsedMs(resolution, utc(T5))).toBe(7 * HOUR);
    expect(stops(t4).map((e) => e.data)).toEqual([
      { clock: 'resolution', level: 1, priority: 'P3', elapsedMs: 7 * HOUR, targetMs: 30 * HOUR, met: true },
    ]);
  });

  it('resumes the resolution clock on reopen (the response clock stays met)', () => {
    expect(c5.status).toBe('reopened');
    const resolution = clockOf(c5, 'resolution');
    expect(resolution.stoppedAt).toBeUndefined();
    expect(resolution.runningSince).toBe(T5);
    expect(resolution.accruedMs).toBe(7 * HOUR);
    // 23 h left from Wed 09:00: Wed 9 + Thu 10 + Fri 08–12 4 → Fri 2026-06-19 12:00 CEST.
    expect(resolution.dueAt).toBe('2026-06-19T10:00:00.000Z');
    expect(clockState(clockOf(c5, 'response'), utc(T5))).toBe('met');
    expect(stops(t5)).toEqual([]);
  });

  it('stops it again at the second resolution: one more clock-stopped event, for the resolution only', () => {
    expect(clockOf(c6, 'resolution').stoppedAt).toBe(T6);
    expect(stops(t6).map((e) => e.data)).toEqual([
      { clock: 'resolution', level: 1, priority: 'P3', elapsedMs: 9 * HOUR, targetMs: 30 * HOUR, met: true },
    ]);
    expect(clockOf(c6, 'response').accruedMs).toBe(HOUR);
    expect(clocksDueAt(c6)).toBeUndefined();
  });

  it('returns every transition with its clocks already in line (reconciling again changes nothing)', () => {
    // sla-clock.ts: "every transition keeps them exact without knowing about them". The case a
    // transition returns is what the API answers and what the next in-memory step works on.
    for (const [action, t] of [
      ['replyToCustomer', t1],
      ['replyToCustomer (waiting on the customer)', t2],
      ['customerWrote', t3],
      ['resolveCase', t4],
      ['reopenCase', t5],
      ['resolveCase (again)', t6],
    ] as const) {
      expect.soft(reconcileClocks(t.case).clocks, action).toEqual(t.case.clocks);
    }
  });

  it('counts the time since the customer wrote when the case is resolved straight after (in memory)', () => {
    // customerWrote at Tue 10:00, resolveCase on its very case at Tue 14:00: 3 h before the
    // pause + 4 h since the customer wrote.
    const t = resolveCase(changedCase(t3), 'Repaired the installation', stamp(T4, 'E4'));
    expect(stops(t).map((e) => e.data.elapsedMs)).toEqual([7 * HOUR]);
  });

  it('records a clock stopped over its target as not met', () => {
    // Classified Mon 09:00, first reply Mon 14:00: 5 of 4 business hours.
    const t = replyToCustomer(
      classifiedCase(T0, 'P3'),
      { text: 'Sorry', waitForCustomer: false },
      stamp('2026-06-15T12:00:00.000Z', 'L1'),
    );
    expect(stops(t).map((e) => e.data)).toEqual([
      { clock: 'response', level: 1, priority: 'P3', elapsedMs: 5 * HOUR, targetMs: 4 * HOUR, met: false },
    ]);
    expect(clockState(clockOf(changedCase(t), 'response'), utc('2026-06-15T12:00:00.000Z'))).toBe('breached');
  });
});

describe('a change of priority or level', () => {
  it('keeps the business time counted and applies the new priority target (P3 → P4)', () => {
    // Classified Mon 2026-06-15 09:00 CEST, reclassified 11:00: 2 business hours counted.
    const c = classifiedCase('2026-06-15T07:00:00.000Z', 'P3');
    const at = '2026-06-15T09:00:00.000Z';
    const after = stored(reclassify(c, {}, 'P4', 'less urgent than it read', stamp(at, 'R1')));
    const response = clockOf(after, 'response');
    const resolution = clockOf(after, 'resolution');
    expect(response.targetMs).toBe(10 * HOUR); // 1 business day of 08–18
    expect(resolution.targetMs).toBe(50 * HOUR); // 5 business days
    expect(elapsedMs(response, utc(at))).toBe(2 * HOUR);
    expect(elapsedMs(resolution, utc(at))).toBe(2 * HOUR);
    // 8 h left from Mon 11:00: Mon 11–18 7 + Tue 08–09 1 → Tue 2026-06-16 09:00 CEST.
    expect(response.dueAt).toBe('2026-06-16T07:00:00.000Z');
    // 48 h left: Mon 7 + Tue..Fri 40 + Mon 22nd 08–09 1 → 2026-06-22 09:00 CEST.
    expect(resolution.dueAt).toBe('2026-06-22T07:00:00.000Z');
    expect(clockViews(after, utc(at)).response).toMatchObject({ targetMinutes: 600, elapsedMinutes: 120 });
  });

  it('keeps the business time counted when P3 becomes P2 and the clock runs around the clock from then', () => {
    // Classified Mon 09:00 CEST, P2 at 09:10: 10 minutes counted of 30.
    const c = classifiedCase('2026-06-15T07:00:00.000Z', 'P3');
    const after = stored(
      reclassify(
        c,
        { impact: 'medium', urgency: 'high' },
        'P2',
        'a team is blocked',
        stamp('2026-06-15T07:10:00.000Z', 'R2'),
      ),
    );
    const response = clockOf(after, 'response');
    expect(response).toMatchObject({
      calendar: '24x7',
      targetMs: 30 * MINUTE,
      dueAt: '2026-06-15T07:30:00.000Z',
    });
    expect(elapsedMs(response, utc('2026-06-15T07:20:00.000Z'))).toBe(20 * MINUTE);
  });

  it('returns the reclassified case with the new target and due instant already applied', () => {
    // What PUT /cases/{id}/classification answers (agentView of the transition's case).
    const c = classifiedCase('2026-06-15T07:00:00.000Z', 'P3');
    const t = reclassify(c, {}, 'P4', 'less urgent than it read', stamp('2026-06-15T09:00:00.000Z', 'R4'));
    const response = clockOf(changedCase(t), 'response');
    expect(response.targetMs).toBe(10 * HOUR);
    expect(response.dueAt).toBe('2026-06-16T07:00:00.000Z');
    expect(clockViews(changedCase(t), utc('2026-06-15T09:00:00.000Z')).response).toMatchObject({
      targetMinutes: 600,
      dueAt: '2026-06-16T07:00:00.000Z',
    });
  });

  it('switches to the new level calendar on a level change (level 3: 09–17)', () => {
    // Classified Mon 2026-06-15 15:00 CEST at level 1, moved to level 3 at 16:00: 1 h counted.
    const c = classifiedCase('2026-06-15T13:00:00.000Z', 'P3');
    const at = '2026-06-15T14:00:00.000Z';
    const after = stored(reclassify(c, { level: 3 }, 'P3', 'needs the experts', stamp(at, 'R3')));
    expect(after.classification?.level).toBe(3);
    const response = clockOf(after, 'response');
    const resolution = clockOf(after, 'resolution');
    expect(response.calendar).toBe('level3');
    expect(resolution.calendar).toBe('level3');
    // 3 h left from Mon 16:00 on 09–17: Mon 16–17 1 + Tue 09–11 2 → Tue 2026-06-16 11:00 CEST
    // (on level 1's 08–18 it would be Tue 09:00).
    expect(response.dueAt).toBe('2026-06-16T09:00:00.000Z');
    // Level 3's P3 resolution: 5 business days of 8 h = 40 h; 39 h left from Mon 16:00:
    // Mon 1 + Tue..Fri 32 + Mon 22nd 09–15 6 → 2026-06-22 15:00 CEST.
    expect(resolution.targetMs).toBe(40 * HOUR);
    expect(resolution.dueAt).toBe('2026-06-22T13:00:00.000Z');
    // Mon 17:30 CEST: 1 h on level 1's calendar, then 16–17 on level 3's (closed at 17:00).
    expect(elapsedMs(response, utc('2026-06-15T15:30:00.000Z'))).toBe(2 * HOUR);
  });
});

describe('policy overrides', () => {
  it('applies the Contoso Ltd contract for P2 (15 minutes, 4 hours) and not for other priorities', () => {
    const at = '2026-06-15T07:00:00.000Z';
    const contoso = clockViews(classifiedCase(at, 'P2', 1, 'Contoso Ltd'), utc(at));
    const other = clockViews(classifiedCase(at, 'P2', 1, 'Fabrikam'), utc(at));
    expect(contoso.response).toMatchObject({
      targetMinutes: 15,
      calendar: '24x7',
      dueAt: '2026-06-15T07:15:00.000Z',
    });
    expect(contoso.resolution).toMatchObject({ targetMinutes: 240, dueAt: '2026-06-15T11:00:00.000Z' });
    expect(other.response).toMatchObject({ targetMinutes: 30, dueAt: '2026-06-15T07:30:00.000Z' });
    expect(other.resolution).toMatchObject({ targetMinutes: 480 });
    const contosoP3 = clockViews(classifiedCase(at, 'P3', 1, 'Contoso Ltd'), utc(at));
    expect(contosoP3.response).toMatchObject({ targetMinutes: 240, calendar: 'level1' });
    expect(contosoP3.resolution).toMatchObject({ targetMinutes: 1800 });
  });

  it('applies the level 3 override for P3 resolution (5 business days of the 09–17 calendar)', () => {
    expect(slaTargetFor('P3', 3, undefined, SLA_POLICY).resolution).toEqual({
      amount: 5,
      unit: 'businessDays',
    });
    expect(slaTargetFor('P3', 1, undefined, SLA_POLICY).resolution).toEqual({
      amount: 3,
      unit: 'businessDays',
    });
    // Mon 2026-06-15 09:00 CEST at level 3: 40 h of 09–17 → Fri 2026-06-19 17:00 CEST.
    const c = classifiedCase('2026-06-15T07:00:00.000Z', 'P3', 3);
    expect(clockOf(c, 'resolution')).toMatchObject({
      calendar: 'level3',
      targetMs: 40 * HOUR,
      dueAt: '2026-06-19T15:00:00.000Z',
    });
    // The response target is not overridden: 4 h from 09:00 → 13:00.
    expect(clockOf(c, 'response')).toMatchObject({ targetMs: 4 * HOUR, dueAt: '2026-06-15T11:00:00.000Z' });
  });
});

describe('recordSlaThresholds: warnings and breaches, each once', () => {
  // P3 at level 1, classified Mon 2026-06-15 09:00 CEST: response warning 12:00, due 13:00.
  const T0 = '2026-06-15T07:00:00.000Z';
  const WARN = '2026-06-15T10:00:00.000Z';
  const DUE = '2026-06-15T11:00:00.000Z';
  const thresholds = (t: Transition) =>
    eventsOf(t)
      .filter((e) => e.type === 'sla-warning' || e.type === 'sla-breached')
      .map((e) => [e.type, e.data.clock]);

  it('records nothing before the warning instant', () => {
    const c = classifiedCase(T0, 'P3');
    expect(recordSlaThresholds(c, stamp('2026-06-15T09:59:00.000Z', 'S0', sweeper)).kind).toBe('unchanged');
  });

  it('warns at 75 %, then breaches at 100 %, each once; a P3 breach does not escalate', () => {
    const c = classifiedCase(T0, 'P3');
    const warned = recordSlaThresholds(c, stamp(WARN, 'S1', sweeper));
    expect(warned.kind).toBe('changed');
    expect(eventsOf(warned)).toEqual([
      expect.objectContaining({
        id: 'S1',
        type: 'sla-warning',
        at: WARN,
        visibility: 'internal',
        actor: sweeper,
        data: {
          clock: 'response',
          level: 1,
          priority: 'P3',
          targetMs: 4 * HOUR,
          elapsedMs: 3 * HOUR,
          dueAt: DUE,
        },
      }),
    ]);
    const w = warned.case;
    expect(clockOf(w, 'response').warnedAt).toBe(WARN);
    expect(clockState(clockOf(w, 'response'), utc(WARN))).toBe('warned');
    // The level's worker alerts the lead: the warning is the level's pending work.
    expect(w.pendingEffects).toEqual([{ eventId: 'S1', level: 1, since: WARN }]);
    // The same instant again, and a later one before the due instant: nothing new.
    expect(recordSlaThresholds(w, stamp(WARN, 'S2', sweeper)).kind).toBe('unchanged');
    expect(recordSlaThresholds(w, stamp('2026-06-15T10:59:00.000Z', 'S3', sweeper)).kind).toBe('unchanged');

    const breached = recordSlaThresholds(w, stamp(DUE, 'S4', sweeper));
    expect(thresholds(breached)).toEqual([['sla-breached', 'response']]);
    const b = breached.case;
    expect(clockOf(b, 'response').breachedAt).toBe(DUE);
    expect(clockState(clockOf(b, 'response'), utc(DUE))).toBe('breached');
    // P3's policy names no escalation: still level 1, no escalated event.
    expect(b.classification?.level).toBe(1);
    expect(eventsOf(breached).map((e) => e.type)).not.toContain('escalated');
    expect(recordSlaThresholds(b, stamp(DUE, 'S5', sweeper)).kind).toBe('unchanged');
    expect(recordSlaThresholds(b, stamp('2026-06-15T14:00:00.000Z', 'S6', sweeper)).kind).toBe('unchanged');
  });

  it('records warning and breach at once when the sweep runs late', () => {
    const c = classifiedCase(T0, 'P3');
    const late = recordSlaThresholds(c, stamp('2026-06-15T12:00:00.000Z', 'S7', sweeper));
    expect(thresholds(late)).toEqual([
      ['sla-warning', 'response'],
      ['sla-breached', 'response'],
    ]);
    expect(eventsOf(late).map((e) => e.id)).toEqual(['S7', 'S7-2']);
    expect(recordSlaThresholds(late.case, stamp('2026-06-15T12:00:00.000Z', 'S8', sweeper)).kind).toBe(
      'unchanged',
    );
    expect(recordSlaThresholds(late.case, stamp('2026-06-15T13:00:00.000Z', 'S9', sweeper)).kind).toBe(
      'unchanged',
    );
  });

  it('escalates a P1 breach at level 1 to level 2, as the policy says', () => {
    expect(SLA_POLICY.breach.P1?.escalateToNextLevel).toBe(true);
    const t0 = '2026-06-15T07:00:00.000Z';
    const c = classifiedCase(t0, 'P1');
    const warned = recordSlaThresholds(c, stamp('2026-06-15T07:12:00.000Z', 'P1W', sweeper));
    expect(thresholds(warned)).toEqual([['sla-warning', 'response']]);
    expect(warned.case.classification?.level).toBe(1);
    const breached = recordSlaThresholds(warned.case, stamp('2026-06-15T07:15:00.000Z', 'P1B', sweeper));
    expect(thresholds(breached)).toEqual([['sla-breached', 'response']]);
    const escalated = eventsOf(breached).filter((e) => e.type === 'escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]?.data).toMatchObject({ fromLevel: 1, level: 2 });
    expect(breached.case.classification?.level).toBe(2);
    expect(breached.case.status).toBe('open');
    // The breach is still recorded on the clock after the move.
    expect(clockOf(breached.case, 'response').breachedAt).toBe('2026-06-15T07:15:00.000Z');
    // The lead of level 1 is alerted (the breach's work at level 1), level 2 does its hand-off.
    const effects = breached.case.pendingEffects ?? [];
    expect(effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ eventId: 'P1B', level: 1 }),
        expect.objectContaining({ eventId: escalated[0]?.id, level: 2 }),
      ]),
    );
    // Once: a later sweep records nothing and escalates no further.
    const again = recordSlaThresholds(breached.case, stamp('2026-06-15T07:30:00.000Z', 'P1C', sweeper));
    expect(again.kind).toBe('unchanged');
  });

  it('records a clock that stopped over its target before any sweep as breached, once, without a warning', () => {
    // First reply Mon 14:00 CEST: 5 of 4 business hours, no sweep saw the clock meanwhile.
    const c = classifiedCase(T0, 'P3');
    const replied = changedCase(
      replyToCustomer(
        c,
        { text: 'Sorry for the wait', waitForCustomer: false },
        stamp('2026-06-15T12:00:00.000Z', 'R'),
      ),
    );
    const response = clockOf(replied, 'response');
    expect(response.stoppedAt).toBe('2026-06-15T12:00:00.000Z');
    // The sweep must still look: the stop instant is due.
    expect(clocksDueAt(replied)).toBe(Date.parse('2026-06-15T12:00:00.000Z'));
    const swept = recordSlaThresholds(replied, stamp('2026-06-15T12:01:00.000Z', 'S10', sweeper));
    expect(thresholds(swept)).toEqual([['sla-breached', 'response']]);
    expect(eventsOf(swept)[0]?.data).toMatchObject({ elapsedMs: 5 * HOUR, targetMs: 4 * HOUR });
    expect(clockOf(swept.case, 'response').warnedAt).toBeUndefined();
    expect(recordSlaThresholds(swept.case, stamp('2026-06-15T12:02:00.000Z', 'S11', sweeper)).kind).toBe(
      'unchanged',
    );
    expect(clocksDueAt(swept.case)).toBe(Date.parse(clockOf(swept.case, 'resolution').warnAt as string));
  });

  it('records nothing for a clock that stopped within its target', () => {
    const c = classifiedCase(T0, 'P3');
    const replied = changedCase(
      replyToCustomer(c, { text: 'On it', waitForCustomer: false }, stamp('2026-06-15T08:00:00.000Z', 'R')),
    );
    expect(recordSlaThresholds(replied, stamp('2026-06-15T12:00:00.000Z', 'S12', sweeper)).kind).toBe(
      'unchanged',
    );
  });
});

describe('queueRank: an SLA alert moves a case up its queue', () => {
  const at = '2026-06-15T07:00:00.000Z';
  const base = classifiedCase(at, 'P3');
  const warned = recordSlaThresholds(
    classifiedCase('2026-06-15T07:05:00.000Z', 'P3'),
    stamp('2026-06-15T10:06:00.000Z', 'W', sweeper),
  ).case;
  const breached = recordSlaThresholds(
    classifiedCase('2026-06-15T07:10:00.000Z', 'P3'),
    stamp('2026-06-15T12:00:00.000Z', 'B', sweeper),
  ).case;

  it('ranks breached before warned before the rest', () => {
    expect(queueRank(breached)).toBe('0');
    expect(queueRank(warned)).toBe('1');
    expect(queueRank(base)).toBe('2');
  });

  it('sorts a breached or warned case before an older one of the same priority in the level queue', () => {
    // The oldest is the one without an alert: the queue's sort key still puts it last.
    expect(Date.parse(base.createdAt)).toBeLessThan(Date.parse(warned.createdAt));
    expect(Date.parse(warned.createdAt)).toBeLessThan(Date.parse(breached.createdAt));
    const keyed = [base, warned, breached].map((c) => {
      const attributes = caseIndexAttributes(c);
      expect(attributes[INDEXES.levelQueue.pk]).toBe('QUEUE#L1');
      return { id: c.id, key: attributes[INDEXES.levelQueue.sk] as string };
    });
    const order = [...keyed].sort((a, b) => (a.key < b.key ? -1 : 1)).map((k) => k.id);
    expect(order).toEqual([breached.id, warned.id, base.id]);
  });
});
