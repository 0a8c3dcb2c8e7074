// The SLA clocks of a case: first response and resolution (and, at level 4, the vendor's
// contract). A clock counts business time of its calendar — the level's team calendar, or
// around the clock for P1/P2 — and is derived from the case itself: its status, its first
// response, its classification. `reconcileClocks` brings the clocks in line with a case after
// any change, at the change's instant (`updatedAt`), so every transition keeps them exact
// without knowing about them:
//  - both start at intake (a self-help case has none until the customer asks for a person);
//  - the first public response (a reply, a booked callback, a resolution) stops the response
//    clock;
//  - waiting on the customer or the vendor (and for consent) pauses the resolution clock, the
//    return resumes it; resolving (or cancelling) stops it, a reopen resumes it;
//  - a change of priority or level keeps the business time already counted and applies the
//    new target (and the new level's calendar) from then on — see docs/decisions.md.
// Pure: no AWS, no clock of its own.

import { SLA_POLICY, TEAM_CALENDARS, VENDOR_CATALOGUE } from '../config/this-deployment.ts';
import {
  AROUND_THE_CLOCK,
  addBusinessTime,
  type BusinessCalendar,
  businessTimeBetween,
  WEEKDAYS,
} from './business-calendar.ts';
import { type Duration, type SlaPolicy, type SlaTarget, slaTargetFor } from './sla-policy.ts';
import type { CaseStatus, SupportCase } from './support-case.ts';
import type { QueuedLevel } from './support-model.ts';
import { vendorById } from './vendor-catalogue.ts';

export const CLOCK_KINDS = ['response', 'resolution', 'vendor'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Which calendar a clock counts: around the clock, or a level's team (or the vendor's: level 4). */
export type ClockCalendar = '24x7' | `level${QueuedLevel}`;

export type SlaClock = {
  targetMs: number;
  calendar: ClockCalendar;
  startedAt: string;
  /** Business time counted up to `runningSince` (or in total, when paused or stopped). */
  accruedMs: number;
  /** Set while the clock runs. */
  runningSince?: string;
  stoppedAt?: string;
  /** While running: when the warning share and the target are reached. */
  warnAt?: string;
  dueAt?: string;
  /** When the sweep recorded the warning and the breach: each happens once per clock. */
  warnedAt?: string;
  breachedAt?: string;
};

export type SlaClocks = Partial<Record<ClockKind, SlaClock>>;

export type ClockState = 'running' | 'paused' | 'met' | 'warned' | 'breached';

export function calendarOf(ref: ClockCalendar): BusinessCalendar {
  return ref === '24x7' ? AROUND_THE_CLOCK : TEAM_CALENDARS[Number(ref.slice(5)) as QueuedLevel];
}

/** A target as business milliseconds of its calendar (a business day is the calendar's longest day). */
export function durationMs(d: Duration, cal: BusinessCalendar): number {
  switch (d.unit) {
    case 'minutes':
      return d.amount * 60_000;
    case 'hours':
    case 'businessHours':
      return d.amount * 3_600_000;
    case 'businessDays':
      return d.amount * businessDayMs(cal);
  }
}

function businessDayMs(cal: BusinessCalendar): number {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const days = WEEKDAYS.map((day) =>
    (cal.weekly[day] ?? []).reduce((sum, [from, to]) => sum + minutes(to) - minutes(from), 0),
  );
  return Math.max(...days, 0) * 60_000 || 24 * 3_600_000;
}

/** What the resolution clock does in a status. */
function resolutionMode(status: CaseStatus): 'running' | 'paused' | 'stopped' | 'none' {
  switch (status) {
    case 'new':
    case 'self-help':
      return 'none';
    case 'open':
    case 'in-progress':
    case 'reopened':
      return 'running';
    case 'waiting-on-customer':
    case 'waiting-on-vendor':
    case 'awaiting-consent':
      return 'paused';
    default:
      return 'stopped';
  }
}

type Plan = {
  mode: 'running' | 'paused' | 'stopped';
  targetMs: number;
  calendar: ClockCalendar;
  startAt: string;
};

/** The clocks a case should have now, each with its mode, target and calendar. */
function plannedClocks(c: SupportCase, policy: SlaPolicy): Partial<Record<ClockKind, Plan>> {
  const k = c.classification;
  if (!k || k.level === 0) return {};
  const mode = resolutionMode(c.status);
  if (mode === 'none') return {};
  const level = k.level;
  const target: SlaTarget = slaTargetFor(k.priority, level, c.customer.organisation, policy);
  const calendar: ClockCalendar = target.clock === '24x7' ? '24x7' : `level${level}`;
  const cal = calendarOf(calendar);
  // A self-help case handed over starts its clocks then; any other at intake.
  const startAt = c.corrections.find((x) => x.from.level === 0 && x.to.level > 0)?.at ?? c.createdAt;
  const plans: Partial<Record<ClockKind, Plan>> = {
    response: {
      mode: c.firstResponseAt ? 'stopped' : mode === 'stopped' ? 'stopped' : 'running',
      targetMs: durationMs(target.firstResponse, cal),
      calendar,
      startAt,
    },
    resolution: { mode, targetMs: durationMs(target.resolution, cal), calendar, startAt },
  };
  const vendor = c.vendor ? vendorById(c.vendor.vendorId, VENDOR_CATALOGUE) : undefined;
  if (c.vendor && vendor) {
    plans.vendor = {
      mode: c.status === 'waiting-on-vendor' ? 'running' : mode === 'stopped' ? 'stopped' : 'paused',
      targetMs: vendor.contract.resolutionHours * 3_600_000,
      calendar: 'level4',
      startAt: c.vendor.contactedAt,
    };
  }
  return plans;
}

/**
 * The case with its clocks brought in line with its status, first response and classification,
 * as of `updatedAt`. Idempotent: reconciling twice changes nothing.
 */
export function reconcileClocks(c: SupportCase, policy: SlaPolicy = SLA_POLICY): SupportCase {
  const plans = plannedClocks(c, policy);
  const at = c.updatedAt;
  const clocks: SlaClocks = {};
  for (const kind of CLOCK_KINDS) {
    const plan = plans[kind];
    const current = c.clocks?.[kind];
    if (!plan) {
      if (current) clocks[kind] = settle(current, 'stopped', at, current.targetMs, current.calendar, policy);
      continue;
    }
    const start: SlaClock = current ?? {
      targetMs: plan.targetMs,
      calendar: plan.calendar,
      startedAt: plan.startAt,
      accruedMs: 0,
      runningSince: plan.startAt,
    };
    clocks[kind] = settle(start, plan.mode, at, plan.targetMs, plan.calendar, policy);
  }
  const any = Object.keys(clocks).length > 0;
  if (!any && !c.clocks) return c;
  return { ...c, clocks: any ? clocks : undefined };
}

function settle(
  clock: SlaClock,
  mode: 'running' | 'paused' | 'stopped',
  at: string,
  targetMs: number,
  calendar: ClockCalendar,
  policy: SlaPolicy,
): SlaClock {
  let next: SlaClock = { ...clock };
  const running = next.runningSince !== undefined;
  if (running && mode !== 'running') {
    // Counted on the calendar it ran on, up to this change.
    const counted = businessTimeBetween(
      calendarOf(next.calendar),
      new Date(next.runningSince as string),
      new Date(at),
    );
    next = { ...next, accruedMs: next.accruedMs + counted };
    delete next.runningSince;
  }
  if (mode === 'stopped') next.stoppedAt ??= at;
  else delete next.stoppedAt;
  if (!running && mode === 'running') next.runningSince = at;
  // A new priority or level: the time counted stays; the new target and calendar hold from now.
  if (next.targetMs !== targetMs || next.calendar !== calendar) {
    if (next.runningSince !== undefined) {
      const counted = businessTimeBetween(
        calendarOf(next.calendar),
        new Date(next.runningSince),
        new Date(at),
      );
      next = { ...next, accruedMs: next.accruedMs + counted, runningSince: at };
    }
    next = { ...next, targetMs, calendar };
  }
  delete next.warnAt;
  delete next.dueAt;
  if (next.runningSince !== undefined) {
    const cal = calendarOf(next.calendar);
    const since = new Date(next.runningSince);
    const after = (ms: number) => addBusinessTime(cal, since, Math.max(0, ms - next.accruedMs)).toISOString();
    if (!next.warnedAt) next.warnAt = after(next.targetMs * policy.warningShare);
    if (!next.breachedAt) next.dueAt = after(next.targetMs);
  }
  return next;
}

/** Business time a clock has counted by `now`. */
export function elapsedMs(clock: SlaClock, now: Date): number {
  if (clock.runningSince === undefined) return clock.accruedMs;
  const since = new Date(clock.runningSince);
  if (now <= since) return clock.accruedMs;
  return clock.accruedMs + businessTimeBetween(calendarOf(clock.calendar), since, now);
}

export function clockState(clock: SlaClock, now: Date): ClockState {
  const elapsed = elapsedMs(clock, now);
  if (clock.stoppedAt !== undefined) return elapsed <= clock.targetMs ? 'met' : 'breached';
  if (clock.breachedAt || elapsed >= clock.targetMs) return 'breached';
  if (clock.runningSince === undefined) return 'paused';
  return clock.warnedAt ? 'warned' : 'running';
}

/** The clocks as GET /cases/{id} shows them. */
export function clockViews(c: SupportCase, now: Date) {
  const views: Partial<Record<ClockKind, unknown>> = {};
  for (const kind of CLOCK_KINDS) {
    const clock = c.clocks?.[kind];
    if (!clock) continue;
    views[kind] = {
      targetMinutes: Math.round(clock.targetMs / 60_000),
      calendar: clock.calendar,
      ...(clock.dueAt ? { dueAt: clock.dueAt } : {}),
      elapsedMinutes: Math.round(elapsedMs(clock, now) / 60_000),
      state: clockState(clock, now),
      ...(clock.warnedAt ? { warnedAt: clock.warnedAt } : {}),
      ...(clock.breachedAt ? { breachedAt: clock.breachedAt } : {}),
      ...(clock.stoppedAt ? { stoppedAt: clock.stoppedAt } : {}),
    };
  }
  return views;
}

/**
 * When the sweep must next look at the clocks: the earliest warning or breach not yet recorded,
 * or a clock that stopped over its target before a sweep saw the breach.
 */
export function clocksDueAt(c: SupportCase, policy: SlaPolicy = SLA_POLICY): number | undefined {
  const due: number[] = [];
  for (const clock of Object.values(c.clocks ?? {})) {
    if (clock.runningSince !== undefined) {
      if (!clock.warnedAt && clock.warnAt) due.push(Date.parse(clock.warnAt));
      if (!clock.breachedAt && clock.dueAt) due.push(Date.parse(clock.dueAt));
    } else if (crossedThresholds(clock, new Date(clock.stoppedAt ?? c.updatedAt), policy).length > 0) {
      // Paused or stopped past a threshold no sweep has recorded yet (the sweep ran late).
      due.push(Date.parse(clock.stoppedAt ?? c.updatedAt));
    }
  }
  return due.length ? Math.min(...due) : undefined;
}

/** Thresholds a clock has crossed by `now` that the sweep has not recorded yet. */
export function crossedThresholds(
  clock: SlaClock,
  now: Date,
  policy: SlaPolicy = SLA_POLICY,
): Array<'warning' | 'breach'> {
  const elapsed = elapsedMs(clock, now);
  const crossed: Array<'warning' | 'breach'> = [];
  // A warning after the clock stopped would warn of nothing.
  if (!clock.warnedAt && !clock.stoppedAt && elapsed >= clock.targetMs * policy.warningShare)
    crossed.push('warning');
  // Running, the breach is at 100 %; stopped, only a clock that counted more than its target.
  if (!clock.breachedAt && (clock.stoppedAt ? elapsed > clock.targetMs : elapsed >= clock.targetMs))
    crossed.push('breach');
  return crossed;
}

/** How urgent a case is in its queue within its priority: breached first, then warned. */
export function queueRank(c: SupportCase): '0' | '1' | '2' {
  const clocks = Object.values(c.clocks ?? {});
  if (clocks.some((k) => k.breachedAt)) return '0';
  if (clocks.some((k) => k.warnedAt)) return '1';
  return '2';
}
