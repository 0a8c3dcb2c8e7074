import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import teamCalendarsFile from '../../config/default/team-calendars.json' with { type: 'json' };
import { TEAM_CALENDARS, teamCalendar } from '../../shared/config/this-deployment.ts';
import {
  AROUND_THE_CLOCK,
  addBusinessTime,
  type BusinessCalendar,
  businessIntervals,
  businessTimeBetween,
  callbackWindows,
  formatWindow,
  isBusinessTime,
  isOfferedWindow,
  parseCalendar,
} from '../../shared/domain/business-calendar.ts';
import { parseTeamCalendars } from '../../shared/domain/team-calendars.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string): Date => new Date(iso);
const WORKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const weekdays = (start: string, end: string) =>
  Object.fromEntries(WORKDAYS.map((day) => [day, [[start, end]]]));
const allWeek = (start: string, end: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [[start, end]]]));

const berlin = parseCalendar(
  { timeZone: 'Europe/Berlin', weekly: weekdays('08:00', '18:00'), holidays: ['2026-12-24', '2026-12-25'] },
  'test',
);
const newYork = parseCalendar(
  { timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00'), holidays: [] },
  'test',
);
const berlinAllDay = parseCalendar(
  { timeZone: 'Europe/Berlin', weekly: allWeek('00:00', '24:00'), holidays: [] },
  'test',
);
const newYorkAllDay = parseCalendar(
  { timeZone: 'America/New_York', weekly: allWeek('00:00', '24:00'), holidays: [] },
  'test',
);
/** Open 01:00–04:00 local every day: straddles the hour that Berlin's clocks skip or repeat. */
const berlinNight = parseCalendar(
  { timeZone: 'Europe/Berlin', weekly: allWeek('01:00', '04:00'), holidays: [] },
  'test',
);
const splitDay = parseCalendar(
  {
    timeZone: 'Asia/Kolkata',
    weekly: {
      mon: [
        ['13:00', '17:30'],
        ['08:30', '12:00'],
      ],
      wed: [['22:00', '24:00']],
      sat: [['00:00', '01:15']],
    },
    holidays: ['2026-05-04'],
  },
  'test',
);
const closed: BusinessCalendar = { timeZone: 'Europe/Berlin', weekly: {}, holidays: [] };

const local = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone });

describe('daylight-saving changes', () => {
  it('counts a Berlin day as 23 hours in March and 25 hours in October', () => {
    expect(
      businessTimeBetween(berlinAllDay, at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00')),
    ).toBe(23 * HOUR);
    expect(
      businessTimeBetween(berlinAllDay, at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00')),
    ).toBe(25 * HOUR);
  });

  it('counts a New York day as 23 hours in March and 25 hours in November', () => {
    expect(
      businessTimeBetween(newYorkAllDay, at('2026-03-08T00:00-05:00'), at('2026-03-09T00:00-04:00')),
    ).toBe(23 * HOUR);
    expect(
      businessTimeBetween(newYorkAllDay, at('2026-11-01T00:00-04:00'), at('2026-11-02T00:00-05:00')),
    ).toBe(25 * HOUR);
  });

  it('counts wall-clock hours 01:00–04:00 as 2 hours when the clocks go forward and 4 when they go back', () => {
    const spring = businessIntervals(berlinNight, at('2026-03-29T00:00+01:00'), at('2026-03-29T12:00+02:00'));
    expect(spring).toEqual([{ start: at('2026-03-29T01:00+01:00'), end: at('2026-03-29T04:00+02:00') }]);
    expect(businessTimeBetween(berlinNight, at('2026-03-29T00:00+01:00'), at('2026-03-29T12:00+02:00'))).toBe(
      2 * HOUR,
    );
    expect(businessTimeBetween(berlinNight, at('2026-10-25T00:00+02:00'), at('2026-10-25T12:00+01:00'))).toBe(
      4 * HOUR,
    );
    // Both 02:30s of the repeated hour are business time.
    expect(isBusinessTime(berlinNight, at('2026-10-25T02:30+02:00'))).toBe(true);
    expect(isBusinessTime(berlinNight, at('2026-10-25T02:30+01:00'))).toBe(true);
  });

  it('adds business time across the weekend of a change exactly, in both directions and zones', () => {
    // Friday 17:00 CET + 2 business hours: one on Friday, one on Monday, now in CEST.
    expect(addBusinessTime(berlin, at('2026-03-27T17:00+01:00'), 2 * HOUR)).toEqual(
      at('2026-03-30T09:00+02:00'),
    );
    expect(addBusinessTime(berlin, at('2026-10-23T17:00+02:00'), 2 * HOUR)).toEqual(
      at('2026-10-26T09:00+01:00'),
    );
    expect(businessTimeBetween(berlin, at('2026-03-27T17:00+01:00'), at('2026-03-30T09:00+02:00'))).toBe(
      2 * HOUR,
    );
    expect(addBusinessTime(newYork, at('2026-03-06T16:30-05:00'), HOUR)).toEqual(
      at('2026-03-09T09:30-04:00'),
    );
    expect(addBusinessTime(newYork, at('2026-10-30T16:30-04:00'), HOUR)).toEqual(
      at('2026-11-02T09:30-05:00'),
    );
  });

  it('keeps the local 08:00 opening in a window list across a change', () => {
    for (const from of [at('2026-03-27T07:00+01:00'), at('2026-10-23T07:00+02:00')]) {
      const windows = callbackWindows(berlin, from, { minutes: 30, leadMinutes: 0, days: 4, limit: 100 });
      expect(windows).toHaveLength(2 * 20);
      const openings = [windows[0], windows[20]].map((w) => local(w?.start as Date, 'Europe/Berlin'));
      expect(openings.map((d) => d.toFormat('ccc HH:mm'))).toEqual(['Fri 08:00', 'Mon 08:00']);
      expect(openings[0]?.offset).not.toBe(openings[1]?.offset);
      for (const window of windows) {
        const start = local(window.start, 'Europe/Berlin');
        expect(start.minute % 30).toBe(0);
        expect(start.hour).toBeGreaterThanOrEqual(8);
        expect(window.end.getTime() - window.start.getTime()).toBe(30 * MINUTE);
        expect(local(window.end, 'Europe/Berlin').toFormat('HH:mm') <= '18:00').toBe(true);
      }
    }
  });
});

describe('opening hours', () => {
  it('is closed at weekends and open on weekdays, start inclusive and end exclusive', () => {
    expect(isBusinessTime(berlin, at('2026-06-06T12:00+02:00'))).toBe(false); // Saturday
    expect(isBusinessTime(berlin, at('2026-06-07T12:00+02:00'))).toBe(false); // Sunday
    expect(isBusinessTime(berlin, at('2026-06-08T07:59:59.999+02:00'))).toBe(false);
    expect(isBusinessTime(berlin, at('2026-06-08T08:00+02:00'))).toBe(true);
    expect(isBusinessTime(berlin, at('2026-06-08T17:59:59.999+02:00'))).toBe(true);
    expect(isBusinessTime(berlin, at('2026-06-08T18:00+02:00'))).toBe(false);
  });

  it('is closed on holidays, which are local dates', () => {
    expect(isBusinessTime(berlin, at('2026-12-23T10:00+01:00'))).toBe(true);
    expect(isBusinessTime(berlin, at('2026-12-24T10:00+01:00'))).toBe(false);
    expect(businessTimeBetween(berlin, at('2026-12-23T00:00+01:00'), at('2026-12-29T00:00+01:00'))).toBe(
      20 * HOUR,
    );
    expect(isBusinessTime(splitDay, at('2026-04-27T09:00+05:30'))).toBe(true); // a Monday
    expect(isBusinessTime(splitDay, at('2026-05-04T09:00+05:30'))).toBe(false); // a Monday, a holiday
    expect(businessTimeBetween(splitDay, at('2026-04-27T00:00+05:30'), at('2026-05-05T00:00+05:30'))).toBe(
      // Monday 3h30 + 4h30, Wednesday 2h, Saturday 1h15; the next Monday is a holiday.
      (8 + 2 + 1.25) * HOUR,
    );
  });

  it('starts counting at the next opening when asked outside hours', () => {
    const fridayEvening = at('2026-06-12T19:00+02:00');
    expect(addBusinessTime(berlin, fridayEvening, 0)).toEqual(at('2026-06-15T08:00+02:00'));
    expect(addBusinessTime(berlin, fridayEvening, HOUR)).toEqual(at('2026-06-15T09:00+02:00'));
    // A span that ends exactly at closing ends then, not at the next opening.
    expect(addBusinessTime(berlin, at('2026-06-12T08:00+02:00'), 10 * HOUR)).toEqual(
      at('2026-06-12T18:00+02:00'),
    );
    expect(addBusinessTime(berlin, at('2026-06-12T08:00+02:00'), 10 * HOUR + 1)).toEqual(
      at('2026-06-15T08:00:00.001+02:00'),
    );
  });

  it('merges intervals that touch and clips them to the range', () => {
    expect(businessIntervals(AROUND_THE_CLOCK, at('2026-01-01T12:00Z'), at('2026-01-04T06:00Z'))).toEqual([
      { start: at('2026-01-01T12:00Z'), end: at('2026-01-04T06:00Z') },
    ]);
    expect(businessIntervals(berlin, at('2026-06-08T12:00+02:00'), at('2026-06-09T09:00+02:00'))).toEqual([
      { start: at('2026-06-08T12:00+02:00'), end: at('2026-06-08T18:00+02:00') },
      { start: at('2026-06-09T08:00+02:00'), end: at('2026-06-09T09:00+02:00') },
    ]);
    expect(businessTimeBetween(berlin, at('2026-06-09T09:00+02:00'), at('2026-06-08T12:00+02:00'))).toBe(0);
  });

  it('throws instead of looping for a calendar without hours', () => {
    expect(() => addBusinessTime(closed, at('2026-06-08T12:00Z'), HOUR)).toThrow(
      /no business time within 366 days/,
    );
    const allHolidays = { ...berlin, holidays: [] as string[] };
    for (let d = DateTime.fromISO('2026-06-08'); d.year < 2028; d = d.plus({ days: 1 })) {
      allHolidays.holidays.push(d.toISODate() as string);
    }
    expect(() => addBusinessTime(allHolidays, at('2026-06-08T12:00Z'), HOUR)).toThrow(/366 days/);
    expect(businessTimeBetween(closed, at('2026-01-01T00:00Z'), at('2027-01-01T00:00Z'))).toBe(0);
    expect(isBusinessTime(closed, at('2026-06-08T12:00Z'))).toBe(false);
  });

  it('rejects negative business time', () => {
    expect(() => addBusinessTime(berlin, at('2026-06-08T12:00Z'), -1)).toThrow(RangeError);
  });
});

/** A small seeded generator (mulberry32), so the samples are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('addBusinessTime and businessTimeBetween are inverse', () => {
  const calendars = { berlin, newYork, berlinNight, splitDay, AROUND_THE_CLOCK, team3: teamCalendar(3) };
  const yearStart = at('2026-01-01T00:00Z').getTime();
  const yearMs = 365 * 24 * HOUR;

  for (const [name, cal] of Object.entries(calendars)) {
    it(`${name}: between(start, add(start, ms)) = ms, and add(from, between(from, to)) reaches to`, () => {
      const random = seeded(0x5eed + name.length);
      for (let i = 0; i < 150; i++) {
        const start = new Date(yearStart + Math.floor(random() * yearMs));
        const ms = Math.floor(random() * 120 * HOUR);
        const end = addBusinessTime(cal, start, ms);
        expect(businessTimeBetween(cal, start, end)).toBe(ms);

        const to = new Date(start.getTime() + Math.floor(random() * 30 * 24 * HOUR));
        const inside = businessTimeBetween(cal, start, to);
        const reached = addBusinessTime(cal, start, inside);
        if (inside === 0) {
          // Nothing open in [start, to): zero business time is reached at the next opening.
          expect(reached.getTime()).toBeGreaterThanOrEqual(to.getTime());
        } else {
          expect(reached.getTime()).toBeLessThanOrEqual(to.getTime());
          expect(businessTimeBetween(cal, reached, to)).toBe(0);
        }
      }
    });
  }
});

describe('parseCalendar', () => {
  const valid = { timeZone: 'Europe/Berlin', weekly: weekdays('08:00', '18:00'), holidays: ['2026-12-25'] };
  const FILE = 'config/default/team-calendars.json';

  it('names the file, the path and the reason', () => {
    const broken = structuredClone(teamCalendarsFile) as Record<string, Record<string, unknown>>;
    (broken.level2 as Record<string, unknown>).timeZone = 'Mars/Base';
    expect(() => parseTeamCalendars(broken, FILE)).toThrow(
      new Error("config/default/team-calendars.json: level2.timeZone: 'Mars/Base' is not an IANA time zone"),
    );
  });

  it.each([
    [
      { ...valid, weekly: { mon: [['8:00', '18:00']] } },
      "x.json: weekly.mon[0][0]: '8:00' is not a time HH:MM",
    ],
    [
      { ...valid, weekly: { mon: [['08:00', '24:30']] } },
      "x.json: weekly.mon[0][1]: '24:30' is not a time HH:MM",
    ],
    [{ ...valid, weekly: { tue: [['18:00', '08:00']] } }, 'x.json: weekly.tue[0]: start ["18:00","08:00"]'],
    [
      {
        ...valid,
        weekly: {
          wed: [
            ['08:00', '12:00'],
            ['11:00', '14:00'],
          ],
        },
      },
      'x.json: weekly.wed[1]: overlaps',
    ],
    [{ ...valid, weekly: { monday: [['08:00', '12:00']] } }, 'x.json: weekly: Unrecognized key: "monday"'],
    [{ ...valid, holidays: ['2026-02-30'] }, "x.json: holidays[0]: '2026-02-30' is not a date YYYY-MM-DD"],
    [{ ...valid, holidays: ['26-12-25'] }, "x.json: holidays[0]: '26-12-25' is not a date"],
    [{ ...valid, timeZone: undefined }, 'x.json: timeZone: Invalid input'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseCalendar(raw, 'x.json')).toThrow(message);
  });

  it('accepts touching intervals, 24:00 and an empty week', () => {
    expect(
      parseCalendar(
        {
          ...valid,
          weekly: {
            sat: [
              ['12:00', '24:00'],
              ['08:00', '12:00'],
            ],
          },
        },
        'x',
      ).weekly.sat,
    ).toHaveLength(2);
    expect(parseCalendar({ ...valid, weekly: {} }, 'x').weekly).toEqual({});
  });

  it('rejects a team file with a missing or unknown team', () => {
    const { level4: _, ...missing } = teamCalendarsFile;
    expect(() => parseTeamCalendars(missing, FILE)).toThrow(`${FILE}: level4: Invalid input`);
    expect(() => parseTeamCalendars({ ...teamCalendarsFile, level5: {} }, FILE)).toThrow(
      `${FILE}: level5: not a team`,
    );
  });
});

/** Easter Sunday (anonymous Gregorian algorithm), independent of the file it checks. */
function easter(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day });
}

describe('the team calendars shipped', () => {
  it('opens level 1, 2 and 4 08:00–18:00 and level 3 09:00–17:00 on weekdays in Berlin', () => {
    for (const level of [1, 2, 4] as const) {
      expect(TEAM_CALENDARS[level].timeZone).toBe('Europe/Berlin');
      expect(TEAM_CALENDARS[level].weekly.mon).toEqual([['08:00', '18:00']]);
    }
    expect(teamCalendar(3).weekly.fri).toEqual([['09:00', '17:00']]);
    expect(teamCalendar(3).weekly.sat).toBeUndefined();
  });

  it('closes on the fixed and the movable holidays of 2026 and 2027', () => {
    for (const year of [2026, 2027]) {
      const e = easter(year);
      const movable = [-2, 1, 39, 50].map((days) => e.plus({ days }).toISODate() as string);
      const fixed = ['01-01', '05-01', '10-03', '12-24', '12-25', '12-26', '12-31'].map(
        (d) => `${year}-${d}`,
      );
      for (const level of [1, 2, 3, 4] as const) {
        expect(TEAM_CALENDARS[level].holidays).toEqual(expect.arrayContaining([...fixed, ...movable]));
      }
    }
    expect(easter(2026).toISODate()).toBe('2026-04-05');
    expect(isBusinessTime(teamCalendar(1), at('2026-04-03T10:00+02:00'))).toBe(false); // Good Friday
    expect(isBusinessTime(teamCalendar(1), at('2027-05-17T10:00+02:00'))).toBe(false); // Whit Monday
    expect(isBusinessTime(teamCalendar(1), at('2027-05-18T10:00+02:00'))).toBe(true);
  });
});

describe('callback windows', () => {
  const options = { minutes: 30, leadMinutes: 60, days: 3 };

  it('starts no earlier than the lead time, aligned to the opening', () => {
    const from = at('2026-06-08T10:07+02:00'); // Monday
    const windows = callbackWindows(berlin, from, { ...options, limit: 3 });
    expect(windows).toEqual([
      { start: at('2026-06-08T11:30+02:00'), end: at('2026-06-08T12:00+02:00') },
      { start: at('2026-06-08T12:00+02:00'), end: at('2026-06-08T12:30+02:00') },
      { start: at('2026-06-08T12:30+02:00'), end: at('2026-06-08T13:00+02:00') },
    ]);
  });

  it('offers whole windows only, over the given calendar days, up to the limit', () => {
    const windows = callbackWindows(berlin, at('2026-06-08T16:00+02:00'), { ...options, limit: 100 });
    // Monday 17:00–18:00 (2), Tuesday and Wednesday all day (20 each); Thursday is a fourth day.
    expect(windows).toHaveLength(42);
    expect(windows.at(-1)).toEqual({
      start: at('2026-06-10T17:30+02:00'),
      end: at('2026-06-10T18:00+02:00'),
    });
    expect(callbackWindows(berlin, at('2026-06-08T16:00+02:00'), { ...options, limit: 5 })).toHaveLength(5);
    expect(callbackWindows(berlin, at('2026-06-08T16:00+02:00'), { ...options, limit: 0 })).toEqual([]);
    // 45-minute windows from 08:00: the last that fits ends 17:45.
    const long = callbackWindows(berlin, at('2026-06-09T00:00+02:00'), {
      ...options,
      minutes: 45,
      days: 1,
      limit: 99,
    });
    expect(long).toHaveLength(13);
    expect(long.at(-1)?.end).toEqual(at('2026-06-09T17:45+02:00'));
  });

  it('skips holidays and weekends', () => {
    const windows = callbackWindows(berlin, at('2026-12-23T16:00+01:00'), {
      minutes: 60,
      leadMinutes: 0,
      days: 6,
      limit: 100,
    });
    const dates = new Set(windows.map((w) => local(w.start, 'Europe/Berlin').toISODate()));
    // Wed 23rd; 24th and 25th are holidays; 26th and 27th a weekend; Mon 28th.
    expect([...dates]).toEqual(['2026-12-23', '2026-12-28']);
    expect(windows).toHaveLength(2 + 10);
  });

  it('offers nothing for a calendar without hours', () => {
    expect(callbackWindows(closed, at('2026-06-08T00:00Z'), { ...options, days: 400, limit: 10 })).toEqual(
      [],
    );
  });

  it('accepts exactly the windows it offers', () => {
    const from = at('2026-06-08T10:07+02:00');
    for (const window of callbackWindows(berlin, from, { ...options, limit: 1000 })) {
      expect(isOfferedWindow(berlin, from, window, options)).toBe(true);
    }
    const random = seeded(42);
    const offered = new Set(
      callbackWindows(berlin, from, { ...options, limit: 1000 }).map((w) => w.start.getTime()),
    );
    for (let i = 0; i < 500; i++) {
      const start = new Date(from.getTime() - 24 * HOUR + Math.floor(random() * 6 * 24 * 4) * 15 * MINUTE);
      const window = { start, end: new Date(start.getTime() + 30 * MINUTE) };
      expect(isOfferedWindow(berlin, from, window, options)).toBe(offered.has(start.getTime()));
    }
  });

  it('refuses a misaligned, a past, a too-soon, a too-late, a wrong-length and a holiday window', () => {
    const from = at('2026-06-08T10:07+02:00');
    const window = (start: string, minutes = 30) => ({
      start: at(start),
      end: new Date(at(start).getTime() + minutes * MINUTE),
    });
    expect(isOfferedWindow(berlin, from, window('2026-06-09T10:00+02:00'), options)).toBe(true);
    expect(isOfferedWindow(berlin, from, window('2026-06-09T10:15+02:00'), options)).toBe(false);
    expect(isOfferedWindow(berlin, from, window('2026-06-08T09:00+02:00'), options)).toBe(false);
    expect(isOfferedWindow(berlin, from, window('2026-06-05T10:00+02:00'), options)).toBe(false);
    expect(isOfferedWindow(berlin, from, window('2026-06-08T11:00+02:00'), options)).toBe(false);
    expect(isOfferedWindow(berlin, from, window('2026-06-11T10:00+02:00'), options)).toBe(false);
    expect(isOfferedWindow(berlin, from, window('2026-06-09T10:00+02:00', 60), options)).toBe(false);
    expect(isOfferedWindow(berlin, from, window('2026-06-09T17:45+02:00'), options)).toBe(false);
    const christmas = at('2026-12-23T12:00+01:00');
    expect(isOfferedWindow(berlin, christmas, window('2026-12-24T10:00+01:00'), options)).toBe(false);
  });

  it('rejects options that make no sense', () => {
    const from = at('2026-06-08T10:07+02:00');
    expect(() => callbackWindows(berlin, from, { ...options, minutes: 0, limit: 1 })).toThrow(RangeError);
    expect(() => callbackWindows(berlin, from, { ...options, limit: -1 })).toThrow(RangeError);
  });
});

describe('formatWindow', () => {
  const window = { start: at('2026-12-01T09:00Z'), end: at('2026-12-01T09:30Z') };

  it('writes the window in the given zone and language', () => {
    expect(formatWindow(window, 'Europe/Berlin', 'en-GB')).toBe(
      'Tuesday, 1 December 2026, 10:00–10:30 (Europe/Berlin)',
    );
    expect(formatWindow(window, 'Europe/Berlin', 'de')).toBe(
      'Dienstag, 1. Dezember 2026, 10:00–10:30 Uhr (Europe/Berlin)',
    );
    expect(formatWindow(window, 'America/New_York', 'en-GB')).toBe(
      'Tuesday, 1 December 2026, 04:00–04:30 (America/New_York)',
    );
  });
});
