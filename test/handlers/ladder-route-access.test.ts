// Who may work a case on the ladder. test/handlers/route-access.test.ts already walks every
// declared route with no credential (401), forged and flawed JWTs, another case's token (403)
// and a token without an agent role. What it cannot see is the case's level: an agent works the
// cases of their own levels (the ticket desk, level 1, and admins own every case), and a customer
// holding their own case's token is still no agent. That is walked here, route by route.
import { describe, expect, it } from 'vitest';
import { call, eventually, local, newCaseBody } from '../support/http.ts';

/** The ladder's routes and who the declaration lets call them. */
const LADDER_ROUTES = {
  'POST /phone-cases': 'agent',
  'GET /queues/{level}': 'agent',
  'POST /cases/{id}/assignment': 'agent',
  'POST /cases/{id}/notes': 'agent',
  'POST /cases/{id}/replies': 'agent',
  'POST /cases/{id}/escalations': 'agent',
  'POST /cases/{id}/resolution': 'agent',
  'POST /cases/{id}/closure': 'agent',
  'POST /cases/{id}/reopening': 'agent',
  'PUT /cases/{id}/defect': 'agent',
  'POST /cases/{id}/information': 'customer',
  'POST /cases/{id}/resolution-answer': 'customer',
  'POST /cases/{id}/vendor-consent': 'customer-or-agent',
  'POST /cases/{id}/cancellation': 'customer-or-agent',
  'GET /cases/{id}/callback-slots': 'customer-or-agent',
  'PUT /cases/{id}/callback': 'customer-or-agent',
  'POST /cases/{id}/callback-outcome': 'agent',
  'GET /cases/{id}/history': 'customer-or-agent',
} as const;
type RouteKey = keyof typeof LADDER_ROUTES;

const ROUTES = Object.keys(LADDER_ROUTES) as RouteKey[];
const CASE_ROUTES = ROUTES.filter((r) => r.includes('{id}'));
const AGENT_CASE_ROUTES = CASE_ROUTES.filter((r) => LADDER_ROUTES[r] !== 'customer');
const AGENT_ONLY_ROUTES = ROUTES.filter((r) => LADDER_ROUTES[r] === 'agent');
const CUSTOMER_ONLY_ROUTES = ROUTES.filter((r) => LADDER_ROUTES[r] === 'customer');

/** Calls a route on a case; a body that would pass no schema, so nothing can change by it. */
function callRoute(route: RouteKey, caseId: string, token: string, level = '2') {
  const [method = 'GET', path = ''] = route.split(' ');
  return call(method, path.replace('{id}', caseId).replace('{level}', level), {
    token,
    ...(method === 'GET' ? {} : { body: { notAField: true } }),
  });
}

async function classifiedAtLevel2() {
  const created = await call('POST', '/cases', { body: newCaseBody() });
  expect(created.status).toBe(201);
  const id: string = created.json.id;
  await eventually(
    async () => {
      const read = await call('GET', `/cases/${id}`, { token: local().agentTokens.admin });
      return read.json?.classification ? true : undefined;
    },
    20_000,
    'classification',
  );
  const read = await call('GET', `/cases/${id}`, { token: local().agentTokens.admin });
  expect(read.json.classification.level).toBe(2);
  return { id, token: created.json.accessToken as string };
}

describe('ladder routes: the case’s level and the caller’s kind decide', async () => {
  const { agentTokens, routes } = local();
  const atTwo = await classifiedAtLevel2();
  const atThree = await classifiedAtLevel2();
  const escalated = await call('POST', `/cases/${atThree.id}/escalations`, {
    token: agentTokens.admin,
    body: { level: 3, reason: 'Needs the experts' },
  });
  expect(escalated.status).toBe(200);
  expect(escalated.json.classification.level).toBe(3);

  it('declares every ladder route with the access the ladder needs', () => {
    for (const route of ROUTES) {
      const declared = routes.find((r) => `${r.method} ${r.path}` === route);
      expect(declared, route).toBeDefined();
      expect(declared?.access.kind, route).toBe(LADDER_ROUTES[route]);
    }
  });

  it.each(
    AGENT_CASE_ROUTES.flatMap((route) => [
      [route, 'level 2', 'level3'] as const,
      [route, 'level 2', 'level4'] as const,
      [route, 'level 3', 'level2'] as const,
      [route, 'level 3', 'level4'] as const,
    ]),
  )('%s refuses a case at %s to an agent of %s (403)', async (route, caseLevel, agent) => {
    const c = caseLevel === 'level 2' ? atTwo : atThree;
    const answer = await callRoute(route, c.id, agentTokens[agent]);
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('forbidden');
  });

  it('GET /queues/{level} refuses a level outside the agent’s own (403)', async () => {
    for (const [level, agent] of [
      ['2', 'level3'],
      ['4', 'level2'],
      ['1', 'level4'],
    ] as const) {
      const answer = await call('GET', `/queues/${level}`, { token: agentTokens[agent] });
      expect(answer.status, `${agent} on /queues/${level}`).toBe(403);
      expect(answer.json.error.code).toBe('forbidden');
    }
  });

  it.each(AGENT_ONLY_ROUTES)('%s refuses the customer’s own case token (403)', async (route) => {
    const answer = await callRoute(route, atTwo.id, atTwo.token);
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('forbidden');
  });

  it.each(CUSTOMER_ONLY_ROUTES)(
    '%s refuses a valid agent token, even the ticket desk’s (403)',
    async (route) => {
      for (const agent of ['level1', 'level2', 'admin'] as const) {
        const answer = await callRoute(route, atTwo.id, agentTokens[agent]);
        expect(answer.status, agent).toBe(403);
      }
    },
  );

  it.each(AGENT_CASE_ROUTES)(
    '%s lets the case’s own level, the ticket desk and admins past the access check',
    async (route) => {
      // The body fits no schema: getting past the check means a 400 (or 409 for an action the
      // status forbids, 200 for a read), never 401 or 403.
      for (const [c, agent] of [
        [atTwo, 'level2'],
        [atTwo, 'level1'],
        [atThree, 'level3'],
        [atThree, 'level1'],
        [atThree, 'admin'],
      ] as const) {
        const answer = await callRoute(route, c.id, agentTokens[agent]);
        expect([200, 400, 409], `${agent}: ${answer.text}`).toContain(answer.status);
      }
    },
  );
});
