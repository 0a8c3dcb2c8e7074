// When each support level is at work. This is configuration, not code: the hours and holidays
// are data in config/default/team-calendars.json, which a deployment edits (next year's
// holidays, a team in another zone); they are validated here when a function starts, so a
// broken file stops the function at once with the file name and the path of the wrong field.
import { type BusinessCalendar, parseCalendar } from './business-calendar.ts';
import { QUEUED_LEVELS, type QueuedLevel } from './support-model.ts';

/** One calendar per queued level, keyed "level1".."level4"; no other keys. */
export function parseTeamCalendars(raw: unknown, where: string): Record<QueuedLevel, BusinessCalendar> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`${where}: (root): expected an object keyed level1..level4`);
  }
  const keys = QUEUED_LEVELS.map((level) => `level${level}`);
  const unknown = Object.keys(raw).filter((key) => !keys.includes(key));
  if (unknown.length > 0) {
    throw new Error(`${where}: ${unknown.join(', ')}: not a team (expected ${keys.join(', ')})`);
  }
  const entries = raw as Record<string, unknown>;
  // The keys are QUEUED_LEVELS, so the record is complete.
  return Object.fromEntries(
    QUEUED_LEVELS.map((level) => [level, parseCalendar(entries[`level${level}`], where, [`level${level}`])]),
  ) as Record<QueuedLevel, BusinessCalendar>;
}
