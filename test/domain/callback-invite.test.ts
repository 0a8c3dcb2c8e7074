import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { type CallbackInvite, callbackInviteIcs } from '../../shared/mail/callback-invite.ts';

const invite: CallbackInvite = {
  uid: 'callback-01J9Z8@tierdesk.example.com',
  sequence: 0,
  method: 'REQUEST',
  start: new Date('2026-12-01T09:00:00Z'),
  end: new Date('2026-12-01T09:30:00Z'),
  timeZone: 'Europe/Berlin',
  summary: 'Callback from IT support: case 42',
  description: 'We will call you about the printer; bring the error code, please.\nCase: 42',
  organizer: { name: 'Tierdesk Support', email: 'support@tierdesk.example.com' },
  attendee: { name: 'Ana Müller', email: 'ana.mueller@customer.example.org' },
  url: 'https://support.tierdesk.example.com/cases/42',
  stamp: new Date('2026-11-20T12:00:00Z'),
};

/** Parses an invite the way a calendar client would, its VTIMEZONE registered for its TZID. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, zone, vevent, event: new ICAL.Event(vevent) };
}

afterEach(() => ICAL.TimezoneService.reset());

describe('callbackInviteIcs', () => {
  it('writes the times in the given zone with its VTIMEZONE, at the right instant', () => {
    const { calendar, event, vevent } = parse(callbackInviteIcs(invite));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Berlin');
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect([event.startDate.hour, event.startDate.minute]).toEqual([10, 0]);
    expect([event.endDate.hour, event.endDate.minute]).toEqual([10, 30]);
    expect(event.startDate.toJSDate()).toEqual(invite.start);
    expect(event.endDate.toJSDate()).toEqual(invite.end);
  });

  it('gets the instant right in summer time and on the other side of the Atlantic', () => {
    for (const [timeZone, start, localHour] of [
      ['Europe/Berlin', '2026-07-14T08:00:00Z', 10],
      ['America/New_York', '2026-03-09T13:00:00Z', 9], // the day after the clocks went forward
      ['America/New_York', '2026-11-02T14:00:00Z', 9], // the day after they went back
      ['Australia/Lord_Howe', '2026-10-05T00:00:00Z', 11],
    ] as const) {
      const begins = new Date(start);
      const { event } = parse(
        callbackInviteIcs({
          ...invite,
          timeZone,
          start: begins,
          end: new Date(begins.getTime() + 30 * 60_000),
        }),
      );
      expect(event.startDate.zone?.tzid).toBe(timeZone);
      expect(event.startDate.hour).toBe(localHour);
      expect(event.startDate.toJSDate()).toEqual(begins);
    }
  });

  it('describes the zone exactly for the whole year of the event', () => {
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const { zone } = parse(callbackInviteIcs({ ...invite, timeZone }));
      const tz = new ICAL.Timezone(zone);
      for (
        let day = DateTime.fromObject({ year: 2026 }, { zone: timeZone });
        day.year === 2026;
        day = day.plus({ days: 1 })
      ) {
        for (const hour of [0, 4, 12]) {
          const local = day.set({ hour });
          const time = new ICAL.Time(
            { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute },
            tz,
          );
          expect(time.toUnixTime() * 1000, `${timeZone} ${local.toISO()}`).toBe(local.toMillis());
        }
      }
    }
  });

  it('carries UID, SEQUENCE, ORGANIZER, ATTENDEE, SUMMARY, DESCRIPTION and URL', () => {
    const { event, vevent } = parse(callbackInviteIcs(invite));
    expect(event.uid).toBe(invite.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe(invite.summary);
    expect(event.description).toBe(invite.description);
    expect(vevent.getFirstPropertyValue('url')).toBe(invite.url);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-20T12:00:00Z');
    const organizer = vevent.getFirstProperty('organizer');
    expect(String(organizer?.getFirstValue()).toLowerCase()).toBe('mailto:support@tierdesk.example.com');
    expect(organizer?.getParameter('cn')).toBe('Tierdesk Support');
    const [attendee, ...others] = event.attendees;
    expect(others).toEqual([]);
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe('mailto:ana.mueller@customer.example.org');
    expect(attendee?.getParameter('cn')).toBe('Ana Müller');
    expect(attendee?.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
  });

  it('moves a booking with the same UID and a higher SEQUENCE, and cancels it with METHOD:CANCEL', () => {
    const moved = parse(
      callbackInviteIcs({
        ...invite,
        sequence: 1,
        start: new Date('2026-12-02T13:00:00Z'),
        end: new Date('2026-12-02T13:30:00Z'),
      }),
    );
    expect(moved.event.uid).toBe(invite.uid);
    expect(moved.event.sequence).toBe(1);
    expect(moved.event.startDate.hour).toBe(14);

    const cancelled = parse(callbackInviteIcs({ ...invite, sequence: 2, method: 'CANCEL' }));
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.event.uid).toBe(invite.uid);
    expect(cancelled.event.sequence).toBe(2);
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('ends every line in CRLF and folds long lines at 75 octets', () => {
    const ics = callbackInviteIcs({ ...invite, description: `${'Sehr geehrte Frau Müller, '.repeat(20)}` });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(ics).not.toMatch(/\r[^\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(parse(ics).event.description).toBe(`${'Sehr geehrte Frau Müller, '.repeat(20)}`);
  });

  it('leaves URL out when there is none', () => {
    const { url: _, ...withoutUrl } = invite;
    expect(callbackInviteIcs(withoutUrl)).not.toMatch(/^URL/m);
  });

  it('refuses an unknown zone, an empty window and a negative sequence', () => {
    expect(() => callbackInviteIcs({ ...invite, timeZone: 'Mars/Base' })).toThrow(/IANA time zone/);
    expect(() => callbackInviteIcs({ ...invite, end: invite.start })).toThrow(RangeError);
    expect(() => callbackInviteIcs({ ...invite, sequence: -1 })).toThrow(RangeError);
  });
});
