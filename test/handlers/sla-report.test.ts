// GET /reports/sla through the local API: SLA outcomes written straight into the table for days
// far in the future (no other test records anything there), then the report of those days as
// JSON and as CSV, for a lead or admin only.
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import type { CaseEvent } from '../../shared/domain/case-history.ts';
import { call, local } from '../support/http.ts';

const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
const MIN = 60_000;

// Made-up case ids of their own; fixed event ids, so writing them again changes nothing.
const CASE = {
  quick: 'SLAREPORT0000000000000QUICK',
  slow: 'SLAREPORT00000000000000SLOW',
  reopened: 'SLAREPORT0000000000REOPENED',
  urgent: 'SLAREPORT00000000000URGENT1',
};

function outcome(
  caseId: string,
  n: number,
  type: 'clock-stopped' | 'sla-breached' | 'sla-warning',
  at: string,
  data: { clock: string; level: number; priority: string; minutes: number; targetMinutes: number },
): CaseEvent {
  const elapsedMs = data.minutes * MIN;
  const targetMs = data.targetMinutes * MIN;
  return {
    id: `sla-report-${n}`,
    caseId,
    type,
    at,
    actor: { kind: 'system', id: 'sla-report-test' },
    visibility: 'internal',
    data:
      type === 'clock-stopped'
        ? {
            clock: data.clock,
            level: data.level,
            priority: data.priority,
            elapsedMs,
            targetMs,
            met: elapsedMs <= targetMs,
          }
        : { clock: data.clock, level: data.level, priority: data.priority, elapsedMs, targetMs, dueAt: at },
  };
}

const P3 = { level: 1, priority: 'P3' };
const respond = (minutes: number) => ({ ...P3, clock: 'response', minutes, targetMinutes: 30 });
const resolve = (minutes: number) => ({ ...P3, clock: 'resolution', minutes, targetMinutes: 480 });
const P1 = { level: 2, priority: 'P1' };

const HISTORY: Array<[string, CaseEvent[]]> = [
  [
    CASE.quick,
    [
      outcome(CASE.quick, 1, 'clock-stopped', '2091-03-01T09:10:00.000Z', respond(10)),
      outcome(CASE.quick, 2, 'clock-stopped', '2091-03-01T11:00:00.000Z', resolve(120)),
    ],
  ],
  [
    CASE.slow,
    [
      outcome(CASE.slow, 1, 'sla-warning', '2091-03-01T09:22:00.000Z', respond(23)),
      outcome(CASE.slow, 2, 'sla-breached', '2091-03-01T09:30:00.000Z', respond(30)),
      outcome(CASE.slow, 3, 'clock-stopped', '2091-03-01T09:40:00.000Z', respond(40)),
      outcome(CASE.slow, 4, 'clock-stopped', '2091-03-01T14:00:00.000Z', resolve(300)),
    ],
  ],
  [
    CASE.reopened,
    [
      outcome(CASE.reopened, 1, 'clock-stopped', '2091-03-01T09:20:00.000Z', respond(20)),
      outcome(CASE.reopened, 2, 'clock-stopped', '2091-03-01T10:40:00.000Z', resolve(100)),
      // Reopened, and resolved again the next day: the clock resumed from 100 minutes.
      outcome(CASE.reopened, 3, 'clock-stopped', '2091-03-02T10:00:00.000Z', resolve(500)),
      outcome(CASE.reopened, 4, 'sla-breached', '2091-03-02T09:00:00.000Z', resolve(480)),
    ],
  ],
  [
    CASE.urgent,
    [
      outcome(CASE.urgent, 1, 'clock-stopped', '2091-03-01T08:05:00.000Z', {
        ...P1,
        clock: 'response',
        minutes: 5,
        targetMinutes: 15,
      }),
    ],
  ],
];

beforeAll(async () => {
  for (const [caseId, events] of HISTORY) await store.appendEvents(events, { caseId });
});

const report = (query: string, token = local().agentTokens.admin) =>
  call('GET', `/reports/sla?${query}`, { token });

describe('the SLA report over HTTP', () => {
  it('reports a known day per level and priority, a reopened case by its resolution that day', async () => {
    const answer = await report('from=2091-03-01&to=2091-03-01');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toEqual({
      from: '2091-03-01',
      to: '2091-03-01',
      rows: [
        {
          level: 1,
          priority: 'P3',
          cases: 3,
          responses: 3,
          resolutions: 3,
          // Responses 10, 20, 40 minutes against 30.
          responseMetPct: 66.7,
          resolutionMetPct: 100,
          breachedPct: 33.3,
          firstResponse: { medianMinutes: 20, p90Minutes: 40 },
          // Resolutions 100 (the reopened case, as of this day), 120, 300.
          resolution: { medianMinutes: 120, p90Minutes: 300 },
        },
        {
          level: 2,
          priority: 'P1',
          cases: 1,
          responses: 1,
          resolutions: 0,
          responseMetPct: 100,
          resolutionMetPct: null,
          breachedPct: 0,
          firstResponse: { medianMinutes: 5, p90Minutes: 5 },
          resolution: { medianMinutes: null, p90Minutes: null },
        },
      ],
    });
  });

  it('counts a case resolved, reopened and resolved again by its last resolution of the period', async () => {
    const answer = await report('from=2091-03-01&to=2091-03-02&format=json');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.rows[0]).toMatchObject({
      level: 1,
      priority: 'P3',
      cases: 3,
      resolutionMetPct: 66.7,
      breachedPct: 66.7,
      // Resolutions 120, 300, 500: the second of three is the median.
      resolution: { medianMinutes: 300, p90Minutes: 500 },
    });
  });

  it('answers the same rows as CSV', async () => {
    const answer = await report('from=2091-03-01&to=2091-03-02&format=csv');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="sla-report-2091-03-01-2091-03-02.csv"',
    );
    expect(answer.text.split('\r\n')).toEqual([
      'level,priority,cases,responses,resolutions,responseMetPct,resolutionMetPct,breachedPct,firstResponseMedianMinutes,firstResponseP90Minutes,resolutionMedianMinutes,resolutionP90Minutes',
      '1,P3,3,3,3,66.7,66.7,66.7,20,40,300,500',
      '2,P1,1,1,0,100,,0,5,5,,',
      '',
    ]);
  });

  it('answers an empty period with no rows', async () => {
    const answer = await report('from=2091-04-01&to=2091-04-30');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toEqual({ from: '2091-04-01', to: '2091-04-30', rows: [] });
  });

  it('is for leads and admins: an agent without the role is refused (403)', async () => {
    const { agentTokens } = local();
    const answer = await report('from=2091-03-01&to=2091-03-01', agentTokens.level1);
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('forbidden');
    expect((await call('GET', '/reports/sla?from=2091-03-01&to=2091-03-01')).status).toBe(401);
  });

  it.each([
    ['no period', ''],
    ['a malformed day', 'from=2091-3-1&to=2091-03-01'],
    ['a day that does not exist', 'from=2091-02-29&to=2091-03-01'],
    ['from after to', 'from=2091-03-02&to=2091-03-01'],
    ['more than 92 days', 'from=2091-01-01&to=2091-04-03'],
    ['an unknown format', 'from=2091-03-01&to=2091-03-01&format=xml'],
  ])('refuses %s (400, JSON)', async (_what, query) => {
    const answer = await report(query);
    expect(answer.status, answer.text).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json.error.code).toBe('validation_failed');
  });
});
