// The calendar invite sent with a booked callback, so the customer's mail client puts the call
// in their calendar at the right local time, and moves or removes it when the booking changes
// (same UID, higher SEQUENCE; METHOD:CANCEL to remove). RFC 5545 / RFC 5546 (iTIP).
//
// The VTIMEZONE is made here from the runtime's own time-zone data through luxon, not read
// from a package of .ics files: such a package (e.g. @touch4it/ical-timezones) reads its files
// next to its own source with __dirname, which does not exist in the functions' esbuild ESM
// bundle, and its rules date from 2018.
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime, IANAZone } from 'luxon';

export type CallbackInvite = {
  /** Stable for the booking: a moved booking sends the same UID with a higher sequence. */
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  /** IANA zone the times are written in (the customer's). */
  timeZone: string;
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  url?: string;
  /** DTSTAMP, when this message was made; the current time if not given. */
  stamp?: Date;
};

const DAY_MS = 86_400_000;

export function callbackInviteIcs(invite: CallbackInvite): string {
  const { timeZone, start, end } = invite;
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`'${timeZone}' is not an IANA time zone`);
  if (!(start.getTime() < end.getTime())) throw new RangeError('the callback must end after it starts');
  if (!Number.isInteger(invite.sequence) || invite.sequence < 0) {
    throw new RangeError('sequence must be a non-negative integer');
  }
  const cancel = invite.method === 'CANCEL';
  const calendar = ical({
    prodId: '//tierdesk//callback invite//EN',
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: (zone) => vtimezone(zone, start, end) },
  });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    stamp: invite.stamp ?? new Date(),
    // Luxon values, not Dates: with a time zone set, ical-generator writes a Date's wall time
    // in the process's zone, which is UTC on Lambda.
    start: DateTime.fromJSDate(start, { zone: timeZone }),
    end: DateTime.fromJSDate(end, { zone: timeZone }),
    timezone: timeZone,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: invite.summary,
    description: invite.description,
    organizer: invite.organizer,
    attendees: [
      {
        ...invite.attendee,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: !cancel,
      },
    ],
    url: invite.url ?? null,
  });
  // Every content line ends in CRLF, the last one too.
  return `${calendar.toString()}\r\n`;
}

/**
 * A VTIMEZONE for `zone` that is exact throughout the year of the event (the only thing that
 * refers to it): the observance in force on January 1, then one per offset change in the year,
 * found by scanning a day at a time and bisecting to the millisecond.
 */
function vtimezone(zone: string, start: Date, end: Date): string {
  const from = DateTime.fromJSDate(start, { zone }).startOf('year').toMillis();
  const to = DateTime.fromJSDate(end, { zone }).endOf('year').toMillis();
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(zone, from, offsetAt(zone, from))];
  for (let t = from; t < to; t += DAY_MS) {
    const before = offsetAt(zone, t);
    const next = Math.min(t + DAY_MS, to);
    if (offsetAt(zone, next) !== before) lines.push(...observance(zone, changeWithin(zone, t, next), before));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

const offsetAt = (zone: string, ms: number): number => IANAZone.create(zone).offset(ms);

/** The first millisecond in (lo, hi] with the offset of hi; lo has another. */
function changeWithin(zone: string, lo: number, hi: number): number {
  const after = offsetAt(zone, hi);
  let [a, b] = [lo, hi];
  while (b - a > 1) {
    const middle = Math.floor((a + b) / 2);
    if (offsetAt(zone, middle) === after) b = middle;
    else a = middle;
  }
  return b;
}

/** The observance that begins at `onset`, written in the offset in force before it. */
function observance(zone: string, onset: number, offsetBefore: number): string[] {
  const at = DateTime.fromMillis(onset, { zone }).setLocale('en-GB');
  const kind = at.isInDST ? 'DAYLIGHT' : 'STANDARD';
  const localOnset = DateTime.fromMillis(onset + offsetBefore * 60_000, { zone: 'UTC' });
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localOnset.toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${formatOffset(offsetBefore)}`,
    `TZOFFSETTO:${formatOffset(at.offset)}`,
    // Only a real abbreviation (CET, EDT); ICU's "GMT+9" says nothing the offsets do not.
    ...(at.offsetNameShort && !/^(GMT|UTC)[+-]/.test(at.offsetNameShort)
      ? [`TZNAME:${at.offsetNameShort}`]
      : []),
    `END:${kind}`,
  ];
}

/** Minutes east of UTC as RFC 5545's UTC-OFFSET: +HHMM (or -HHMM). */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
