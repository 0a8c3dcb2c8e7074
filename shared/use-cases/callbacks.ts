/**
 * Level 2 callbacks: the windows a customer may book, booking or moving one, the outcome.
 *
 * Windows come from level 2's business calendar (time zone, weekly hours, holidays) and the
 * team's callback rules (window length, lead time, days ahead, calls per window). A window is
 * free while fewer calls than the team's capacity are booked in it; taking a place is a
 * conditional counter, so two customers cannot both get the last one. Booking is an action on
 * the case (act-on-case.ts): its level 2 worker mails the customer the confirmation with an
 * iCalendar invite and tells the team. Moving a booking gives its old place back.
 */

import { TEAM_CALENDARS, TEAMS } from '../config/this-deployment.ts';
import { callbackWindows, formatWindow, isOfferedWindow } from '../domain/business-calendar.ts';
import { bookCallback, type CallbackOutcome, recordCallbackOutcome } from '../domain/case-lifecycle.ts';
import { ForbiddenError, InvalidTransitionError, ValidationError } from '../domain/errors.ts';
import type { SupportCase } from '../domain/support-case.ts';
import { type ActDeps, type ActRequest, type ActResult, actOnCase } from './act-on-case.ts';
import { loadCaseFor } from './case-access.ts';
import type { CallbackSlots, Recipients } from './ports.ts';

export type CallbackDeps = ActDeps & { slots: CallbackSlots; recipients: Recipients };

export type CallbackSlot = { start: string; end: string; label: string };

/** The free windows for this case, labelled in the customer's language and time zone. */
export async function listCallbackSlots(deps: CallbackDeps, request: ActRequest): Promise<CallbackSlot[]> {
  const c = request.loaded ?? (await loadCaseFor(deps.store, request.caller, request.caseId));
  if (c.classification?.level !== 2)
    throw new InvalidTransitionError(c.status, 'offer callback windows outside level 2');
  const rules = TEAMS.level2.callback;
  const windows = callbackWindows(TEAM_CALENDARS[2], deps.clock(), {
    minutes: rules.windowMinutes,
    leadMinutes: rules.leadMinutes,
    days: rules.days,
    limit: 200,
  });
  const first = windows[0];
  const last = windows.at(-1);
  if (!first || !last) return [];
  const booked = await deps.slots.booked(first.start.toISOString(), last.start.toISOString());
  const own = c.callback?.state === 'booked' ? c.callback.start : undefined;
  const zone = timeZoneOf(c);
  return windows
    .filter((w) => {
      const start = w.start.toISOString();
      return start === own || (booked.get(start) ?? 0) < rules.capacity;
    })
    .map((w) => ({
      start: w.start.toISOString(),
      end: w.end.toISOString(),
      label: formatWindow(w, zone, c.language),
    }));
}

/** Books (or moves) the case's callback into an offered, free window. */
export async function bookCallbackUseCase(
  deps: CallbackDeps,
  request: ActRequest,
  wanted: { start: string },
): Promise<ActResult> {
  const rules = TEAMS.level2.callback;
  const start = new Date(wanted.start);
  if (Number.isNaN(start.getTime())) throw new ValidationError('start is not an instant', 'start');
  const window = { start, end: new Date(start.getTime() + rules.windowMinutes * 60_000) };
  const options = { minutes: rules.windowMinutes, leadMinutes: rules.leadMinutes, days: rules.days };
  if (!isOfferedWindow(TEAM_CALENDARS[2], deps.clock(), window, options))
    throw new ValidationError(
      'This window is not offered: choose one of GET /cases/{id}/callback-slots',
      'start',
    );
  // A technician calls the number the form gave: only the owner of a confirmed address (or a
  // case an agent or the sender's own domain vouched for) books by themself; else an agent does.
  if (request.caller.kind === 'customer') {
    const c = request.loaded ?? (await loadCaseFor(deps.store, request.caller, request.caseId));
    const vouched = c.channel === 'phone' || c.source?.vouchedBy !== undefined;
    if (!vouched && !(await deps.recipients.get(c.customer.email))?.verified)
      throw new ForbiddenError(
        'Confirm your email address on the case page first (the link in our first mail); then book the call',
      );
  }
  const startIso = start.toISOString();
  let taken = false;
  let previous: string | undefined;
  try {
    const result = await actOnCase(deps, request, async (c, stamp) => {
      const bookable = c.callback?.state === 'booked' && c.callback.start === startIso;
      if (!bookable && !taken) {
        // The place is taken before the case changes; a failed change gives it back below.
        taken = await deps.slots.take(startIso, rules.capacity);
        if (!taken)
          throw new ValidationError('This window has just been booked full: choose another', 'start');
      }
      previous = c.callback?.state === 'booked' ? c.callback.start : undefined;
      return bookCallback(
        c,
        { start: startIso, end: window.end.toISOString(), timeZone: timeZoneOf(c) },
        stamp,
      );
    });
    if (result.replayed && taken) await deps.slots.release(startIso);
    else if (!result.replayed && previous && previous !== startIso) await deps.slots.release(previous);
    return result;
  } catch (error) {
    if (taken) await deps.slots.release(startIso);
    throw error;
  }
}

export async function recordCallbackOutcomeUseCase(
  deps: CallbackDeps,
  request: ActRequest,
  outcome: { outcome: CallbackOutcome; note?: string; resolution?: string },
): Promise<ActResult> {
  return actOnCase(deps, request, (c, stamp) => recordCallbackOutcome(c, outcome, stamp));
}

function timeZoneOf(c: SupportCase): string {
  return c.customer.timeZone ?? TEAM_CALENDARS[2].timeZone;
}
