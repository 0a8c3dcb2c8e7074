// Request and response schemas of the reports, each with an example request for the OpenAPI
// document. api-schemas.ts merges them into ROUTE_SCHEMAS.
import { z } from 'zod';
import { PRIORITIES } from '../domain/support-model.ts';
import { MAX_REPORT_DAYS } from '../use-cases/sla-report.ts';
import { ErrorBodySchema } from './api-error.ts';
import type { RouteSchemas } from './api-schemas.ts';

const Day = (what: string) => z.iso.date().describe(`${what} (yyyy-mm-dd, UTC), included`);

export const SlaReportQuery = z.object({
  from: Day('The first day of the period'),
  to: Day(`The last day of the period: at most ${MAX_REPORT_DAYS} days after from, and not before it`),
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .describe(
      'csv: text/csv (RFC 4180), a header line and one line per row, empty where nothing was measured',
    ),
});

const TimeFigures = z.object({
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable().describe('The 90th percentile, by the nearest-rank method'),
});
export const SlaReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      level: z.number(),
      priority: z.enum(PRIORITIES),
      cases: z.number().describe('Cases whose response or resolution clock stopped in the period'),
      responses: z.number().describe('Of them, with a first response in the period'),
      resolutions: z
        .number()
        .describe('Of them, resolved in the period (a reopened case: its last resolution)'),
      responseMetPct: z.number().nullable(),
      resolutionMetPct: z.number().nullable(),
      breachedPct: z.number().nullable().describe('Cases with an SLA breach recorded in the period'),
      firstResponse: TimeFigures.describe('Business time to the first response'),
      resolution: TimeFigures.describe('Business time to resolution'),
    }),
  ),
});

export const REPORT_ROUTE_SCHEMAS: Record<string, RouteSchemas> = {
  'GET /reports/sla': {
    summary: `Leads and admins: the SLA report of a period of at most ${MAX_REPORT_DAYS} UTC days, from the clocks' recorded outcomes. Per level and priority (each case once, where its last clock of the period stopped): cases, met and breached shares, median and 90th percentile business minutes to first response and to resolution. format=csv answers the same rows as text/csv.`,
    query: SlaReportQuery,
    responses: { 200: SlaReportSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    example: { query: { from: '2026-01-01', to: '2026-03-31', format: 'json' } },
  },
};
