// When a team is at work, and how much of its working time lies between two instants. SLA
// clocks count business time, not wall time, and a customer may only book a callback when
// someone is there to call; both need the same answer, in the team's own time zone, across
// daylight-saving changes, weekends and public holidays. Pure: every instant is an argument.
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Local wall-clock intervals "HH:MM"-"HH:MM" per weekday; end may be "24:00". */
export type WeeklyHours = Partial<Record<Weekday, ReadonlyArray<readonly [string, string]>>>;
export type BusinessCalendar = {
  timeZone: string;
  weekly: WeeklyHours;
  /** YYYY-MM-DD, local dates on which the team is closed all day. */
  holidays: readonly string[];
};
export type TimeWindow = { start: Date; end: Date };

const ALL_DAY = [['00:00', '24:00']] as const;
export const AROUND_THE_CLOCK: BusinessCalendar = {
  timeZone: 'UTC',
  weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, ALL_DAY])),
  holidays: [],
};

const MINUTE_MS = 60_000;
/** A calendar that stays closed this long has no business time at all. */
const MAX_CLOSED_DAYS = 366;

// ---- parsing ----

const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const IntervalSchema = z
  .tuple([
    z.string().regex(START, { error: (i) => `'${String(i.input)}' is not a time HH:MM` }),
    z.string().regex(END, { error: (i) => `'${String(i.input)}' is not a time HH:MM (or 24:00)` }),
  ])
  .refine(([start, end]) => minutesOf(start) < minutesOf(end), {
    error: (i) => `start ${JSON.stringify(i.input)} must be before end`,
  });

const DaySchema = z.array(IntervalSchema).superRefine((intervals, ctx) => {
  const sorted = intervals
    .map((interval, index) => ({ start: minutesOf(interval[0]), end: minutesOf(interval[1]), index }))
    .sort((a, b) => a.start - b.start);
  for (const [i, current] of sorted.entries()) {
    const previous = sorted[i - 1];
    if (previous && current.start < previous.end) {
      ctx.addIssue({
        code: 'custom',
        path: [current.index],
        message: `overlaps ${JSON.stringify(intervals[previous.index])}`,
      });
    }
  }
});

const BusinessCalendarSchema = z.strictObject({
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
    error: (i) => `'${String(i.input)}' is not an IANA time zone`,
  }),
  weekly: z.strictObject({
    mon: DaySchema.optional(),
    tue: DaySchema.optional(),
    wed: DaySchema.optional(),
    thu: DaySchema.optional(),
    fri: DaySchema.optional(),
    sat: DaySchema.optional(),
    sun: DaySchema.optional(),
  }),
  holidays: z.array(
    z.string().refine((date) => /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date).isValid, {
      error: (i) => `'${String(i.input)}' is not a date YYYY-MM-DD`,
    }),
  ),
});

const renderPath = (path: ReadonlyArray<PropertyKey>): string =>
  path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('') || '(root)';

/**
 * Validates a calendar read from configuration. `where` names the source (a file) and `path`
 * where the calendar sits inside it, so the error leads straight to the wrong field, e.g.
 * "config/default/team-calendars.json: level2.timeZone: 'Mars/Base' is not an IANA time zone".
 */
export function parseCalendar(
  raw: unknown,
  where: string,
  path: ReadonlyArray<string | number> = [],
): BusinessCalendar {
  const result = BusinessCalendarSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${renderPath([...path, ...issue.path])}: ${issue.message}`,
  );
  throw new Error(`${where}: ${problems.join('; ')}`);
}

// ---- the open intervals ----

const localDate = (cal: BusinessCalendar, instant: Date): DateTime =>
  DateTime.fromJSDate(instant, { zone: cal.timeZone }).startOf('day');

/**
 * Each calendar's days already worked out: time-zone arithmetic is most of the cost of a walk,
 * and sweeps walk the same days again and again. Calendars are read-only once parsed.
 */
const daysSeen = new WeakMap<BusinessCalendar, Map<string, readonly TimeWindow[]>>();

/** The open intervals of one local date, in order (a day's intervals never overlap). */
function openOn(cal: BusinessCalendar, day: DateTime): readonly TimeWindow[] {
  const seen = daysSeen.get(cal) ?? new Map<string, readonly TimeWindow[]>();
  daysSeen.set(cal, seen);
  const date = day.toISODate() ?? '';
  const known = seen.get(date);
  if (known) return known;
  const intervals = intervalsOn(cal, day, date);
  seen.set(date, intervals);
  return intervals;
}

function intervalsOn(cal: BusinessCalendar, day: DateTime, date: string): readonly TimeWindow[] {
  if (cal.holidays.includes(date)) return [];
  const hours = cal.weekly[WEEKDAYS[day.weekday - 1] as Weekday] ?? [];
  const at = (hhmm: string): number => {
    if (hhmm === '24:00') return day.plus({ days: 1 }).toMillis();
    // A wall time inside a spring-forward gap resolves to the instant just after the gap.
    return day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) }).toMillis();
  };
  return hours
    .map(([start, end]) => ({ start: at(start), end: at(end) }))
    .filter((interval) => interval.start < interval.end)
    .sort((a, b) => a.start - b.start)
    .map((interval) => ({ start: new Date(interval.start), end: new Date(interval.end) }));
}

/**
 * Every day's open intervals from the local date of `from` on, until `visit` returns false.
 * Throws when MAX_CLOSED_DAYS pass without any, so a calendar without hours cannot loop forever.
 */
function eachOpenDay(
  cal: BusinessCalendar,
  from: Date,
  visit: (intervals: readonly TimeWindow[]) => boolean,
): void {
  let closedDays = 0;
  for (let day = localDate(cal, from); ; day = day.plus({ days: 1 })) {
    const intervals = openOn(cal, day);
    closedDays = intervals.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) {
      throw new Error(
        `business calendar (${cal.timeZone}) has no business time within ${MAX_CLOSED_DAYS} days`,
      );
    }
    if (!visit(intervals)) return;
  }
}

export function isBusinessTime(cal: BusinessCalendar, instant: Date): boolean {
  const t = instant.getTime();
  return openOn(cal, localDate(cal, instant)).some(
    ({ start, end }) => start.getTime() <= t && t < end.getTime(),
  );
}

const toWindow = ({ start, end }: { start: number; end: number }): TimeWindow => ({
  start: new Date(start),
  end: new Date(end),
});

/** The open intervals between from and to (clipped), in order; intervals that touch are merged. */
export function businessIntervals(cal: BusinessCalendar, from: Date, to: Date): TimeWindow[] {
  const result: Array<{ start: number; end: number }> = [];
  const lo = from.getTime();
  const hi = to.getTime();
  if (hi <= lo) return result.map(toWindow);
  const lastDay = localDate(cal, to);
  let day = localDate(cal, from);
  for (; day <= lastDay; day = day.plus({ days: 1 })) {
    for (const interval of openOn(cal, day)) {
      const start = Math.max(lo, interval.start.getTime());
      const end = Math.min(hi, interval.end.getTime());
      if (start >= end) continue;
      const previous = result.at(-1);
      if (previous && previous.end === start) previous.end = end;
      else result.push({ start, end });
    }
  }
  return result.map(toWindow);
}

/**
 * The instant when `ms` of business time have passed after `start`. Outside hours, counting
 * begins at the next opening (so `ms` = 0 gives that opening); a span that ends exactly at a
 * closing gives the closing instant, not the next opening.
 */
export function addBusinessTime(cal: BusinessCalendar, start: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business time must be >= 0 ms, got ${ms}`);
  let remaining = ms;
  let result: Date | undefined;
  eachOpenDay(cal, start, (intervals) => {
    for (const interval of intervals) {
      const from = Math.max(start.getTime(), interval.start.getTime());
      const available = interval.end.getTime() - from;
      if (available <= 0) continue;
      if (remaining <= available) {
        result = new Date(from + remaining);
        return false;
      }
      remaining -= available;
    }
    return true;
  });
  return result as Date;
}

/** Business milliseconds between two instants (0 if to <= from). */
export function businessTimeBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  return businessIntervals(cal, from, to).reduce(
    (sum, { start, end }) => sum + end.getTime() - start.getTime(),
    0,
  );
}

// ---- callback windows ----

export type CallbackWindowOptions = {
  /** How long a window is; windows start at multiples of it from the opening of an interval. */
  minutes: number;
  /** How soon after `from` the first window may start. */
  leadMinutes: number;
  /** How many local calendar days to offer, counting the day of `from` as the first. */
  days: number;
};

function checkOptions({ minutes, leadMinutes, days }: CallbackWindowOptions): void {
  if (!Number.isInteger(minutes) || minutes <= 0) throw new RangeError(`minutes must be a positive integer`);
  if (!Number.isFinite(leadMinutes) || leadMinutes < 0) throw new RangeError(`leadMinutes must be >= 0`);
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer`);
}

/** The windows of one interval that start at `earliest` or later, in order. */
function* windowsIn(interval: TimeWindow, minutes: number, earliest: number): Generator<TimeWindow> {
  const step = minutes * MINUTE_MS;
  const open = interval.start.getTime();
  const skipped = Math.max(0, Math.ceil((earliest - open) / step));
  for (let start = open + skipped * step; start + step <= interval.end.getTime(); start += step) {
    yield { start: new Date(start), end: new Date(start + step) };
  }
}

/**
 * Callback windows a customer can book: consecutive `minutes`-long windows fully inside one
 * day's business interval, starting no earlier than from + leadMinutes, aligned to the
 * interval's opening on the local clock, on the local dates of `from` and the `days` - 1 dates
 * after it, at most `limit`.
 */
export function callbackWindows(
  cal: BusinessCalendar,
  from: Date,
  options: CallbackWindowOptions & { limit: number },
): TimeWindow[] {
  checkOptions(options);
  const { minutes, leadMinutes, days, limit } = options;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError('limit must be a non-negative integer');
  const earliest = from.getTime() + leadMinutes * MINUTE_MS;
  const result: TimeWindow[] = [];
  let day = localDate(cal, from);
  for (let i = 0; i < days && result.length < limit; i++, day = day.plus({ days: 1 })) {
    for (const interval of openOn(cal, day)) {
      for (const window of windowsIn(interval, minutes, earliest)) {
        if (result.length >= limit) return result;
        result.push(window);
      }
    }
  }
  return result;
}

/** Whether [start,end) is exactly one of the windows callbackWindows would offer (without a limit). */
export function isOfferedWindow(
  cal: BusinessCalendar,
  from: Date,
  window: TimeWindow,
  options: CallbackWindowOptions,
): boolean {
  checkOptions(options);
  const { minutes, leadMinutes, days } = options;
  const start = window.start.getTime();
  const step = minutes * MINUTE_MS;
  if (window.end.getTime() - start !== step) return false;
  if (start < from.getTime() + leadMinutes * MINUTE_MS) return false;
  // A window lies inside one day's interval, so it belongs to the local date of its start.
  const day = localDate(cal, window.start);
  const dayIndex = Math.round(day.diff(localDate(cal, from), 'days').days);
  if (dayIndex < 0 || dayIndex >= days) return false;
  return openOn(cal, day).some(
    (interval) =>
      interval.start.getTime() <= start &&
      start + step <= interval.end.getTime() &&
      (start - interval.start.getTime()) % step === 0,
  );
}

/**
 * A window for people, in `timeZone` (the customer's; the caller falls back to the calendar's)
 * and a BCP-47 locale, e.g. en-GB "Tuesday, 1 December 2026, 10:00–10:30 (Europe/Berlin)".
 */
export function formatWindow(window: TimeWindow, timeZone: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return `${format.formatRange(window.start, window.end)} (${timeZone})`;
}
