// The case's lifecycle after classification as one state machine (shared/domain/case-lifecycle.ts),
// without servers: which action each status allows and where it leads (an explicit table, written
// from the intended lifecycle, not generated from the code under test), honest retries, escalation,
// callbacks, the customer writing again, when the sweep must next look at a case, what a customer
// may read of an event, and what a dossier tells the team and the vendor.
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type CaseEvent,
  type CaseEventType,
  publicEvent,
} from '../../shared/domain/case-history.ts';
import {
  addNote,
  answerConsent,
  answerResolution,
  askConsent,
  bookCallback,
  cancelCase,
  closeCase,
  closeUnobjected,
  customerWrote,
  escalateCase,
  linkDefect,
  OBJECTION_DAYS,
  recordCallbackOutcome,
  remindCallback,
  remindVendor,
  reopenCase,
  replyToCustomer,
  resolveCase,
  type Stamp,
  type Transition,
  takeCase,
  vendorAnswered,
  vendorContacted,
} from '../../shared/domain/case-lifecycle.ts';
import { composeDossier } from '../../shared/domain/dossier.ts';
import { InvalidTransitionError, ValidationError } from '../../shared/domain/errors.ts';
import {
  ACK_CLAIM_STALE_MS,
  ACK_REPAIR_AFTER_MS,
  addFollowUp,
  CALLBACK_REMINDER_BEFORE_MS,
  CASE_STATUSES,
  type Callback,
  type CaseStatus,
  type Classification,
  classify,
  EFFECT_REPAIR_AFTER_MS,
  type FollowUp,
  nextDueAt,
  type SupportCase,
} from '../../shared/domain/support-case.ts';
import type { Level, QueuedLevel } from '../../shared/domain/support-model.ts';
import { draftCase, level1Verdict } from '../support/cases.ts';

const T0 = new Date('2030-03-04T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();
const DAY = 24 * 60;

const agent = (id = 'agent-7'): Actor => ({ kind: 'agent', id });
const customer: Actor = { kind: 'customer' };
const sweep: Actor = { kind: 'system', id: 'sweep' };
const stampOf = (eventId: string, minutes = 10, actor: Actor = agent()): Stamp => ({
  at: at(minutes),
  eventId,
  actor,
});

/** Catalogued vendors (config/default/vendor-catalogue.json): escalation accepts no other. */
const VENDOR = 'printcare';
const OTHER_VENDOR = 'storageworks';

/** The classifier's verdict at a level (level 4 names the vendor). */
const verdict = (level: Level): Classification => ({
  ...level1Verdict(T0),
  level,
  reasons: ['matched "toner" (hardware)'],
  ...(level === 4 ? { vendorId: VENDOR } : {}),
});

/**
 * A case in `status`, classified at `level` (self-help and deflected are level 0; a 'new' case is
 * not classified), its acknowledgement sent, nobody assigned, no pending work. A resolved or
 * closed case carries the resolution it was resolved with.
 */
function caseIn(status: CaseStatus, level: QueuedLevel = 1, patch: Partial<SupportCase> = {}): SupportCase {
  const drafted = draftCase({ at: T0, subject: 'Printer out of toner', description: 'No toner on floor 3' });
  if (status === 'new') return { ...drafted, ...patch };
  const effectiveLevel: Level = status === 'self-help' || status === 'deflected' ? 0 : level;
  const classified = classify(drafted, verdict(effectiveLevel), T0);
  return {
    ...classified,
    status,
    acknowledgement: { state: 'sent', attempts: 1, tokenHashes: ['ack'], sentAt: T0.toISOString() },
    ...(status === 'resolved' || status === 'closed'
      ? {
          resolution: {
            text: 'Replaced the toner cartridge',
            at: iso(5),
            by: 'agent:agent-1',
            closesAt: new Date(at(5).getTime() + OBJECTION_DAYS * 86_400_000).toISOString(),
          },
        }
      : {}),
    ...patch,
  };
}

const bookedCallback = (patch: Partial<Callback> = {}): Callback => ({
  state: 'booked',
  start: iso(DAY),
  end: iso(DAY + 30),
  timeZone: 'Europe/Amsterdam',
  sequence: 0,
  bookedAt: iso(1),
  bookedBy: 'customer',
  bookingEventId: 'BOOKING-1',
  ...patch,
});

const vendorHandOff = (patch: Partial<NonNullable<SupportCase['vendor']>> = {}) => ({
  vendorId: VENDOR,
  contactedAt: iso(2),
  answerDueAt: iso(2 + DAY),
  messageId: '<dossier@tierdesk.test>',
  ...patch,
});

const webNote = (text: string, minutes = 10): FollowUp => ({
  at: iso(minutes),
  channel: 'web',
  from: 'ada@example.com',
  text,
});

function refusal(run: () => unknown): InvalidTransitionError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidTransitionError) return error;
    throw error;
  }
  throw new Error('expected an InvalidTransitionError, but the action was allowed');
}

function changedOf(t: Transition) {
  if (t.kind !== 'changed') throw new Error(`expected a change, got ${t.kind}`);
  return t;
}

/** The events an action records, whether it changes the case or only appends to its history. */
function recorded(t: Transition): CaseEvent[] {
  if (t.kind === 'unchanged') throw new Error('expected events, got unchanged');
  return t.events;
}

// ---------------------------------------------------------------------------------------------
// The table. Each row: what an action does in every status. A status name is where the case
// goes ('changed'); REFUSED is an InvalidTransitionError naming the current status; SAME is an
// honest no-op ('unchanged'); APPENDED writes history only ('appended': the case as it was, no
// version step, so concurrent writers never conflict).
// ---------------------------------------------------------------------------------------------

const REFUSED = 'refused';
const SAME = 'unchanged';
const APPENDED = 'appended';
type Outcome = CaseStatus | typeof REFUSED | typeof SAME | typeof APPENDED;

type Row = {
  action: string;
  /** The level the case was classified at (self-help and deflected are always level 0). */
  level?: QueuedLevel;
  /** What else the case holds for this action (a booked callback, a vendor hand-off). */
  patch?: Partial<SupportCase>;
  /** When the action runs, in minutes after T0 (30 unless told: the sweep's rows run when due). */
  at?: number;
  run: (c: SupportCase, stamp: Stamp) => Transition;
  event: { type: CaseEventType; visibility: 'public' | 'internal' };
  /** The level whose worker does the work the event calls for; absent: no work. */
  effectAt?: QueuedLevel;
  expected: Record<CaseStatus, Outcome>;
};

const R = REFUSED;
const U = SAME;
const A = APPENDED;

const TABLE: Row[] = [
  {
    action: 'takeCase (agent-7 takes it)',
    run: (c, s) => takeCase(c, 'agent-7', s),
    event: { type: 'taken', visibility: 'internal' },
    expected: {
      new: R,
      'self-help': R,
      open: 'in-progress',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'waiting-on-customer',
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': 'awaiting-consent',
      resolved: R,
      closed: R,
      reopened: 'in-progress',
      deflected: R,
      cancelled: R,
    },
  },
  {
    // A note is history only: the case itself is not written.
    action: 'addNote',
    run: (c, s) => addNote(c, 'Checked the printer logs', s),
    event: { type: 'noted', visibility: 'internal' },
    expected: {
      new: R,
      'self-help': A,
      open: A,
      'in-progress': A,
      'waiting-on-customer': A,
      'waiting-on-vendor': A,
      'awaiting-consent': A,
      resolved: A,
      closed: A,
      reopened: A,
      deflected: A,
      cancelled: A,
    },
  },
  {
    action: 'replyToCustomer (no question)',
    run: (c, s) => replyToCustomer(c, { text: 'We are on it', waitForCustomer: false }, s),
    event: { type: 'replied', visibility: 'public' },
    effectAt: 1,
    expected: {
      new: R,
      'self-help': R,
      open: 'in-progress',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'waiting-on-customer',
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': 'awaiting-consent',
      resolved: 'resolved',
      closed: R,
      reopened: 'in-progress',
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'replyToCustomer (asking something)',
    run: (c, s) => replyToCustomer(c, { text: 'Which printer?', waitForCustomer: true }, s),
    event: { type: 'replied', visibility: 'public' },
    effectAt: 1,
    expected: {
      new: R,
      'self-help': R,
      open: 'waiting-on-customer',
      'in-progress': 'waiting-on-customer',
      'waiting-on-customer': 'waiting-on-customer',
      'waiting-on-vendor': 'waiting-on-customer',
      // A question neither gives the consent nor undoes the resolution: the status stays.
      'awaiting-consent': 'awaiting-consent',
      resolved: 'resolved',
      closed: R,
      reopened: 'waiting-on-customer',
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'escalateCase (level 1 → 3)',
    run: (c, s) => escalateCase(c, { level: 3, reason: 'needs an expert' }, s),
    event: { type: 'escalated', visibility: 'public' },
    effectAt: 3,
    expected: {
      new: R,
      'self-help': R,
      open: 'open',
      'in-progress': 'open',
      'waiting-on-customer': 'open',
      'waiting-on-vendor': 'open',
      'awaiting-consent': 'open',
      resolved: R,
      closed: R,
      reopened: 'open',
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'resolveCase (a new resolution text)',
    run: (c, s) => resolveCase(c, 'Cleared the print queue', s),
    event: { type: 'resolved', visibility: 'public' },
    effectAt: 1,
    expected: {
      new: R,
      'self-help': R,
      open: 'resolved',
      'in-progress': 'resolved',
      'waiting-on-customer': 'resolved',
      'waiting-on-vendor': 'resolved',
      'awaiting-consent': 'resolved',
      resolved: R,
      closed: R,
      reopened: 'resolved',
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'answerResolution (confirmed)',
    run: (c, s) => answerResolution(c, { accepted: true }, s),
    event: { type: 'resolution-confirmed', visibility: 'public' },
    expected: {
      new: R,
      'self-help': R,
      open: R,
      'in-progress': R,
      'waiting-on-customer': R,
      'waiting-on-vendor': R,
      'awaiting-consent': R,
      resolved: 'closed',
      closed: U,
      reopened: R,
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'answerResolution (objected)',
    run: (c, s) => answerResolution(c, { accepted: false, comment: 'Still no toner' }, s),
    event: { type: 'resolution-objected', visibility: 'public' },
    expected: {
      new: R,
      'self-help': R,
      open: R,
      'in-progress': R,
      'waiting-on-customer': R,
      'waiting-on-vendor': R,
      'awaiting-consent': R,
      resolved: 'reopened',
      closed: R,
      reopened: U,
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'closeCase',
    run: (c, s) => closeCase(c, 'done', s),
    event: { type: 'closed', visibility: 'public' },
    expected: {
      new: R,
      'self-help': R,
      open: R,
      'in-progress': R,
      'waiting-on-customer': R,
      'waiting-on-vendor': R,
      'awaiting-consent': R,
      resolved: 'closed',
      closed: U,
      reopened: R,
      deflected: R,
      cancelled: R,
    },
  },
  {
    // The sweep, once the objection window of the resolution (resolved at T0 + 5 min) has passed:
    // only a resolved case closes by itself; anything else is a no-op.
    action: 'closeUnobjected',
    at: 5 + OBJECTION_DAYS * DAY,
    run: (c, s) => closeUnobjected(c, s),
    event: { type: 'closed', visibility: 'public' },
    // The customer is told that the case closed: the level's worker mails it.
    effectAt: 1,
    expected: {
      new: U,
      'self-help': U,
      open: U,
      'in-progress': U,
      'waiting-on-customer': U,
      'waiting-on-vendor': U,
      'awaiting-consent': U,
      resolved: 'closed',
      closed: U,
      reopened: U,
      deflected: U,
      cancelled: U,
    },
  },
  {
    action: 'reopenCase',
    run: (c, s) => reopenCase(c, 'it is back', s),
    event: { type: 'reopened', visibility: 'public' },
    expected: {
      new: R,
      'self-help': R,
      open: R,
      'in-progress': R,
      'waiting-on-customer': R,
      'waiting-on-vendor': R,
      'awaiting-consent': R,
      resolved: 'reopened',
      closed: 'reopened',
      reopened: U,
      deflected: R,
      cancelled: 'reopened',
    },
  },
  {
    action: 'cancelCase',
    run: (c, s) => cancelCase(c, 'duplicate', s),
    event: { type: 'cancelled', visibility: 'public' },
    expected: {
      new: R,
      'self-help': 'cancelled',
      open: 'cancelled',
      'in-progress': 'cancelled',
      'waiting-on-customer': 'cancelled',
      'waiting-on-vendor': 'cancelled',
      'awaiting-consent': 'cancelled',
      resolved: R,
      closed: R,
      reopened: 'cancelled',
      deflected: R,
      cancelled: U,
    },
  },
  {
    action: 'linkDefect',
    level: 3,
    run: (c, s) => linkDefect(c, { reference: 'BUG-42', url: 'https://tracker.test/BUG-42' }, s),
    event: { type: 'defect-linked', visibility: 'internal' },
    expected: {
      new: R,
      'self-help': R,
      open: 'open',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'waiting-on-customer',
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': R,
      resolved: 'resolved',
      closed: R,
      reopened: 'reopened',
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'askConsent',
    level: 4,
    run: (c, s) => askConsent(c, VENDOR, s),
    event: { type: 'consent-asked', visibility: 'public' },
    effectAt: 4,
    expected: {
      new: R,
      'self-help': R,
      open: R,
      'in-progress': R,
      'waiting-on-customer': R,
      'waiting-on-vendor': R,
      'awaiting-consent': 'awaiting-consent',
      resolved: R,
      closed: R,
      reopened: R,
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'answerConsent (given)',
    level: 4,
    run: (c, s) => answerConsent(c, { given: true, channel: 'web' }, s),
    event: { type: 'consent-given', visibility: 'public' },
    effectAt: 4,
    expected: {
      new: R,
      'self-help': R,
      open: R,
      'in-progress': R,
      'waiting-on-customer': R,
      'waiting-on-vendor': R,
      'awaiting-consent': 'waiting-on-vendor',
      resolved: R,
      closed: R,
      reopened: R,
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'answerConsent (refused)',
    level: 4,
    run: (c, s) => answerConsent(c, { given: false, reason: 'confidential data', channel: 'email' }, s),
    event: { type: 'consent-refused', visibility: 'public' },
    effectAt: 3,
    expected: {
      new: R,
      'self-help': R,
      open: R,
      'in-progress': R,
      'waiting-on-customer': R,
      'waiting-on-vendor': R,
      'awaiting-consent': 'open',
      resolved: R,
      closed: R,
      reopened: R,
      deflected: R,
      cancelled: R,
    },
  },
  {
    // The level 4 worker records a mail it sent: a fact, so no status refuses it.
    action: 'vendorContacted',
    level: 4,
    run: (c, s) =>
      vendorContacted(c, { vendorId: VENDOR, answerDueAt: iso(DAY), vendorName: 'PrintCare Services' }, s),
    event: { type: 'vendor-contacted', visibility: 'public' },
    effectAt: 4,
    expected: {
      new: 'new',
      'self-help': 'self-help',
      open: 'open',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'waiting-on-customer',
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': 'awaiting-consent',
      resolved: 'resolved',
      closed: 'closed',
      reopened: 'reopened',
      deflected: 'deflected',
      cancelled: 'cancelled',
    },
  },
  {
    // A vendor's mail arrives whatever the status: it joins the vendor conversation.
    action: 'vendorAnswered',
    level: 4,
    patch: { vendor: vendorHandOff() },
    run: (c, s) =>
      vendorAnswered(
        c,
        { text: 'We ship a new fuser', vendorName: 'PrintCare Services', messageId: '<v1@printcare.test>' },
        s,
      ),
    event: { type: 'vendor-answered', visibility: 'internal' },
    effectAt: 4,
    expected: {
      new: 'new',
      'self-help': 'self-help',
      open: 'open',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'waiting-on-customer',
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': 'awaiting-consent',
      resolved: 'resolved',
      closed: 'closed',
      reopened: 'reopened',
      deflected: 'deflected',
      cancelled: 'cancelled',
    },
  },
  {
    // The sweep, at the vendor's answer target: only a case still waiting on a silent vendor is
    // reminded; anything else is a no-op.
    action: 'remindVendor',
    level: 4,
    patch: { vendor: vendorHandOff() },
    at: 2 + DAY,
    run: (c, s) => remindVendor(c, s),
    event: { type: 'vendor-reminded', visibility: 'internal' },
    effectAt: 4,
    expected: {
      new: U,
      'self-help': U,
      open: U,
      'in-progress': U,
      'waiting-on-customer': U,
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': U,
      resolved: U,
      closed: U,
      reopened: U,
      deflected: U,
      cancelled: U,
    },
  },
  {
    action: 'bookCallback (level 2, nobody assigned)',
    level: 2,
    run: (c, s) =>
      bookCallback(c, { start: iso(2 * DAY), end: iso(2 * DAY + 30), timeZone: 'Europe/Amsterdam' }, s),
    event: { type: 'callback-booked', visibility: 'public' },
    effectAt: 2,
    expected: {
      new: R,
      'self-help': R,
      open: 'open',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'open',
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': R,
      resolved: R,
      closed: R,
      reopened: 'open',
      deflected: R,
      cancelled: R,
    },
  },
  {
    // The sweep, an hour before the window: only an active level 2 case is reminded of its call;
    // anything else is a no-op.
    action: 'remindCallback',
    level: 2,
    patch: { callback: bookedCallback() },
    at: DAY - 60,
    run: (c, s) => remindCallback(c, s),
    event: { type: 'callback-reminded', visibility: 'public' },
    effectAt: 2,
    expected: {
      new: U,
      'self-help': U,
      open: 'open',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'waiting-on-customer',
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': 'awaiting-consent',
      resolved: U,
      closed: U,
      reopened: 'reopened',
      deflected: U,
      cancelled: U,
    },
  },
  {
    action: 'recordCallbackOutcome (reached)',
    level: 2,
    patch: { callback: bookedCallback() },
    run: (c, s) => recordCallbackOutcome(c, { outcome: 'reached', note: 'printer replaced' }, s),
    event: { type: 'callback-held', visibility: 'public' },
    expected: {
      new: R,
      'self-help': R,
      open: 'in-progress',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'in-progress',
      'waiting-on-vendor': 'in-progress',
      'awaiting-consent': R,
      resolved: R,
      closed: R,
      reopened: 'in-progress',
      deflected: R,
      cancelled: R,
    },
  },
  {
    action: 'recordCallbackOutcome (not reached)',
    level: 2,
    patch: { callback: bookedCallback() },
    run: (c, s) => recordCallbackOutcome(c, { outcome: 'not-reached' }, s),
    event: { type: 'callback-missed', visibility: 'public' },
    effectAt: 2,
    expected: {
      new: R,
      'self-help': R,
      open: 'waiting-on-customer',
      'in-progress': 'waiting-on-customer',
      'waiting-on-customer': 'waiting-on-customer',
      'waiting-on-vendor': 'waiting-on-customer',
      'awaiting-consent': R,
      resolved: R,
      closed: R,
      reopened: 'waiting-on-customer',
      deflected: R,
      cancelled: R,
    },
  },
  {
    // The customer's message (here from the case page): a waiting case goes back to whoever works
    // it (nobody is assigned here: the queue), a finished one is reopened, self-help goes to the desk.
    action: 'customerWrote (web)',
    run: (c, s) => customerWrote(c, webNote('Here is more detail'), new Set(), s),
    event: { type: 'customer-wrote', visibility: 'public' },
    expected: {
      new: R,
      'self-help': 'open',
      open: 'open',
      'in-progress': 'in-progress',
      'waiting-on-customer': 'open',
      'waiting-on-vendor': 'waiting-on-vendor',
      'awaiting-consent': 'awaiting-consent',
      resolved: 'reopened',
      closed: 'reopened',
      reopened: 'reopened',
      deflected: 'open',
      cancelled: 'reopened',
    },
  },
];

describe('the lifecycle table: every action in every status', () => {
  it('lists every status in every row', () => {
    for (const row of TABLE) expect(Object.keys(row.expected).sort()).toEqual([...CASE_STATUSES].sort());
  });

  const cells = TABLE.flatMap((row) => CASE_STATUSES.map((status) => ({ row, status })));

  it.each(cells.map((cell) => [cell.row.action, cell.status, cell.row.expected[cell.status], cell]))(
    '%s in %s → %s',
    (_action, status, outcome, { row }) => {
      const before = caseIn(status, row.level ?? 1, row.patch);
      const frozen = structuredClone(before);
      const stamp = stampOf('EVENT-1', row.at ?? 30);

      if (outcome === REFUSED) {
        const error = refusal(() => row.run(before, stamp));
        expect(error.from).toBe(status);
        expect(error.message).toContain(`'${status}'`);
        expect(error.code).toBe('invalid_transition');
      } else if (outcome === SAME) {
        const t = row.run(before, stamp);
        expect(t.kind).toBe('unchanged');
        expect(t.case).toBe(before);
      } else if (outcome === APPENDED) {
        const t = row.run(before, stamp);
        expect(t.kind).toBe('appended');
        expect(t.case).toBe(before);
        expect(recorded(t)).toEqual([
          {
            id: 'EVENT-1',
            caseId: before.id,
            type: row.event.type,
            visibility: row.event.visibility,
            at: stamp.at.toISOString(),
            actor: stamp.actor,
            data: expect.any(Object),
          },
        ]);
        expect(row.effectAt).toBeUndefined();
      } else {
        const t = changedOf(row.run(before, stamp));
        expect(t.case.status).toBe(outcome);
        expect(t.case.version).toBe(before.version + 1);
        expect(t.case.updatedAt).toBe(stamp.at.toISOString());
        expect(t.case.id).toBe(before.id);
        // Besides the action's own event, a clock that stops records itself (sla-clock.ts):
        // checked in the SLA clock tests; here, the action's event.
        const own = t.events.filter((e) => e.type !== 'clock-stopped');
        expect(own).toHaveLength(1);
        const [event] = own;
        expect(event).toMatchObject({
          id: 'EVENT-1',
          caseId: before.id,
          type: row.event.type,
          visibility: row.event.visibility,
          at: stamp.at.toISOString(),
          actor: stamp.actor,
        });
        if (event && 'toStatus' in event.data) {
          expect(event.data.fromStatus).toBe(status);
          expect(event.data.toStatus).toBe(outcome);
        }
        if (row.effectAt === undefined) {
          expect(t.case.pendingEffects).toBeUndefined();
        } else {
          expect(t.case.pendingEffects).toEqual([
            { eventId: 'EVENT-1', level: row.effectAt, since: stamp.at.toISOString() },
          ]);
        }
      }
      // A transition is pure: the case it was given is never modified.
      expect(before).toEqual(frozen);
    },
  );
});

describe('honest retries answer as the first time; a conflicting repeat is refused', () => {
  it('taking a case one already holds changes nothing; another assignee is an assignment', () => {
    const taken = changedOf(takeCase(caseIn('open'), 'agent-7', stampOf('E1')));
    expect(taken.case).toMatchObject({ status: 'in-progress', assignee: 'agent-7' });
    expect(takeCase(taken.case, 'agent-7', stampOf('E2'))).toEqual({ kind: 'unchanged', case: taken.case });

    const assigned = changedOf(takeCase(taken.case, 'agent-9', stampOf('E3', 20, agent('lead-1'))));
    expect(assigned.case.assignee).toBe('agent-9');
    expect(assigned.events[0]).toMatchObject({
      type: 'assigned',
      data: { assignee: 'agent-9', previous: 'agent-7' },
    });
  });

  it('resolving with the same text is a retry; a different text on a resolved case is a 409', () => {
    const resolved = changedOf(resolveCase(caseIn('in-progress'), 'Cleared the queue', stampOf('E1')));
    const retry = resolveCase(resolved.case, 'Cleared the queue', stampOf('E2', 60));
    expect(retry).toEqual({ kind: 'unchanged', case: resolved.case });
    const error = refusal(() => resolveCase(resolved.case, 'Something else', stampOf('E3', 60)));
    expect(error.from).toBe('resolved');
    expect(error.message).toContain("'resolved'");
  });

  it('closing a closed case, reopening a reopened one and cancelling a cancelled one change nothing', () => {
    const worked = caseIn('resolved', 1, { assignee: 'agent-7' });
    const closed = changedOf(closeCase(worked, 'done', stampOf('E1'))).case;
    expect(closeCase(closed, 'done', stampOf('E2')).kind).toBe('unchanged');
    const reopened = changedOf(reopenCase(closed, 'back', stampOf('E3'))).case;
    // Whoever worked it keeps it; only the resolution no longer stands.
    expect(reopened).toMatchObject({ status: 'reopened', assignee: 'agent-7' });
    expect(reopened.resolution).toBeUndefined();
    expect(reopenCase(reopened, 'back again', stampOf('E4')).kind).toBe('unchanged');
    const cancelled = changedOf(cancelCase(caseIn('open'), 'duplicate', stampOf('E5'))).case;
    expect(cancelCase(cancelled, 'duplicate', stampOf('E6')).kind).toBe('unchanged');
  });

  it('confirming a resolution twice, or objecting twice, changes nothing the second time', () => {
    const confirmed = changedOf(answerResolution(caseIn('resolved'), { accepted: true }, stampOf('E1'))).case;
    expect(confirmed.status).toBe('closed');
    expect(answerResolution(confirmed, { accepted: true }, stampOf('E2')).kind).toBe('unchanged');

    const objected = changedOf(answerResolution(caseIn('resolved'), { accepted: false }, stampOf('E3'))).case;
    expect(objected).toMatchObject({ status: 'reopened', resolution: undefined });
    expect(answerResolution(objected, { accepted: false }, stampOf('E4')).kind).toBe('unchanged');
    // Confirming after objecting is a conflict: the case is no longer resolved.
    expect(refusal(() => answerResolution(objected, { accepted: true }, stampOf('E5'))).from).toBe(
      'reopened',
    );
  });

  it('answering consent the same way twice changes nothing; given then refused is a 409', () => {
    const asked = changedOf(askConsent(caseIn('awaiting-consent', 4), VENDOR, stampOf('E1'))).case;
    expect(askConsent(asked, VENDOR, stampOf('E1b')).kind).toBe('unchanged');

    const given = changedOf(answerConsent(asked, { given: true, channel: 'web' }, stampOf('E2'))).case;
    expect(given.consent).toMatchObject({ state: 'given', vendorId: VENDOR, channel: 'web' });
    expect(answerConsent(given, { given: true, channel: 'email' }, stampOf('E3')).kind).toBe('unchanged');
    const conflict = refusal(() => answerConsent(given, { given: false, channel: 'web' }, stampOf('E4')));
    expect(conflict.from).toBe('waiting-on-vendor');

    const refused = changedOf(answerConsent(asked, { given: false, channel: 'web' }, stampOf('E5'))).case;
    expect(answerConsent(refused, { given: false, channel: 'phone' }, stampOf('E6')).kind).toBe('unchanged');
    expect(refusal(() => answerConsent(refused, { given: true, channel: 'web' }, stampOf('E7'))).from).toBe(
      'open',
    );
  });

  it('booking the same window twice changes nothing', () => {
    const window = { start: iso(DAY), end: iso(DAY + 30), timeZone: 'Europe/Berlin' };
    const booked = changedOf(bookCallback(caseIn('open', 2), window, stampOf('E1'))).case;
    expect(bookCallback(booked, window, stampOf('E2'))).toEqual({ kind: 'unchanged', case: booked });
  });

  it('linking the same defect twice changes nothing; another defect replaces it', () => {
    const defect = { reference: 'BUG-42', url: 'https://tracker.test/BUG-42' };
    const linked = changedOf(linkDefect(caseIn('in-progress', 3), defect, stampOf('E1'))).case;
    expect(linked.defect).toMatchObject({ ...defect, linkedBy: 'agent:agent-7', linkedAt: iso(10) });
    expect(linkDefect(linked, { ...defect }, stampOf('E2')).kind).toBe('unchanged');
    // Once the case is closed, the same link is still an honest retry rather than a 409.
    expect(linkDefect({ ...linked, status: 'closed' }, { ...defect }, stampOf('E3')).kind).toBe('unchanged');
    const other = changedOf(linkDefect(linked, { reference: 'BUG-43' }, stampOf('E4'))).case;
    expect(other.defect).toMatchObject({ reference: 'BUG-43' });
  });

  it('the sweep’s reminders and the vendor contact are recorded once', () => {
    // The call's window opens at T0 + 1 day: its reminder is due an hour before.
    const callbackDue = DAY - 60;
    const callbackCase = caseIn('open', 2, { callback: bookedCallback() });
    const reminded = changedOf(remindCallback(callbackCase, stampOf('E1', callbackDue))).case;
    expect(reminded.callback?.remindedAt).toBe(iso(callbackDue));
    expect(remindCallback(reminded, stampOf('E2', callbackDue + 1)).kind).toBe('unchanged');

    // The vendor was contacted at T0 + 2 min, its answer due a day later.
    const vendorDue = 2 + DAY;
    const vendorCase = caseIn('waiting-on-vendor', 4, { vendor: vendorHandOff() });
    const nudged = changedOf(remindVendor(vendorCase, stampOf('E3', vendorDue + 5))).case;
    expect(nudged.vendor?.remindedAt).toBe(iso(vendorDue + 5));
    expect(remindVendor(nudged, stampOf('E4', vendorDue + 6)).kind).toBe('unchanged');
    const answered = changedOf(
      vendorAnswered(
        vendorCase,
        { text: 'on it', vendorName: 'PrintCare Services', messageId: '<a@c>' },
        stampOf('E5', vendorDue - 30),
      ),
    ).case;
    expect(remindVendor(answered, stampOf('E6', vendorDue + 5)).kind).toBe('unchanged');

    const contact = { vendorId: VENDOR, answerDueAt: iso(DAY), vendorName: 'PrintCare Services' };
    const contacted = changedOf(vendorContacted(caseIn('waiting-on-vendor', 4), contact, stampOf('E7'))).case;
    expect(contacted.vendor).toMatchObject({ vendorId: VENDOR, contactedAt: iso(10), answerDueAt: iso(DAY) });
    expect(vendorContacted(contacted, contact, stampOf('E8')).kind).toBe('unchanged');
  });

  it('a callback outcome recorded twice changes nothing', () => {
    const c = caseIn('in-progress', 2, { callback: bookedCallback() });
    const missed = changedOf(recordCallbackOutcome(c, { outcome: 'not-reached' }, stampOf('E1'))).case;
    expect(recordCallbackOutcome(missed, { outcome: 'not-reached' }, stampOf('E2')).kind).toBe('unchanged');
    const held = changedOf(recordCallbackOutcome(c, { outcome: 'reached' }, stampOf('E3'))).case;
    expect(recordCallbackOutcome(held, { outcome: 'reached' }, stampOf('E4')).kind).toBe('unchanged');
    const solved = changedOf(
      recordCallbackOutcome(c, { outcome: 'solved', resolution: 'Reseated the cable' }, stampOf('E5')),
    ).case;
    const again = recordCallbackOutcome(
      solved,
      { outcome: 'solved', resolution: 'Reseated the cable' },
      stampOf('E6'),
    );
    expect(again.kind).toBe('unchanged');
  });
});

describe('the sweep’s reminders go when they are due, to the case as it is now', () => {
  const callbackDue = DAY - 60;
  const vendorDue = 2 + DAY;

  it('a callback’s reminder: not before an hour before its window; from then on, once', () => {
    const c = caseIn('in-progress', 2, { callback: bookedCallback() });
    expect(remindCallback(c, stampOf('E1', callbackDue - 1, sweep))).toEqual({ kind: 'unchanged', case: c });
    const onTime = changedOf(remindCallback(c, stampOf('E2', callbackDue, sweep)));
    expect(onTime.case.callback?.remindedAt).toBe(iso(callbackDue));
    expect(onTime.events[0]).toMatchObject({
      type: 'callback-reminded',
      data: { window: { start: iso(DAY), end: iso(DAY + 30) } },
    });
    const late = changedOf(remindCallback(c, stampOf('E3', callbackDue + 30, sweep)));
    expect(late.case.callback?.remindedAt).toBe(iso(callbackDue + 30));
  });

  it('a callback moved later is reminded of an hour before its new window', () => {
    const c = caseIn('open', 2, { callback: bookedCallback() });
    const later = { start: iso(DAY + 120), end: iso(DAY + 150), timeZone: 'Europe/Amsterdam' };
    const moved = changedOf(bookCallback(c, later, stampOf('MOVE', 60, customer))).case;
    // The sweep listed the case for the old window; the case as it is now decides.
    expect(remindCallback(moved, stampOf('E1', callbackDue, sweep))).toEqual({
      kind: 'unchanged',
      case: moved,
    });
    const reminded = changedOf(remindCallback(moved, stampOf('E2', DAY + 60, sweep))).case;
    expect(reminded.callback?.remindedAt).toBe(iso(DAY + 60));
  });

  it('a case escalated away from level 2 calls its call off: no reminder, not even back at level 2', () => {
    const c = caseIn('in-progress', 2, { callback: bookedCallback() });
    const escalated = changedOf(escalateCase(c, { level: 3, reason: 'driver bug' }, stampOf('E1', 60)));
    const away = escalated.case;
    expect(away.callback?.state).toBe('cancelled');
    // The team is told by level 2's worker.
    expect(escalated.events.map((e) => e.type)).toContain('callback-cancelled');
    expect(away.pendingEffects).toEqual(expect.arrayContaining([expect.objectContaining({ level: 2 })]));
    for (const minutes of [callbackDue, DAY + 10]) {
      expect(remindCallback(away, stampOf('E2', minutes, sweep))).toEqual({ kind: 'unchanged', case: away });
    }
    const back = changedOf(escalateCase(away, { level: 2, reason: 'needs a call' }, stampOf('E3', 90))).case;
    expect(remindCallback(back, stampOf('E4', callbackDue, sweep))).toEqual({
      kind: 'unchanged',
      case: back,
    });
  });

  it('a window already begun gets no reminder; it is marked so the sweep stops looking', () => {
    const c = caseIn('in-progress', 2, { callback: bookedCallback() });
    const late = changedOf(remindCallback(c, stampOf('E1', DAY + 10, sweep)));
    expect(late.events).toEqual([]);
    expect(late.case.callback?.remindedAt).toBe(iso(DAY + 10));
    expect(late.case.pendingEffects ?? []).toEqual([]);
  });

  it('a vendor’s reminder: not before its answer target; from then on, once', () => {
    const c = caseIn('waiting-on-vendor', 4, { vendor: vendorHandOff() });
    expect(remindVendor(c, stampOf('E1', vendorDue - 1, sweep))).toEqual({ kind: 'unchanged', case: c });
    const onTime = changedOf(remindVendor(c, stampOf('E2', vendorDue, sweep)));
    expect(onTime.case.vendor?.remindedAt).toBe(iso(vendorDue));
    expect(onTime.events[0]).toMatchObject({ type: 'vendor-reminded', data: { vendorId: VENDOR } });
    expect(onTime.case.pendingEffects).toEqual([{ eventId: 'E2', level: 4, since: iso(vendorDue) }]);
  });
});

describe('escalation', () => {
  it('moves the work up and down; the level takes it from its queue, unassigned', () => {
    const held = {
      ...caseIn('in-progress', 1),
      assignee: 'agent-7',
      queuedLevel: 1 as const,
      queuedAt: iso(1),
    };
    const up = changedOf(escalateCase(held, { level: 3, reason: 'driver bug' }, stampOf('E1')));
    expect(up.case).toMatchObject({
      status: 'open',
      classification: { level: 3 },
      version: held.version + 1,
    });
    expect(up.case.assignee).toBeUndefined();
    expect(up.case.queuedLevel).toBeUndefined();
    expect(up.case.queuedAt).toBeUndefined();
    expect(up.case.classification?.reasons[0]).toBe(
      'escalated from level 1 to 3 by agent:agent-7: driver bug',
    );
    expect(up.case.classification?.reasons).toContain('matched "toner" (hardware)');
    expect(up.events[0]).toMatchObject({
      type: 'escalated',
      visibility: 'public',
      data: { fromLevel: 1, level: 3, reason: 'driver bug', fromStatus: 'in-progress', toStatus: 'open' },
    });
    expect(up.case.pendingEffects).toEqual([{ eventId: 'E1', level: 3, since: iso(10) }]);

    const down = changedOf(escalateCase(up.case, { level: 2, reason: 'needs a call' }, stampOf('E2', 20)));
    expect(down.case).toMatchObject({ status: 'open', classification: { level: 2 } });
    expect(down.events[0]?.data).toMatchObject({ fromLevel: 3, level: 2 });
    // The first effect stays pending until its worker finishes it; the new one joins it.
    expect(down.case.pendingEffects).toEqual([
      { eventId: 'E1', level: 3, since: iso(10) },
      { eventId: 'E2', level: 2, since: iso(20) },
    ]);
  });

  it('to the same level changes nothing', () => {
    const c = caseIn('open', 2);
    expect(escalateCase(c, { level: 2, reason: 'same' }, stampOf('E1'))).toEqual({
      kind: 'unchanged',
      case: c,
    });
  });

  it('to level 4 names the vendor: without one it is a ValidationError', () => {
    const c = caseIn('in-progress', 3);
    expect(c.classification?.vendorId).toBeUndefined();
    let error: unknown;
    try {
      escalateCase(c, { level: 4, reason: 'vendor firmware' }, stampOf('E1'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('vendorId');

    const named = changedOf(
      escalateCase(c, { level: 4, reason: 'firmware', vendorId: VENDOR }, stampOf('E2')),
    );
    expect(named.case).toMatchObject({
      status: 'awaiting-consent',
      classification: { level: 4, vendorId: VENDOR },
    });
    expect(named.case.pendingEffects).toEqual([{ eventId: 'E2', level: 4, since: iso(10) }]);
  });

  it('to level 4 with consent already given for that vendor goes straight to the vendor', () => {
    const consent = {
      state: 'given' as const,
      vendorId: VENDOR,
      askedAt: iso(1),
      answeredAt: iso(2),
      answeredBy: 'customer',
      channel: 'web' as const,
    };
    const c = caseIn('in-progress', 3, { consent });
    const t = changedOf(
      escalateCase(c, { level: 4, reason: 'back to the vendor', vendorId: VENDOR }, stampOf('E1')),
    );
    expect(t.case.status).toBe('waiting-on-vendor');
    // Consent given for another vendor does not count.
    const other = changedOf(
      escalateCase(c, { level: 4, reason: 'another vendor', vendorId: OTHER_VENDOR }, stampOf('E2')),
    );
    expect(other.case).toMatchObject({
      status: 'awaiting-consent',
      classification: { vendorId: OTHER_VENDOR },
    });
  });

  it('consent refused keeps the case in house: level 3, open, the reason in the classification reasons', () => {
    const c = {
      ...caseIn('awaiting-consent', 4),
      assignee: 'agent-4',
      queuedLevel: 4 as const,
      consent: { state: 'asked' as const, vendorId: VENDOR, askedAt: iso(1) },
    };
    const t = changedOf(
      answerConsent(
        c,
        { given: false, reason: 'our data stays here', channel: 'web' },
        stampOf('E1', 10, customer),
      ),
    );
    expect(t.case).toMatchObject({
      status: 'open',
      classification: { level: 3 },
      consent: {
        state: 'refused',
        vendorId: VENDOR,
        askedAt: iso(1),
        answeredAt: iso(10),
        reason: 'our data stays here',
      },
    });
    expect(t.case.assignee).toBeUndefined();
    expect(t.case.queuedLevel).toBeUndefined();
    expect(t.case.classification?.reasons[0]).toBe(
      'kept in house at level 3: the customer refused the vendor hand-off: our data stays here',
    );
    expect(t.events[0]).toMatchObject({
      type: 'consent-refused',
      visibility: 'public',
      data: { answer: 'refused', channel: 'web', vendorId: VENDOR, text: 'our data stays here', level: 3 },
    });
    expect(t.case.pendingEffects).toEqual([{ eventId: 'E1', level: 3, since: iso(10) }]);
  });

  it('consent given by phone for a case re-escalated to another vendor is recorded for that vendor', () => {
    // Consent was given for one vendor; the case went back in house and is now escalated to
    // another vendor. Before the level 4 worker asks, an agent records the customer's consent
    // given on the telephone: it must count for the new vendor, not be taken for a retry.
    const first = {
      state: 'given' as const,
      vendorId: VENDOR,
      askedAt: iso(1),
      answeredAt: iso(2),
      answeredBy: 'customer',
      channel: 'web' as const,
    };
    const c = caseIn('in-progress', 3, { consent: first });
    const escalated = changedOf(
      escalateCase(c, { level: 4, reason: 'the storage vendor', vendorId: OTHER_VENDOR }, stampOf('E1')),
    ).case;
    expect(escalated.status).toBe('awaiting-consent');

    const t = answerConsent(
      escalated,
      { given: true, channel: 'phone' },
      stampOf('E2', 20, agent('agent-4')),
    );
    expect(t.kind).toBe('changed');
    expect(t.case.status).toBe('waiting-on-vendor');
    expect(t.case.consent).toMatchObject({ state: 'given', vendorId: OTHER_VENDOR, channel: 'phone' });
  });

  const givenForVendor = {
    state: 'given' as const,
    vendorId: VENDOR,
    askedAt: iso(1),
    answeredAt: iso(2),
    answeredBy: 'customer',
    channel: 'web' as const,
  };
  const reEscalated = () =>
    changedOf(
      escalateCase(
        caseIn('in-progress', 3, { consent: givenForVendor }),
        { level: 4, reason: 'the storage vendor', vendorId: OTHER_VENDOR },
        stampOf('E1'),
      ),
    ).case;

  it('a consent answer counts for the vendor the case is escalated to now; repeating it for that vendor is a retry', () => {
    const c = reEscalated();
    const given = changedOf(answerConsent(c, { given: true, channel: 'web' }, stampOf('E2', 20, customer)));
    expect(given.case.consent).toMatchObject({
      state: 'given',
      vendorId: OTHER_VENDOR,
      answeredAt: iso(20),
      channel: 'web',
    });
    expect(given.events[0]).toMatchObject({ type: 'consent-given', data: { vendorId: OTHER_VENDOR } });
    expect(answerConsent(given.case, { given: true, channel: 'email' }, stampOf('E3', 30, customer))).toEqual(
      {
        kind: 'unchanged',
        case: given.case,
      },
    );
  });

  it('refusing the new vendor is recorded for it; at level 3 the same refusal again is a retry', () => {
    const c = reEscalated();
    const refused = changedOf(
      answerConsent(c, { given: false, reason: 'not them', channel: 'email' }, stampOf('E2', 20, customer)),
    );
    expect(refused.case).toMatchObject({
      status: 'open',
      classification: { level: 3 },
      consent: { state: 'refused', vendorId: OTHER_VENDOR, answeredAt: iso(20) },
    });
    expect(refused.events[0]).toMatchObject({ type: 'consent-refused', data: { vendorId: OTHER_VENDOR } });
    expect(
      answerConsent(refused.case, { given: false, channel: 'web' }, stampOf('E3', 30, customer)),
    ).toEqual({
      kind: 'unchanged',
      case: refused.case,
    });
  });

  it('escalated to the same vendor again after a refusal, the same answer is recorded anew, not a retry', () => {
    const refused = changedOf(
      answerConsent(reEscalated(), { given: false, channel: 'web' }, stampOf('E2', 20, customer)),
    ).case;
    const askedAgain = changedOf(
      escalateCase(refused, { level: 4, reason: 'only they can fix it' }, stampOf('E3', 40)),
    ).case;
    expect(askedAgain).toMatchObject({
      status: 'awaiting-consent',
      classification: { vendorId: OTHER_VENDOR },
    });
    const again = changedOf(
      answerConsent(askedAgain, { given: false, channel: 'email' }, stampOf('E4', 60, customer)),
    );
    expect(again.case).toMatchObject({
      status: 'open',
      classification: { level: 3 },
      consent: { state: 'refused', vendorId: OTHER_VENDOR, answeredAt: iso(60), channel: 'email' },
    });
  });
});

describe('closing by itself when nobody objected', () => {
  const resolvedAt = 90;
  const windowEnd = resolvedAt + OBJECTION_DAYS * DAY;
  const resolved = () =>
    changedOf(
      resolveCase(
        caseIn('in-progress', 1, { assignee: 'agent-7' }),
        'Replaced the fuser',
        stampOf('R1', resolvedAt),
      ),
    ).case;

  it('a resolved case stays resolved until its objection window has passed', () => {
    const c = resolved();
    expect(c.resolution?.closesAt).toBe(iso(windowEnd));
    expect(nextDueAt({ ...c, pendingEffects: undefined })).toBe(iso(windowEnd));
    expect(closeUnobjected(c, stampOf('S1', resolvedAt + DAY, sweep))).toEqual({
      kind: 'unchanged',
      case: c,
    });
    expect(closeUnobjected(c, stampOf('S2', windowEnd - 1, sweep))).toEqual({ kind: 'unchanged', case: c });
  });

  it('closes it at the end of the window or later, keeping the resolution; once', () => {
    const c = resolved();
    const t = changedOf(closeUnobjected(c, stampOf('S1', windowEnd, sweep)));
    expect(t.case).toMatchObject({ status: 'closed', resolution: c.resolution, version: c.version + 1 });
    expect(t.events).toEqual([
      {
        id: 'S1',
        caseId: c.id,
        type: 'closed',
        at: iso(windowEnd),
        actor: sweep,
        visibility: 'public',
        data: { reason: expect.stringContaining('objection'), fromStatus: 'resolved', toStatus: 'closed' },
      },
    ]);
    // The customer is told that the case closed (level 1's worker mails it); earlier work stays.
    expect(t.case.pendingEffects).toEqual([
      ...(c.pendingEffects ?? []),
      { eventId: 'S1', level: 1, since: iso(windowEnd) },
    ]);
    expect(closeUnobjected(t.case, stampOf('S2', windowEnd + 1, sweep))).toEqual({
      kind: 'unchanged',
      case: t.case,
    });

    const late = changedOf(closeUnobjected(c, stampOf('S3', windowEnd + DAY, sweep)));
    expect(late.case.status).toBe('closed');
  });

  it('a case objected to and resolved again waits for its new window', () => {
    const first = resolved();
    const objected = changedOf(
      answerResolution(
        first,
        { accepted: false, comment: 'It jams again' },
        stampOf('O1', 2 * DAY, customer),
      ),
    ).case;
    expect(closeUnobjected(objected, stampOf('S1', windowEnd, sweep)).kind).toBe('unchanged');

    const again = changedOf(
      resolveCase(objected, 'Replaced the fuser and the drum', stampOf('R2', 3 * DAY)),
    ).case;
    const secondEnd = 3 * DAY + OBJECTION_DAYS * DAY;
    expect(again.resolution?.closesAt).toBe(iso(secondEnd));
    // The first window has passed, but it is not this resolution's.
    expect(closeUnobjected(again, stampOf('S2', windowEnd, sweep))).toEqual({
      kind: 'unchanged',
      case: again,
    });
    expect(closeUnobjected(again, stampOf('S3', secondEnd - 1, sweep)).kind).toBe('unchanged');
    const closed = changedOf(closeUnobjected(again, stampOf('S4', secondEnd, sweep))).case;
    expect(closed).toMatchObject({ status: 'closed', resolution: again.resolution });
  });
});

describe('resolution and the first response', () => {
  it('a resolution closes by itself OBJECTION_DAYS later, unless given another window', () => {
    const t = changedOf(resolveCase(caseIn('in-progress'), 'Replaced the fuser', stampOf('E1', 90)));
    expect(OBJECTION_DAYS).toBe(5);
    expect(t.case.resolution).toEqual({
      text: 'Replaced the fuser',
      at: iso(90),
      by: 'agent:agent-7',
      closesAt: new Date(at(90).getTime() + 5 * 86_400_000).toISOString(),
    });
    expect(t.events[0]?.data).toMatchObject({ resolution: 'Replaced the fuser', objectionDays: 5 });
    const quick = changedOf(resolveCase(caseIn('open'), 'x', stampOf('E2', 90), 2));
    expect(quick.case.resolution?.closesAt).toBe(new Date(at(90).getTime() + 2 * 86_400_000).toISOString());
  });

  it('the first reply sets firstResponseAt; later replies, bookings and resolutions never move it', () => {
    const open = caseIn('open', 2);
    expect(open.firstResponseAt).toBeUndefined();
    const replied = changedOf(
      replyToCustomer(open, { text: 'Hi', waitForCustomer: false }, stampOf('E1', 15)),
    );
    expect(replied.case.firstResponseAt).toBe(iso(15));
    expect(replied.case.assignee).toBe('agent-7');
    const again = changedOf(
      replyToCustomer(replied.case, { text: 'More', waitForCustomer: true }, stampOf('E2', 40)),
    );
    expect(again.case.firstResponseAt).toBe(iso(15));
    const window = { start: iso(DAY), end: iso(DAY + 30), timeZone: 'UTC' };
    const booked = changedOf(bookCallback(again.case, window, stampOf('E3', 50)));
    expect(booked.case.firstResponseAt).toBe(iso(15));
    const resolved = changedOf(resolveCase(booked.case, 'Done', stampOf('E4', 60)));
    expect(resolved.case.firstResponseAt).toBe(iso(15));
  });

  it('a booking or a resolution is a first response when nothing came before', () => {
    const window = { start: iso(DAY), end: iso(DAY + 30), timeZone: 'UTC' };
    expect(changedOf(bookCallback(caseIn('open', 2), window, stampOf('E1', 25))).case.firstResponseAt).toBe(
      iso(25),
    );
    expect(changedOf(resolveCase(caseIn('open'), 'Done', stampOf('E2', 35))).case.firstResponseAt).toBe(
      iso(35),
    );
  });
});

describe('callbacks', () => {
  const first = { start: iso(DAY), end: iso(DAY + 30), timeZone: 'Europe/Amsterdam' };
  const moved = { start: iso(DAY + 120), end: iso(DAY + 150), timeZone: 'Europe/Amsterdam' };

  it('booking sets sequence 0; moving keeps the invite UID, counts the sequence up and re-arms the reminder', () => {
    const booked = changedOf(bookCallback(caseIn('open', 2), first, stampOf('BOOK', 5, customer)));
    expect(booked.case.callback).toEqual({
      state: 'booked',
      ...first,
      sequence: 0,
      bookedAt: iso(5),
      bookedBy: 'customer',
      bookingEventId: 'BOOK',
    });
    expect(booked.events[0]).toMatchObject({
      type: 'callback-booked',
      visibility: 'public',
      data: { window: { start: first.start, end: first.end }, moved: false },
    });
    expect(booked.case.pendingEffects).toEqual([{ eventId: 'BOOK', level: 2, since: iso(5) }]);

    // Reminded an hour before the window; then the customer moves the call two hours later.
    const reminded = changedOf(remindCallback(booked.case, stampOf('REMIND', DAY - 60, sweep))).case;
    expect(reminded.callback?.remindedAt).toBe(iso(DAY - 60));
    const move = changedOf(bookCallback(reminded, moved, stampOf('MOVE', DAY - 50, customer)));
    expect(move.case.callback).toMatchObject({ ...moved, sequence: 1, bookingEventId: 'BOOK' });
    expect(move.case.callback?.remindedAt).toBeUndefined();
    expect(move.events[0]?.data).toMatchObject({ moved: true });
    expect(move.case.version).toBe(reminded.version + 1);
    // Re-armed: the new window is reminded of an hour before it, once.
    expect(remindCallback(move.case, stampOf('R2', DAY - 49, sweep)).kind).toBe('unchanged');
    const again = changedOf(remindCallback(move.case, stampOf('R3', DAY + 60, sweep))).case;
    expect(again.callback?.remindedAt).toBe(iso(DAY + 60));
  });

  it('only level 2 books callbacks', () => {
    const error = refusal(() => bookCallback(caseIn('open', 1), first, stampOf('E1')));
    expect(error.from).toBe('open');
  });

  it('not reached: the customer is asked for a new window (waiting, work at level 2); a new booking counts on', () => {
    const c = caseIn('in-progress', 2, { callback: bookedCallback({ sequence: 1 }), assignee: 'tech-2' });
    const missed = changedOf(
      recordCallbackOutcome(c, { outcome: 'not-reached', note: 'voicemail' }, stampOf('E1')),
    );
    expect(missed.case).toMatchObject({ status: 'waiting-on-customer', callback: { state: 'missed' } });
    expect(missed.events[0]).toMatchObject({
      type: 'callback-missed',
      visibility: 'public',
      data: { outcome: 'not-reached', note: 'voicemail' },
    });
    expect(missed.case.pendingEffects).toEqual([{ eventId: 'E1', level: 2, since: iso(10) }]);

    const rebooked = changedOf(bookCallback(missed.case, moved, stampOf('E2', 20, customer))).case;
    expect(rebooked).toMatchObject({
      status: 'in-progress',
      callback: { state: 'booked', sequence: 2, bookingEventId: 'BOOKING-1' },
    });
  });

  it('solved needs the resolution text', () => {
    const c = caseIn('in-progress', 2, { callback: bookedCallback() });
    let error: unknown;
    try {
      recordCallbackOutcome(c, { outcome: 'solved' }, stampOf('E1'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('resolution');
  });

  it('solved with a resolution resolves the case in one version step, with both events', () => {
    const c = caseIn('open', 2, { callback: bookedCallback() });
    const t = changedOf(
      recordCallbackOutcome(c, { outcome: 'solved', resolution: 'Reseated the cable' }, stampOf('E1', 45)),
    );
    expect(t.case.version).toBe(c.version + 1);
    expect(t.case).toMatchObject({
      status: 'resolved',
      assignee: 'agent-7',
      firstResponseAt: iso(45),
      callback: { state: 'held' },
      resolution: { text: 'Reseated the cable', at: iso(45) },
    });
    expect(
      t.events.filter((e) => e.type !== 'clock-stopped').map((e) => [e.id, e.type, e.visibility]),
    ).toEqual([
      ['E1', 'callback-held', 'public'],
      ['E1-r', 'resolved', 'public'],
    ]);
    expect(t.events[1]?.data).toMatchObject({ fromStatus: 'in-progress', toStatus: 'resolved' });
    // The resolution mail is level 2's work; holding the call calls for none.
    expect(t.case.pendingEffects).toEqual([{ eventId: 'E1-r', level: 2, since: iso(45) }]);
  });
});

describe('the customer writes again', () => {
  it('takes the facts found out of missingFacts and records a public event with the text', () => {
    const c = caseIn('waiting-on-customer', 1, { missingFacts: ['product', 'version', 'errorText'] });
    const followUp = webNote('It is Word 2021, error 0x80070005');
    const t = changedOf(
      customerWrote(c, followUp, new Set(['version', 'errorText', 'asset']), stampOf('E1', 10, customer)),
    );
    expect(t.case.missingFacts).toEqual(['product']);
    expect(t.case).toMatchObject({ status: 'open', followUpCount: 1, lastFollowUpAt: followUp.at });
    expect(t.case.version).toBe(c.version + 1);
    expect(t.followUp).toEqual(followUp);
    expect(t.events).toEqual([
      {
        id: 'E1',
        caseId: c.id,
        type: 'customer-wrote',
        at: iso(10),
        actor: customer,
        visibility: 'public',
        data: {
          text: followUp.text,
          channel: 'web',
          fromStatus: 'waiting-on-customer',
          toStatus: 'open',
          factsTaken: ['version', 'errorText'],
        },
      },
    ]);
  });

  it('a case waiting on the customer goes back to its assignee, in progress', () => {
    const c = caseIn('waiting-on-customer', 1, { assignee: 'agent-7' });
    const t = changedOf(customerWrote(c, webNote('done'), new Set(), stampOf('E1', 10, customer)));
    expect(t.case.status).toBe('in-progress');
    expect(t.events[0]?.data).not.toHaveProperty('factsTaken');
  });

  it.each(['resolved', 'closed', 'cancelled'] as const)(
    'a %s case is reopened: the problem is back, no resolution stands',
    (status) => {
      const c = caseIn(status);
      const t = changedOf(
        customerWrote(c, webNote('still broken', 60), new Set(), stampOf('E1', 60, customer)),
      );
      expect(t.case.status).toBe('reopened');
      expect(t.case.resolution).toBeUndefined();
      expect(t.events).toHaveLength(1);
      expect(t.events[0]?.data).toMatchObject({ fromStatus: status, toStatus: 'reopened' });
    },
  );

  it('addFollowUp alone (the case page’s comment) clears the resolution of the case it reopens', () => {
    const c = caseIn('resolved');
    expect(c.resolution).toBeDefined();
    const joined = addFollowUp(c, webNote('it jams again', 60), at(60));
    expect(joined).toMatchObject({ status: 'reopened', followUpCount: 1, version: c.version + 1 });
    expect(joined.resolution).toBeUndefined();
  });

  it('a “yes” in reply to a resolution confirms it: the case closes, the resolution stands', () => {
    const c = caseIn('resolved', 1, { assignee: 'agent-7' });
    const mail: FollowUp = {
      ...webNote('Yes, it prints again. Thanks!', 60),
      channel: 'email',
      messageId: '<yes@example.com>',
    };
    const t = changedOf(customerWrote(c, mail, new Set(), stampOf('E1', 60, customer), true));
    expect(t.case).toMatchObject({
      status: 'closed',
      resolution: c.resolution,
      followUpCount: 1,
      lastCustomerMessageId: '<yes@example.com>',
      version: c.version + 1,
    });
    expect(t.followUp).toEqual(mail);
    expect(t.events).toEqual([
      {
        id: 'E1',
        caseId: c.id,
        type: 'customer-wrote',
        at: iso(60),
        actor: customer,
        visibility: 'public',
        data: { text: mail.text, channel: 'email', fromStatus: 'resolved', toStatus: 'closed' },
      },
      {
        id: 'E1-2',
        caseId: c.id,
        type: 'resolution-confirmed',
        at: iso(60),
        actor: customer,
        visibility: 'public',
        data: { channel: 'email', fromStatus: 'resolved', toStatus: 'closed' },
      },
    ]);
    // Closed: the sweep has nothing left to close.
    expect(nextDueAt(t.case)).toBeUndefined();
  });

  it('a “yes” to a case that is not resolved is a message like any other', () => {
    const c = caseIn('waiting-on-customer', 1, { assignee: 'agent-7' });
    const t = changedOf(customerWrote(c, webNote('yes', 60), new Set(), stampOf('E1', 60, customer), true));
    expect(t.case.status).toBe('in-progress');
    expect(t.events.map((e) => e.type)).toEqual(['customer-wrote']);
  });

  it('an email to a case not yet classified joins it; a web comment is refused', () => {
    const fresh = caseIn('new');
    const mail: FollowUp = { ...webNote('forgot to say'), channel: 'email', messageId: '<m1@example.com>' };
    const t = changedOf(customerWrote(fresh, mail, new Set(), stampOf('E1')));
    expect(t.case).toMatchObject({
      status: 'new',
      lastCustomerMessageId: '<m1@example.com>',
      followUpCount: 1,
    });
    expect(refusal(() => customerWrote(fresh, webNote('x'), new Set(), stampOf('E2'))).from).toBe('new');
  });
});

describe('nextDueAt: when the sweep must next look at a case', () => {
  const quiet = (patch: Partial<SupportCase> = {}, level: QueuedLevel = 1) =>
    ({ ...caseIn('in-progress', level), updatedAt: iso(0), ...patch }) as SupportCase;
  const plus = (isoTime: string, ms: number) => new Date(Date.parse(isoTime) + ms).toISOString();

  it('is undefined when nothing is due', () => {
    expect(nextDueAt(quiet())).toBeUndefined();
    expect(nextDueAt(caseIn('new'))).toBeUndefined();
    expect(nextDueAt(caseIn('closed'))).toBeUndefined();
  });

  it('a pending acknowledgement: two minutes after the last change; a claim: when it goes stale', () => {
    const pending = quiet({ acknowledgement: { state: 'pending', attempts: 0, tokenHashes: [] } });
    expect(nextDueAt(pending)).toBe(plus(iso(0), ACK_REPAIR_AFTER_MS));
    const claimed = quiet({
      acknowledgement: { state: 'claimed', attempts: 1, tokenHashes: ['t'], claimedAt: iso(3) },
    });
    expect(nextDueAt(claimed)).toBe(plus(iso(3), ACK_CLAIM_STALE_MS));
  });

  it('pending work: two minutes after it was (last) queued, the earliest first', () => {
    const c = quiet({
      pendingEffects: [
        { eventId: 'A', level: 1, since: iso(30) },
        { eventId: 'B', level: 2, since: iso(20), repairs: 2 },
      ],
    });
    expect(EFFECT_REPAIR_AFTER_MS).toBe(2 * 60_000);
    expect(nextDueAt(c)).toBe(iso(22));
  });

  it('a booked callback: an hour before its window, while not reminded and the case is active at level 2', () => {
    const c = quiet({ callback: bookedCallback() }, 2);
    expect(CALLBACK_REMINDER_BEFORE_MS).toBe(60 * 60_000);
    expect(nextDueAt(c)).toBe(iso(DAY - 60));
    expect(nextDueAt(quiet({ callback: bookedCallback({ remindedAt: iso(DAY - 60) }) }, 2))).toBeUndefined();
    expect(nextDueAt(quiet({ callback: bookedCallback({ state: 'held' }) }, 2))).toBeUndefined();
    expect(nextDueAt(quiet({ status: 'cancelled', callback: bookedCallback() }, 2))).toBeUndefined();
    // Escalated away from level 2, the case has no call to remind of.
    expect(nextDueAt(quiet({ callback: bookedCallback() }, 3))).toBeUndefined();
  });

  it('a vendor: its answer target, while the case waits on it and it neither answered nor was reminded', () => {
    const waiting = quiet({ status: 'waiting-on-vendor', vendor: vendorHandOff({ answerDueAt: iso(600) }) });
    expect(nextDueAt(waiting)).toBe(iso(600));
    expect(
      nextDueAt({ ...waiting, vendor: vendorHandOff({ answerDueAt: iso(600), lastAnswerAt: iso(300) }) }),
    ).toBe(undefined);
    expect(
      nextDueAt({ ...waiting, vendor: vendorHandOff({ answerDueAt: iso(600), remindedAt: iso(601) }) }),
    ).toBe(undefined);
    expect(nextDueAt({ ...waiting, status: 'in-progress' })).toBeUndefined();
  });

  it('a resolved case: the end of its objection window', () => {
    const resolved = caseIn('resolved');
    expect(nextDueAt(resolved)).toBe(resolved.resolution?.closesAt);
    // A closed case keeps its resolution but is never due again.
    expect(nextDueAt({ ...resolved, status: 'closed' })).toBeUndefined();
  });

  it('is the earliest of everything due', () => {
    const pending = { state: 'pending' as const, attempts: 0, tokenHashes: [] };
    const atLevel2 = quiet(
      {
        callback: bookedCallback({ start: iso(400) }),
        pendingEffects: [{ eventId: 'A', level: 2, since: iso(600) }],
      },
      2,
    );
    expect(nextDueAt(atLevel2)).toBe(iso(340));
    expect(nextDueAt({ ...atLevel2, callback: undefined })).toBe(iso(602));
    expect(nextDueAt({ ...atLevel2, acknowledgement: pending })).toBe(iso(2));

    // Waiting on the vendor at level 4: its answer target counts, a call left from level 2 does not.
    const atVendor = quiet(
      {
        status: 'waiting-on-vendor',
        vendor: vendorHandOff({ answerDueAt: iso(500) }),
        callback: bookedCallback({ start: iso(400) }),
        pendingEffects: [{ eventId: 'A', level: 4, since: iso(600) }],
      },
      4,
    );
    expect(nextDueAt(atVendor)).toBe(iso(500));
    expect(nextDueAt({ ...atVendor, vendor: undefined })).toBe(iso(602));
    expect(nextDueAt({ ...atVendor, acknowledgement: pending })).toBe(iso(2));
  });
});

describe('what the customer reads of the history', () => {
  const event = (
    type: CaseEventType,
    data: Record<string, unknown>,
    visibility: 'public' | 'internal',
  ): CaseEvent => ({
    id: 'E1',
    caseId: 'CASE-1',
    type,
    at: iso(10),
    actor: agent('agent-secret-7'),
    visibility,
    data,
  });

  it('publicEvent drops the case id, the agent’s id and every field that is not public', () => {
    const replied = changedOf(
      replyToCustomer(caseIn('open'), { text: 'Try again now', waitForCustomer: true }, stampOf('E1')),
    ).events[0] as CaseEvent;
    const shown = publicEvent(replied);
    expect(shown).toEqual({
      id: 'E1',
      type: 'replied',
      at: iso(10),
      actor: 'agent',
      visibility: 'public',
      data: { text: 'Try again now', fromStatus: 'open', toStatus: 'waiting-on-customer' },
    });
    expect(JSON.stringify(shown)).not.toContain('agent-7');
    expect(shown).not.toHaveProperty('caseId');

    const escalated = publicEvent(
      event(
        'escalated',
        { fromLevel: 1, level: 3, reason: 'suspected driver bug', fromStatus: 'open' },
        'public',
      ),
    );
    expect(escalated.data).toEqual({ level: 3, fromStatus: 'open' });
    expect(JSON.stringify(escalated)).not.toContain('agent-secret-7');

    const held = publicEvent(event('callback-held', { outcome: 'reached', note: 'user was rude' }, 'public'));
    expect(held.data).toEqual({ outcome: 'reached' });
    const refused = publicEvent(
      event('consent-refused', { answer: 'refused', channel: 'web', vendorId: VENDOR, level: 3 }, 'public'),
    );
    expect(refused.data).toEqual({ answer: 'refused', channel: 'web', level: 3 });
    expect(
      publicEvent({ ...event('resolved', {}, 'public'), actor: { kind: 'system', id: 'sla-timer' } }).actor,
    ).toBe('system');
  });

  it('notes, assignments, defects and the vendor’s mail are internal; replies and resolutions public', () => {
    const open = caseIn('in-progress', 4, { vendor: vendorHandOff() });
    const visibility = (t: Transition) => recorded(t)[0]?.visibility;
    expect(visibility(addNote(open, 'internal thought', stampOf('E1')))).toBe('internal');
    expect(visibility(takeCase(open, 'agent-8', stampOf('E2')))).toBe('internal');
    expect(visibility(linkDefect(open, { reference: 'BUG-1' }, stampOf('E3')))).toBe('internal');
    expect(
      visibility(
        vendorAnswered(
          open,
          { text: 'x', vendorName: 'PrintCare Services', messageId: '<v@c>' },
          stampOf('E4'),
        ),
      ),
    ).toBe('internal');
    expect(visibility(replyToCustomer(open, { text: 'Hi', waitForCustomer: false }, stampOf('E5')))).toBe(
      'public',
    );
    expect(visibility(resolveCase(open, 'Done', stampOf('E6')))).toBe('public');
  });
});

describe('the dossier', () => {
  const NOTE = 'Internal: customer is on the watch list';
  const REASON = 'matched "toner" (hardware)';
  const ESCALATION = 'suspect the vendor firmware';
  const TECH_NOTE = 'technician: user was impatient';

  function story() {
    const c = caseIn('in-progress', 1, {
      problem: {
        subject: 'Printer <b>jams</b>',
        description: 'Paper jams <script>alert("x")</script> every time',
        product: 'LaserPro 9000',
        errorText: 'E-503',
      },
      defect: {
        reference: 'BUG-77',
        url: 'https://tracker.test/BUG-77',
        linkedAt: iso(50),
        linkedBy: 'agent:x',
      },
    });
    const history: CaseEvent[] = [
      recorded(addNote(c, NOTE, stampOf('E1', 20))),
      changedOf(
        replyToCustomer(c, { text: 'Please restart the printer', waitForCustomer: false }, stampOf('E2', 30)),
      ).events,
      changedOf(escalateCase(c, { level: 3, reason: ESCALATION }, stampOf('E3', 40))).events,
      [
        {
          id: 'E4',
          caseId: c.id,
          type: 'callback-held' as const,
          at: iso(45),
          actor: agent('tech-2'),
          visibility: 'public' as const,
          data: { outcome: 'reached', note: TECH_NOTE },
        },
      ],
    ].flat();
    const followUps: FollowUp[] = [webNote('It jams on <script>steal()</script> tray 2', 60)];
    const input = {
      supportCase: c,
      history,
      followUps,
      purpose: 'Escalated',
      caseUrl: 'https://desk.test/cases/1',
    };
    return { c, input };
  }

  it('tells the team everything: notes, classification reasons, escalation reasons, the defect and the link', () => {
    const { input } = story();
    const mail = composeDossier({ ...input, audience: 'team' });
    expect(mail.text).toContain(NOTE);
    expect(mail.text).toContain(REASON);
    expect(mail.text).toContain(ESCALATION);
    expect(mail.text).toContain(TECH_NOTE);
    expect(mail.text).toContain('Please restart the printer');
    expect(mail.text).toContain('BUG-77');
    expect(mail.text).toContain('https://desk.test/cases/1');
    expect(mail.html).toContain('Internal: customer is on the watch list');
  });

  it('never tells the vendor a note, a classification or escalation reason, the defect or the desk link', () => {
    const { input } = story();
    const mail = composeDossier({ ...input, audience: 'vendor' });
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toContain(NOTE);
      expect(part).not.toContain('watch list');
      expect(part).not.toContain(REASON);
      expect(part).not.toContain(ESCALATION);
      expect(part).not.toContain(TECH_NOTE);
      expect(part).not.toContain('BUG-77');
      expect(part).not.toContain('desk.test');
    }
    // What was tried in public and the facts are there.
    expect(mail.text).toContain('Please restart the printer');
    expect(mail.text).toContain('escalated from level 1 to 3');
    expect(mail.text).toContain('Error: E-503');
    expect(mail.text).toContain('Product: LaserPro 9000');
  });

  it('escapes the customer’s words in html', () => {
    const { input } = story();
    for (const audience of ['team', 'vendor'] as const) {
      const mail = composeDossier({ ...input, audience });
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<b>jams</b>');
      expect(mail.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
      expect(mail.html).toContain('&#60;script&#62;steal()&#60;/script&#62;');
      // The plain text quotes them as written.
      expect(mail.text).toContain('<script>alert("x")</script>');
    }
  });
});
