// POST /routing-rules, GET /routing-rules, DELETE /routing-rules/{id} — the routing rules leads
// learn from agents' corrections (shared/use-cases/routing-rules.ts). The classify function
// applies a learned rule to new cases within a minute (learned-classifier.ts).
import { wire } from '../../shared/adapters/wiring.ts';
import { activeDeployment } from '../../shared/config/deployment.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { CreateRoutingRuleBody, RoutingRulePath } from '../../shared/http/report-schemas.ts';
import {
  createRoutingRule,
  deleteRoutingRule,
  listRoutingRules,
} from '../../shared/use-cases/routing-rules.ts';

const spec = FUNCTIONS.routingRules;
const wired = wire(spec);
const deps = {
  rules: wired.routingRules(),
  cases: wired.caseStore(),
  configured: activeDeployment().routingRules,
  clock: wired.clock,
};

export const handler = httpFunction(
  spec,
  {
    'POST /routing-rules': async (request) => {
      const { fromCase, ...rule } = parseBody(request, CreateRoutingRuleBody);
      const by = request.caller.kind === 'agent' ? request.caller.subject : 'unknown';
      const learned = await createRoutingRule(deps, { rule, ...(fromCase ? { fromCase } : {}) }, by);
      return {
        statusCode: 201,
        body: learned,
        headers: { location: `/routing-rules/${encodeURIComponent(learned.rule.id)}` },
      };
    },
    'GET /routing-rules': async () => ({ statusCode: 200, body: await listRoutingRules(deps) }),
    'DELETE /routing-rules/{id}': async (request) => {
      const { id } = RoutingRulePath.parse(request.pathParameters);
      return { statusCode: 200, body: { retired: await deleteRoutingRule(deps, id) } };
    },
  },
  wired.callers(),
);
