/**
 * The SLA report of a period (getSlaReport).
 *
 * Input: the first and last UTC day of the period (yyyy-mm-dd, both included, at most 92 days).
 * Output: per level and priority, the cases measured, the shares of met response and resolution
 * clocks and of breached cases, and the median and 90th percentile business time to the first
 * response and to resolution.
 * Primary course:
 *  1. The SLA outcomes of each day of the period are read (`listSlaOutcomes`: the day's
 *     `clock-stopped`, `sla-warning` and `sla-breached` events, never the cases themselves).
 *  2. Per case: its response stop (the first, should there be more) and its resolution stop
 *     (the last: a case resolved, reopened and resolved again counts its final resolution, whose
 *     business time includes the time before the reopen), and whether any `sla-breached` event
 *     of the period (of any of its clocks) names it.
 *  3. A case is counted once, in the row of the level and priority it had when its last
 *     response or resolution clock of the period stopped — for a resolved case, the level that
 *     resolved it at its final priority; its first response goes into the same row. A case
 *     whose only outcomes in the period are warnings, breaches or the vendor's clock is not
 *     measured by this report (it counts in the period its clocks stop).
 *  4. Figures per row: `responseMetPct` over the row's cases with a response stop,
 *     `resolutionMetPct` over those with a resolution stop, `breachedPct` over all its cases;
 *     percentages and minutes to one decimal; `null` where there is nothing to measure.
 *     Percentiles by the nearest-rank method: of n values sorted ascending, the p-th
 *     percentile is the value at rank ⌈p·n/100⌉ (1-based) — always an observed time, the
 *     median of an even count the lower of the middle two.
 *  5. Rows sorted by level, then priority (P1 first).
 * Pure apart from the reads; the CSV form is `slaReportCsv`.
 */
import { ValidationError } from '../domain/errors.ts';
import { PRIORITIES, type Priority } from '../domain/support-model.ts';

/** The longest period one request may cover (a quarter). */
export const MAX_REPORT_DAYS = 92;

export type TimeFigures = { medianMinutes: number | null; p90Minutes: number | null };

export type SlaReportRow = {
  level: number;
  priority: Priority;
  cases: number;
  /** Cases of the row whose response clock stopped in the period (the response share's base). */
  responses: number;
  /** Cases of the row whose resolution clock stopped in the period (the resolution share's base). */
  resolutions: number;
  responseMetPct: number | null;
  resolutionMetPct: number | null;
  breachedPct: number | null;
  firstResponse: TimeFigures;
  resolution: TimeFigures;
};

export type SlaReport = { from: string; to: string; rows: SlaReportRow[] };

/** The UTC days from `from` to `to`, both included; refuses a reversed or too long period. */
export function reportDays(from: string, to: string): string[] {
  const start = dayStart(from, 'from');
  const end = dayStart(to, 'to');
  if (start > end) throw new ValidationError(`from (${from}) is after to (${to})`, 'from');
  const count = (end - start) / DAY_MS + 1;
  if (count > MAX_REPORT_DAYS)
    throw new ValidationError(
      `The period covers ${count} days; a report covers at most ${MAX_REPORT_DAYS}`,
      'to',
    );
  return Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
}

/** Reads the period's outcomes and computes the report. */
export async function slaReport(
  store: { listSlaOutcomes(day: string): Promise<readonly OutcomeEvent[]> },
  period: { from: string; to: string },
): Promise<SlaReport> {
  const events = await readPeriod(period, (day) => store.listSlaOutcomes(day));
  return { from: period.from, to: period.to, rows: aggregateSlaOutcomes(events) };
}

/**
 * Every event a report's day index holds for the period (both days included), read a few days
 * at a time: each day is one index query (more pages on a busy day).
 */
export async function readPeriod<E>(
  period: { from: string; to: string },
  listDay: (day: string) => Promise<readonly E[]>,
): Promise<E[]> {
  const days = reportDays(period.from, period.to);
  const events: E[] = [];
  for (let i = 0; i < days.length; i += READ_CONCURRENCY) {
    for (const dayEvents of await Promise.all(days.slice(i, i + READ_CONCURRENCY).map(listDay)))
      events.push(...dayEvents);
  }
  return events;
}

/** The fields of an SLA outcome event the report reads (a `CaseEvent` has them all, so any CaseStore serves). */
export type OutcomeEvent = {
  id: string;
  caseId: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
};

type Stop = { at: string; id: string; level: number; priority: Priority; elapsedMs: number; met: boolean };
type CaseOutcome = { response?: Stop; resolution?: Stop; breached: boolean };

/** The report's rows from a period's SLA outcome events, in any order (duplicates count once). */
export function aggregateSlaOutcomes(events: readonly OutcomeEvent[]): SlaReportRow[] {
  const byCase = new Map<string, CaseOutcome>();
  const outcomeOf = (caseId: string) => {
    let outcome = byCase.get(caseId);
    if (!outcome) {
      outcome = { breached: false };
      byCase.set(caseId, outcome);
    }
    return outcome;
  };
  const seen = new Set<string>();
  for (const event of events) {
    const key = `${event.caseId}#${event.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (event.type === 'sla-breached') {
      outcomeOf(event.caseId).breached = true;
      continue;
    }
    if (event.type !== 'clock-stopped') continue;
    // A clock a withdrawal stopped measures no answer and no solution: not in the figures.
    if (event.data.cancelled === true) continue;
    const stop = stopOf(event);
    const clock = event.data.clock;
    if (!stop || (clock !== 'response' && clock !== 'resolution')) continue;
    const outcome = outcomeOf(event.caseId);
    const current = outcome[clock];
    // The first response stop, the last resolution stop.
    if (!current || (clock === 'response' ? before(stop, current) : before(current, stop)))
      outcome[clock] = stop;
  }

  const rows = new Map<string, { level: number; priority: Priority; cases: CaseOutcome[] }>();
  for (const outcome of byCase.values()) {
    const { response, resolution } = outcome;
    const last =
      response && resolution
        ? before(response, resolution)
          ? resolution
          : response
        : (resolution ?? response);
    if (!last) continue;
    const key = `${last.level}#${last.priority}`;
    const row = rows.get(key) ?? { level: last.level, priority: last.priority, cases: [] };
    row.cases.push(outcome);
    rows.set(key, row);
  }

  return [...rows.values()]
    .sort((a, b) => a.level - b.level || PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority))
    .map(({ level, priority, cases }) => {
      const responses = cases.flatMap((c) => (c.response ? [c.response] : []));
      const resolutions = cases.flatMap((c) => (c.resolution ? [c.resolution] : []));
      return {
        level,
        priority,
        cases: cases.length,
        responses: responses.length,
        resolutions: resolutions.length,
        responseMetPct: percent(responses.filter((s) => s.met).length, responses.length),
        resolutionMetPct: percent(resolutions.filter((s) => s.met).length, resolutions.length),
        breachedPct: percent(cases.filter((c) => c.breached).length, cases.length),
        firstResponse: timeFigures(responses.map((s) => s.elapsedMs)),
        resolution: timeFigures(resolutions.map((s) => s.elapsedMs)),
      };
    });
}

/**
 * The nearest-rank percentile: of the values sorted ascending, the one at rank ⌈p·n/100⌉
 * (1-based), for 0 < p ≤ 100; undefined for no values.
 */
export function nearestRank(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  // Integer arithmetic first: 0.9 * 30 is 27.000000000000004 in floating point.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export const SLA_REPORT_CSV_COLUMNS = [
  'level',
  'priority',
  'cases',
  'responses',
  'resolutions',
  'responseMetPct',
  'resolutionMetPct',
  'breachedPct',
  'firstResponseMedianMinutes',
  'firstResponseP90Minutes',
  'resolutionMedianMinutes',
  'resolutionP90Minutes',
] as const;

/**
 * The report as CSV (RFC 4180): a header line, then one line per row, CRLF line ends; a field
 * holding a comma, a quote or a line break is quoted, its quotes doubled; nothing measured is an
 * empty field.
 */
export function slaReportCsv(report: SlaReport): string {
  const lines = [
    [...SLA_REPORT_CSV_COLUMNS],
    ...report.rows.map((r) => [
      r.level,
      r.priority,
      r.cases,
      r.responses,
      r.resolutions,
      r.responseMetPct,
      r.resolutionMetPct,
      r.breachedPct,
      r.firstResponse.medianMinutes,
      r.firstResponse.p90Minutes,
      r.resolution.medianMinutes,
      r.resolution.p90Minutes,
    ]),
  ];
  return csvDocument(lines);
}

/** Lines of fields as one CSV document (RFC 4180: CRLF line ends, fields quoted as needed). */
export function csvDocument(lines: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `${lines.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const DAY_MS = 86_400_000;
const READ_CONCURRENCY = 8;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayStart(day: string, field: string): number {
  const match = DAY.exec(day);
  const at = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== day)
    throw new ValidationError(`${field} must be a day as yyyy-mm-dd`, field);
  return at;
}

function stopOf(event: OutcomeEvent): Stop | undefined {
  const { level, priority, elapsedMs, met } = event.data;
  if (typeof level !== 'number' || typeof elapsedMs !== 'number' || typeof met !== 'boolean')
    return undefined;
  if (!(PRIORITIES as readonly unknown[]).includes(priority)) return undefined;
  return { at: event.at, id: event.id, level, priority: priority as Priority, elapsedMs, met };
}

/** Whether stop `a` happened before `b` (at the same instant, by event id: a fixed order). */
const before = (a: Stop, b: Stop) => a.at < b.at || (a.at === b.at && a.id < b.id);

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

function timeFigures(ms: readonly number[]): TimeFigures {
  const minutes = (p: number) => {
    const value = nearestRank(ms, p);
    return value === undefined ? null : Math.round(value / 6_000) / 10;
  };
  return { medianMinutes: minutes(50), p90Minutes: minutes(90) };
}
