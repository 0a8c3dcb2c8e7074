// Reports for the people who answer for the desk's promises, and the routing rules they learn
// from them: leads and admins, never the agents working the cases.
import { agent, type FunctionSpec } from './model.ts';
import { ROUTING_RULES_PARTITION } from './resources.ts';

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
    // Queries the day index of SLA outcomes only (SLA#<day> on gsi1): no case, no Scan.
    uses: { table: { query: 'indexes' }, auth: true },
    // Up to 92 days of outcomes; API Gateway gives an integration at most 30 seconds.
    timeoutSeconds: 29,
  },
  correctionReport: {
    entry: 'functions/correction-report/handler.ts',
    description:
      'The correction report of a period: per language, the signals and routing rules whose verdicts agents corrected, the words that matched and what was corrected (JSON or CSV)',
    trigger: {
      kind: 'http',
      routes: [
        {
          method: 'GET',
          path: '/reports/corrections',
          operationId: 'getCorrectionReport',
          access: agent('lead', 'admin'),
        },
      ],
    },
    // Queries the day index of corrections only (CORRECTIONS#<day> on gsi1): no case, no Scan.
    uses: { table: { query: 'indexes' }, auth: true },
    timeoutSeconds: 29,
  },
  routingRules: {
    entry: 'functions/routing-rules/handler.ts',
    description:
      'Routing rules learned from corrections: a lead adds one (effective within a minute), lists the configured and learned rules, retires a learned one',
    trigger: {
      kind: 'http',
      routes: [
        {
          method: 'POST',
          path: '/routing-rules',
          operationId: 'createRoutingRule',
          access: agent('lead', 'admin'),
        },
        {
          method: 'GET',
          path: '/routing-rules',
          operationId: 'listRoutingRules',
          access: agent('lead', 'admin'),
        },
        {
          method: 'DELETE',
          path: '/routing-rules/{id}',
          operationId: 'deleteRoutingRule',
          access: agent('lead', 'admin'),
        },
      ],
    },
    // Queries and writes (conditional PutItem, DeleteItem) the learned rules' partition only;
    // reads a case (GetItem) when a rule names the one it came from. The adapter's keys
    // (table-keys.ts) take the partition from here.
    uses: { table: { read: 'items', writePartitions: [ROUTING_RULES_PARTITION] }, auth: true },
  },
} as const satisfies Record<string, FunctionSpec>;
