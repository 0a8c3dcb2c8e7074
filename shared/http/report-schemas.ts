// Request and response schemas of the reports, each with an example request for the OpenAPI
// document. api-schemas.ts merges them into ROUTE_SCHEMAS.
import { z } from 'zod';
import { RoutingRuleSchema } from '../domain/classification/routing-rules.ts';
import { PRIORITIES } from '../domain/support-model.ts';
import { CORRECTED_FIELDS, EXAMPLE_CASES, NO_EVIDENCE } from '../use-cases/correction-report.ts';
import { MAX_REPORT_DAYS } from '../use-cases/sla-report.ts';
import { ErrorBodySchema } from './api-error.ts';
import type { RouteSchemas } from './api-schemas.ts';
import { CaseId } from './ids.ts';

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

export const CorrectionReportQuery = z.object({
  from: SlaReportQuery.shape.from,
  to: SlaReportQuery.shape.to,
  format: z
    .enum(['json', 'csv'])
    .default('json')
    .describe(
      'csv: text/csv (RFC 4180), a header line and one line per language and rule; words and cases separated by spaces, changes by "; "',
    ),
});

export const CorrectionReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  corrections: z.number().describe('Classification corrections recorded in the period'),
  languages: z.array(
    z.object({
      language: z.string().describe('The language of the corrected cases'),
      corrections: z.number(),
      rules: z.array(
        z.object({
          rule: z
            .string()
            .describe(
              `A built-in signal (printer), a routing rule (rule:<id>), or ${NO_EVIDENCE} for verdicts that recorded no evidence`,
            ),
          corrections: z.number().describe('Corrections of verdicts this signal or rule led to'),
          words: z.array(z.string()).describe("The customers' words that matched it, most frequent first"),
          changes: z
            .array(
              z.object({
                field: z.enum(CORRECTED_FIELDS),
                from: z.string(),
                to: z.string(),
                count: z.number(),
              }),
            )
            .describe('What agents corrected: field from → to, most frequent first'),
          cases: z.array(z.string()).describe(`Up to ${EXAMPLE_CASES} example case references`),
        }),
      ),
    }),
  ),
});

export const CreateRoutingRuleBody = RoutingRuleSchema.safeExtend({
  fromCase: CaseId.optional().describe('The case whose correction the rule was learned from (recorded)'),
});

const LearnedRuleSchema = z.object({
  rule: RoutingRuleSchema,
  createdAt: z.string(),
  createdBy: z.string(),
  fromCase: z.string().optional(),
});

export const RoutingRulePath = z.object({ id: z.string().min(1).max(63) });

export const RoutingRuleListSchema = z.object({
  configured: z.object({ rules: z.array(RoutingRuleSchema) }).describe("The deployment's routing-rules.json"),
  learned: z
    .object({ rules: z.array(RoutingRuleSchema) })
    .describe(
      'The learned rules in the format of routing-rules.json: paste them into the configuration folder',
    ),
  provenance: z
    .array(
      z.object({
        id: z.string(),
        createdAt: z.string(),
        createdBy: z.string(),
        fromCase: z.string().optional(),
      }),
    )
    .describe('Who added each learned rule, when, and from which case'),
});

const EXAMPLE_RULE = {
  id: 'ledger-export',
  reason: 'Ledger exports are run by the finance integration team',
  match: { any: ['Acme Ledger'], en: ['export file'], de: ['Exportdatei'] },
  category: 'service',
  level: 3,
};

export const REPORT_ROUTE_SCHEMAS: Record<string, RouteSchemas> = {
  'GET /reports/corrections': {
    summary: `Leads and admins: what agents corrected in a period of at most ${MAX_REPORT_DAYS} UTC days, from the recorded reclassifications. Per language, the built-in signals and routing rules whose verdicts were corrected, most corrected first: how many corrections, the words that matched, what was corrected (field from → to) and example cases. format=csv answers the same rows as text/csv.`,
    query: CorrectionReportQuery,
    responses: {
      200: CorrectionReportSchema,
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
    },
    example: { query: { from: '2026-01-01', to: '2026-01-31', format: 'json' } },
  },
  'POST /routing-rules': {
    summary:
      "Leads and admins: add a routing rule learned from corrections (the format of routing-rules.json's rules; fromCase records the case it came from). The classify function applies it to new cases within a minute. 409 when a learned or configured rule has its id.",
    body: CreateRoutingRuleBody,
    example: { body: { ...EXAMPLE_RULE, fromCase: '01JQ3ZV9W8S0M5D7K3R2T6Y4XA' } },
    responses: {
      201: LearnedRuleSchema,
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      409: ErrorBodySchema,
    },
  },
  'GET /routing-rules': {
    summary:
      "Leads and admins: the deployment's configured routing rules and the learned ones, these in routing-rules.json's format, with who added them",
    responses: { 200: RoutingRuleListSchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
  },
  'DELETE /routing-rules/{id}': {
    summary:
      'Leads and admins: retire a learned routing rule (new cases no longer follow it within a minute); answers the rule retired. A configured rule is retired by editing routing-rules.json (409).',
    path: RoutingRulePath,
    responses: {
      200: z.object({ retired: LearnedRuleSchema }),
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
      409: ErrorBodySchema,
    },
  },
  'GET /reports/sla': {
    summary: `Leads and admins: the SLA report of a period of at most ${MAX_REPORT_DAYS} UTC days, from the clocks' recorded outcomes. Per level and priority (each case once, where its last clock of the period stopped): cases, met and breached shares, median and 90th percentile business minutes to first response and to resolution. format=csv answers the same rows as text/csv.`,
    query: SlaReportQuery,
    responses: { 200: SlaReportSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
    example: { query: { from: '2026-01-01', to: '2026-03-31', format: 'json' } },
  },
};
