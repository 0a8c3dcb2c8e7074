// Reports for the people who answer for the desk's promises: leads and admins, never the
// agents working the cases.
import { agent, type FunctionSpec } from './model.ts';

export const REPORT_FUNCTIONS = {
  slaReport: {
    entry: 'functions/sla-report/handler.ts',
    description:
      'The SLA report of a period: per level and priority, cases, met and breached shares, median and 90th percentile business times (JSON or CSV)',
    trigger: {
      kind: 'http',
      routes: [
        { method: 'GET', path: '/reports/sla', operationId: 'getSlaReport', access: agent('lead', 'admin') },
      ],
    },
    uses: { table: 'read', auth: true },
    // Up to 92 days of outcomes; API Gateway gives an integration at most 30 seconds.
    timeoutSeconds: 29,
  },
} as const satisfies Record<string, FunctionSpec>;
