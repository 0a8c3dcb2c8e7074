// The SLA report's figures from a known history: who counts where, the met and breached shares,
// nearest-rank medians and 90th percentiles, a reopened case's last resolution, an empty period,
// and the CSV form.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/domain/errors.ts';
import {
  aggregateSlaOutcomes,
  csvField,
  nearestRank,
  type OutcomeEvent,
  reportDays,
  slaReport,
  slaReportCsv,
} from '../../shared/use-cases/sla-report.ts';

const MIN = 60_000;
let sequence = 0;

function stopped(
  caseId: string,
  clock: 'response' | 'resolution' | 'vendor',
  at: string,
  figures: { level: number; priority: string; minutes: number; targetMinutes: number },
): OutcomeEvent {
  sequence += 1;
  const elapsedMs = figures.minutes * MIN;
  const targetMs = figures.targetMinutes * MIN;
  return {
    id: `e${String(sequence).padStart(4, '0')}`,
    caseId,
    type: 'clock-stopped',
    at,
    data: {
      clock,
      level: figures.level,
      priority: figures.priority,
      elapsedMs,
      targetMs,
      met: elapsedMs <= targetMs,
    },
  };
}

function threshold(
  type: 'sla-warning' | 'sla-breached',
  caseId: string,
  clock: string,
  at: string,
  level = 1,
  priority = 'P3',
): OutcomeEvent {
  sequence += 1;
  return {
    id: `e${String(sequence).padStart(4, '0')}`,
    caseId,
    type,
    at,
    data: { clock, level, priority, targetMs: 30 * MIN, elapsedMs: 30 * MIN, dueAt: at },
  };
}

const P3 = { level: 1, priority: 'P3' } as const;
const response = (minutes: number) => ({ ...P3, minutes, targetMinutes: 30 });
const resolution = (minutes: number) => ({ ...P3, minutes, targetMinutes: 480 });

/** Ten level-1 P3 cases with responses of 5..50 minutes and resolutions of 60..600 minutes. */
function tenCases(): OutcomeEvent[] {
  return Array.from({ length: 10 }, (_, i) => {
    const id = `case-${i + 1}`;
    return [
      stopped(
        id,
        'response',
        `2026-03-02T09:${String(10 + i).padStart(2, '0')}:00.000Z`,
        response(5 * (i + 1)),
      ),
      stopped(
        id,
        'resolution',
        `2026-03-02T15:${String(10 + i).padStart(2, '0')}:00.000Z`,
        resolution(60 * (i + 1)),
      ),
    ];
  }).flat();
}

describe('nearest-rank percentiles', () => {
  it('takes the value at rank ⌈p·n/100⌉ of the sorted values', () => {
    const values = [50, 10, 40, 20, 30];
    expect(nearestRank(values, 50)).toBe(30);
    expect(nearestRank(values, 90)).toBe(50);
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([7], 90)).toBe(7);
    // An even count: the lower of the middle two.
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([], 50)).toBeUndefined();
    // 0.9 · 30 is 27.000000000000004 in floating point: rank 27, not 28.
    expect(
      nearestRank(
        Array.from({ length: 30 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(27);
  });
});

describe('the SLA report aggregation', () => {
  it('computes shares, medians and 90th percentiles of a known period', () => {
    const events = [
      ...tenCases(),
      // Two of the ten breached: case-7 (response over 30 minutes) and case-10.
      threshold('sla-breached', 'case-7', 'response', '2026-03-02T09:46:00.000Z'),
      threshold('sla-breached', 'case-10', 'resolution', '2026-03-02T17:00:00.000Z'),
      threshold('sla-breached', 'case-10', 'response', '2026-03-02T09:50:00.000Z'),
      // A warning is no breach.
      threshold('sla-warning', 'case-1', 'resolution', '2026-03-02T12:00:00.000Z'),
    ];
    const [row, ...others] = aggregateSlaOutcomes(events);
    expect(others).toEqual([]);
    expect(row).toEqual({
      level: 1,
      priority: 'P3',
      cases: 10,
      responses: 10,
      resolutions: 10,
      // Responses of 5..50 minutes against 30: six met (5..30).
      responseMetPct: 60,
      // Resolutions of 60..600 minutes against 480: eight met.
      resolutionMetPct: 80,
      breachedPct: 20,
      // Ranks ⌈0.5·10⌉ = 5 and ⌈0.9·10⌉ = 9.
      firstResponse: { medianMinutes: 25, p90Minutes: 45 },
      resolution: { medianMinutes: 300, p90Minutes: 540 },
    });
  });

  it("counts a reopened case's last resolution, which includes the time before the reopen", () => {
    const events = [
      stopped('reopened', 'response', '2026-03-02T09:10:00.000Z', response(10)),
      stopped('reopened', 'resolution', '2026-03-02T11:00:00.000Z', resolution(100)),
      // Reopened, resolved again: the clock resumed from 100 minutes.
      stopped('reopened', 'resolution', '2026-03-03T10:00:00.000Z', resolution(500)),
      stopped('once', 'response', '2026-03-02T09:00:00.000Z', response(20)),
      stopped('once', 'resolution', '2026-03-02T12:00:00.000Z', resolution(200)),
    ];
    // In any order, and a duplicated event counts once.
    const rows = aggregateSlaOutcomes([...events].reverse().concat(events[2] as OutcomeEvent));
    expect(rows).toEqual([
      expect.objectContaining({
        cases: 2,
        resolutions: 2,
        resolutionMetPct: 50,
        responseMetPct: 100,
        firstResponse: { medianMinutes: 10, p90Minutes: 20 },
        resolution: { medianMinutes: 200, p90Minutes: 500 },
      }),
    ]);
  });

  it('leaves out the clocks a withdrawal stopped: they measure no answer and no solution', () => {
    const withdrawn = (clock: 'response' | 'resolution') => {
      const event = stopped('withdrawn', clock, '2026-03-02T09:05:00.000Z', response(5));
      return { ...event, data: { ...event.data, cancelled: true } };
    };
    const rows = aggregateSlaOutcomes([
      withdrawn('response'),
      withdrawn('resolution'),
      stopped('answered', 'response', '2026-03-02T10:00:00.000Z', response(40)),
    ]);
    expect(rows).toEqual([expect.objectContaining({ cases: 1, responses: 1, responseMetPct: 0 })]);
  });

  it('puts each case once in the row of its last stopped clock, sorted by level then priority', () => {
    const rows = aggregateSlaOutcomes([
      // Answered by the desk at P3, resolved by the experts after going up to P2.
      stopped('escalated', 'response', '2026-03-02T09:00:00.000Z', response(12)),
      stopped('escalated', 'resolution', '2026-03-02T16:00:00.000Z', {
        level: 3,
        priority: 'P2',
        minutes: 400,
        targetMinutes: 240,
      }),
      threshold('sla-breached', 'escalated', 'resolution', '2026-03-02T14:00:00.000Z', 3, 'P2'),
      // Answered, not resolved in the period.
      stopped('open', 'response', '2026-03-02T10:00:00.000Z', { ...P3, minutes: 45, targetMinutes: 30 }),
      stopped('urgent', 'response', '2026-03-02T10:00:00.000Z', {
        level: 1,
        priority: 'P1',
        minutes: 3,
        targetMinutes: 15,
      }),
      // Outcomes of cases this period does not measure: a breach alone, the vendor's clock.
      threshold('sla-breached', 'late', 'response', '2026-03-02T10:00:00.000Z'),
      stopped('vendor', 'vendor', '2026-03-02T10:00:00.000Z', {
        ...P3,
        level: 4,
        minutes: 1,
        targetMinutes: 2,
      }),
    ]);
    expect(rows.map((r) => [r.level, r.priority, r.cases])).toEqual([
      [1, 'P1', 1],
      [1, 'P3', 1],
      [3, 'P2', 1],
    ]);
    const [, open, escalated] = rows;
    expect(open).toMatchObject({
      responses: 1,
      resolutions: 0,
      responseMetPct: 0,
      resolutionMetPct: null,
      breachedPct: 0,
      firstResponse: { medianMinutes: 45, p90Minutes: 45 },
      resolution: { medianMinutes: null, p90Minutes: null },
    });
    expect(escalated).toMatchObject({
      responseMetPct: 100,
      resolutionMetPct: 0,
      breachedPct: 100,
      firstResponse: { medianMinutes: 12, p90Minutes: 12 },
      resolution: { medianMinutes: 400, p90Minutes: 400 },
    });
  });

  it('rounds shares and minutes to one decimal', () => {
    const rows = aggregateSlaOutcomes([
      stopped('a', 'response', '2026-03-02T09:00:00.000Z', response(1.55)),
      stopped('b', 'response', '2026-03-02T09:00:00.000Z', response(40)),
      stopped('c', 'response', '2026-03-02T09:00:00.000Z', response(50)),
    ]);
    expect(rows[0]).toMatchObject({
      responseMetPct: 33.3,
      firstResponse: { medianMinutes: 40, p90Minutes: 50 },
    });
    expect(
      aggregateSlaOutcomes([stopped('a', 'response', '2026-03-02T09:00:00.000Z', response(1.55))])[0],
    ).toMatchObject({ firstResponse: { medianMinutes: 1.6 } });
  });

  it('reports an empty period as no rows', async () => {
    expect(aggregateSlaOutcomes([])).toEqual([]);
    const read: string[] = [];
    const report = await slaReport(
      {
        listSlaOutcomes: async (day) => {
          read.push(day);
          return [];
        },
      },
      { from: '2026-02-27', to: '2026-03-01' },
    );
    expect(report).toEqual({ from: '2026-02-27', to: '2026-03-01', rows: [] });
    expect(read.sort()).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(slaReportCsv(report)).toBe(
      'level,priority,cases,responses,resolutions,responseMetPct,resolutionMetPct,breachedPct,firstResponseMedianMinutes,firstResponseP90Minutes,resolutionMedianMinutes,resolutionP90Minutes\r\n',
    );
  });

  it('reads every day of the period, and refuses a reversed, too long or malformed one', async () => {
    expect(reportDays('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(reportDays('2026-01-01', '2026-04-02')).toHaveLength(92);
    expect(() => reportDays('2026-01-01', '2026-04-03')).toThrow(ValidationError);
    expect(() => reportDays('2026-03-02', '2026-03-01')).toThrow(ValidationError);
    expect(() => reportDays('2026-02-30', '2026-03-01')).toThrow(ValidationError);
    expect(() => reportDays('0050-01-01', '0050-01-02')).toThrow(ValidationError);
    const report = await slaReport(
      { listSlaOutcomes: async (day) => (day === '2026-03-02' ? tenCases() : []) },
      { from: '2026-03-01', to: '2026-03-03' },
    );
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]?.cases).toBe(10);
  });
});

describe('the SLA report as CSV', () => {
  it('writes a header line and one CRLF-terminated line per row, nothing measured as empty', () => {
    const csv = slaReportCsv({
      from: '2026-03-02',
      to: '2026-03-02',
      rows: aggregateSlaOutcomes([stopped('x', 'response', '2026-03-02T09:00:00.000Z', response(10))]),
    });
    expect(csv.split('\r\n')).toEqual([
      'level,priority,cases,responses,resolutions,responseMetPct,resolutionMetPct,breachedPct,firstResponseMedianMinutes,firstResponseP90Minutes,resolutionMedianMinutes,resolutionP90Minutes',
      '1,P3,1,1,0,100,,0,10,10,,',
      '',
    ]);
  });

  it('quotes fields as RFC 4180 asks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(null)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });
});
