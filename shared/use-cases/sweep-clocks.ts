/**
 * The minute sweep (EventBridge schedule → sla-timer).
 *
 * Input: the time of the tick (the Scheduled Event's `time`, so any sweep can be replayed).
 * Output: what the sweep did, for the log.
 * Primary course:
 *  1. Cases still unclassified two minutes after intake (their queue message was lost, e.g.
 *     the intake function died between writing the case and sending the message) are put
 *     on the classify queue again — classification is idempotent, so this is always safe.
 *  2. Cases with due work (the due-work index):
 *     - an acknowledgement nobody sent, or a claim whose worker died: back on the classify
 *       queue, whose worker claims and sends it (attempts are bounded on the case);
 *     - work an event called for that is still pending two minutes on (its message was lost or
 *       failed): back on its level's queue, at most MAX_EFFECT_REPAIRS times, then given up
 *       with a 'work-abandoned' event an agent sees;
 *     - a booked callback an hour away: the customer's reminder;
 *     - a vendor silent past its contract's response target: one reminder to the vendor;
 *     - a resolved case whose objection window has passed: closed;
 *     - an SLA clock past 75 % or 100 % of its target: a warning or a breach recorded once per
 *       clock and threshold (the level's worker alerts the lead), and the escalation the
 *       priority's policy names (config/default/sla-policy.json).
 * Every change is a conditional write of the case (a sweep that overlaps another, or repeats,
 * finds the work done and does nothing); the work's mail is sent by the level workers through
 * the mail ledger, once. It reads only what is due (sparse indexes), so its cost grows with the
 * due work, not with the number of open cases.
 */
import { ulid } from 'ulid';
import type { Actor, CaseEvent } from '../domain/case-history.ts';
import {
  closeUnobjected,
  customerSilent,
  recordSlaThresholds,
  remindCallback,
  remindVendor,
  type Stamp,
  type Transition,
} from '../domain/case-lifecycle.ts';
import { ConcurrentUpdateError } from '../domain/errors.ts';
import { clocksDueAt } from '../domain/sla-clock.ts';
import {
  ACK_CLAIM_STALE_MS,
  ACK_REPAIR_AFTER_MS,
  EFFECT_REPAIR_AFTER_MS,
  MAX_CLASSIFY_REQUESTS,
  MAX_EFFECT_REPAIRS,
  next,
  nextDueAt,
  type SupportCase,
} from '../domain/support-case.ts';
import { queueEffects } from './act-on-case.ts';
import type { CaseStore, WorkQueues } from './ports.ts';

export const STUCK_AFTER_MS = 2 * 60_000;
/** At most this many cases per shard (and unclassified) per sweep: the rest waits a minute. */
const PAGE = 2_000;
const SWEEPER: Actor = { kind: 'system', id: 'sla-timer' };
type Duty = (current: SupportCase, stamp: Stamp) => Transition;

export type SweepResult = {
  requeuedUnclassified: number;
  requeuedAcknowledgements: number;
  requeuedWork: number;
  abandonedWork: number;
  callbackReminders: number;
  vendorReminders: number;
  closed: number;
  /** Warnings and breaches recorded (each clock and threshold once). */
  slaAlerts: number;
  /** Cases whose customer stayed silent too long, back with the desk. */
  backFromCustomer: number;
};

export async function sweepClocksUseCase(
  deps: { store: CaseStore; queues: WorkQueues },
  now: Date,
  /** Wall time the sweep may spend (the function's timeout is 50 s; the next sweep goes on). */
  budgetMs = 40_000,
): Promise<SweepResult> {
  const result: SweepResult = {
    requeuedUnclassified: 0,
    requeuedAcknowledgements: 0,
    requeuedWork: 0,
    abandonedWork: 0,
    callbackReminders: 0,
    vendorReminders: 0,
    closed: 0,
    slaAlerts: 0,
    backFromCustomer: 0,
  };
  // The most overdue first, across the shards; what the time budget leaves waits a minute.
  const deadline = Date.now() + budgetMs;
  const due = (await deps.store.listDue(now.toISOString(), PAGE)).sort((a, b) =>
    (nextDueAt(a) ?? '').localeCompare(nextDueAt(b) ?? ''),
  );
  for (const c of due) {
    if (Date.now() > deadline) break;
    const t = now.getTime();
    const ack = c.acknowledgement;
    if (
      (ack?.state === 'pending' && Date.parse(c.updatedAt) + ACK_REPAIR_AFTER_MS <= t) ||
      (ack?.state === 'claimed' && Date.parse(ack.claimedAt ?? c.updatedAt) + ACK_CLAIM_STALE_MS <= t)
    ) {
      await deps.queues.requestClassification({ caseId: c.id });
      result.requeuedAcknowledgements++;
    }
    // Each duty reads the case as it is now (the listing may be a minute old, the index lags):
    // the domain decides again whether it is due, and only what was done is counted.
    const duties: Array<
      [Exclude<keyof SweepResult, 'requeuedUnclassified' | 'requeuedAcknowledgements'>, Duty]
    > = [];
    if (
      (c.pendingEffects ?? []).some(
        (e) => !e.abandonedAt && Date.parse(e.since) + EFFECT_REPAIR_AFTER_MS <= t,
      )
    )
      duties.push(['requeuedWork', repairWork]);
    if (c.callback?.state === 'booked' && !c.callback.remindedAt)
      duties.push(['callbackReminders', remindCallback]);
    if (c.status === 'waiting-on-vendor' && c.vendor) duties.push(['vendorReminders', remindVendor]);
    if (c.status === 'resolved') duties.push(['closed', closeUnobjected]);
    if (c.status === 'waiting-on-customer') duties.push(['backFromCustomer', customerSilent]);
    const clocks = clocksDueAt(c);
    if (clocks !== undefined && clocks <= t) duties.push(['slaAlerts', recordSlaThresholds]);
    let latest = c;
    for (const [counter, duty] of duties) {
      const done = await apply(deps, latest, now, duty);
      if (!done) continue;
      latest = done.case;
      if (counter === 'requeuedWork') result.requeuedWork += done.requeued.length;
      else if (counter === 'slaAlerts')
        result.slaAlerts += done.events.filter(
          (e) => e.type === 'sla-warning' || e.type === 'sla-breached',
        ).length;
      else result[counter]++;
      result.abandonedWork += done.events.filter((e) => e.type === 'work-abandoned').length;
      await queueEffects(deps, done.case, new Set([...done.events.map((e) => e.id), ...done.requeued]));
    }
  }
  // Lost classifications come after the clocks: an incident burst must not starve the alerts.
  const stuck = await deps.store.listUnclassified(
    new Date(now.getTime() - STUCK_AFTER_MS).toISOString(),
    PAGE,
  );
  for (const c of stuck) {
    if (Date.now() > deadline) break;
    // Counted on the case before the message goes: past the bound it is given up, recorded.
    const counted = await apply(deps, c, now, countClassifyRequest);
    if (!counted) continue;
    if (counted.case.classifyAbandonedAt) result.abandonedWork++;
    else {
      await deps.queues.requestClassification({ caseId: c.id });
      result.requeuedUnclassified++;
    }
  }

  return result;
}

/** One more request of a lost classification, or, past the bound, giving up on it (recorded). */
function countClassifyRequest(c: SupportCase, stamp: Stamp): Transition {
  if (c.status !== 'new' || c.classifyAbandonedAt) return { kind: 'unchanged', case: c };
  // The sweep's listing may predate the classification (it came meanwhile): nothing to do then.
  if (Date.parse(c.createdAt) + STUCK_AFTER_MS > stamp.at.getTime()) return { kind: 'unchanged', case: c };
  const requests = (c.classifyRequests ?? 0) + 1;
  if (requests <= MAX_CLASSIFY_REQUESTS)
    return { kind: 'changed', case: { ...next(c, stamp.at), classifyRequests: requests }, events: [] };
  const at = stamp.at.toISOString();
  return {
    kind: 'changed',
    case: { ...next(c, stamp.at), classifyAbandonedAt: at },
    events: [
      {
        id: stamp.eventId,
        caseId: c.id,
        type: 'work-abandoned',
        at,
        actor: SWEEPER,
        visibility: 'internal',
        data: { work: 'classification', requests: c.classifyRequests ?? 0 },
      },
    ],
  };
}

/**
 * Pending work older than EFFECT_REPAIR_AFTER_MS is queued again (its `since` moves on, so the
 * next sweep waits another two minutes); after MAX_EFFECT_REPAIRS it is given up, recorded.
 */
function repairWork(c: SupportCase, stamp: Stamp): Transition {
  const t = stamp.at.getTime();
  const at = stamp.at.toISOString();
  const events: CaseEvent[] = [];
  let changed = false;
  const effects = (c.pendingEffects ?? []).map((effect) => {
    if (effect.abandonedAt || Date.parse(effect.since) + EFFECT_REPAIR_AFTER_MS > t) return effect;
    changed = true;
    const repairs = (effect.repairs ?? 0) + 1;
    if (repairs > MAX_EFFECT_REPAIRS) {
      events.push({
        id: `${stamp.eventId}-${events.length + 1}`,
        caseId: c.id,
        type: 'work-abandoned',
        at,
        actor: SWEEPER,
        visibility: 'internal',
        data: { forEvent: effect.eventId, level: effect.level, repairs: effect.repairs ?? 0 },
      });
      // Kept, marked: the dead-letter queue's replay still finds the work to do.
      return { ...effect, abandonedAt: at };
    }
    return { ...effect, since: at, repairs };
  });
  if (!changed) return { kind: 'unchanged', case: c };
  return {
    kind: 'changed',
    case: { ...next(c, stamp.at), pendingEffects: effects.length ? effects : undefined },
    events,
  };
}

async function apply(
  deps: { store: CaseStore },
  listed: SupportCase,
  now: Date,
  duty: (current: SupportCase, stamp: Stamp) => Transition,
): Promise<{ case: SupportCase; events: CaseEvent[]; requeued: string[] } | undefined> {
  // The first try works on the case as the due index listed it (no second read: the sweep's
  // cost stays one item per due case); the write is conditional on that version, and a case
  // changed since is read again and decided anew.
  let current: SupportCase | undefined = listed;
  for (let attempt = 1; attempt <= 3 && current; attempt++) {
    const t = duty(current, { at: now, eventId: ulid(now.getTime()), actor: SWEEPER });
    if (t.kind !== 'changed') return undefined;
    const before = new Map((current.pendingEffects ?? []).map((e) => [e.eventId, e.since]));
    const requeued = (t.case.pendingEffects ?? [])
      .filter((e) => before.has(e.eventId) && before.get(e.eventId) !== e.since)
      .map((e) => e.eventId);
    try {
      await deps.store.commit(t.case, t.events);
      return { case: t.case, events: t.events, requeued };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      current = await deps.store.get(listed.id);
    }
  }
  return undefined;
}
