// Walks every route the declaration lists and proves that a call without the right
// credential is refused — so a route can never be opened by forgetting a check.
import { describe, expect, it } from 'vitest';
import { call, eventually, local, newCaseBody } from '../support/http.ts';

const samplePath = (path: string, caseId: string) => path.replace('{id}', caseId).replace('{level}', '3');

describe('who may call what', async () => {
  const { routes, agentTokens, flawedTokens } = local();
  const created = await call('POST', '/cases', { body: newCaseBody() });
  const other = await call('POST', '/cases', { body: newCaseBody() });
  const caseId: string = created.json.id;
  await eventually(
    async () => {
      const read = await call('GET', `/cases/${caseId}`, { token: created.json.accessToken });
      return read.json?.classification ? true : undefined;
    },
    20_000,
    'classification',
  );

  const guarded = routes.filter((r) => r.access.kind !== 'public');

  it('declares an access rule for every route, and some routes are guarded', () => {
    expect(routes.length).toBeGreaterThan(5);
    for (const r of routes)
      expect(['public', 'customer', 'agent', 'customer-or-agent']).toContain(r.access.kind);
    expect(guarded.length).toBeGreaterThanOrEqual(4);
  });

  it.each(guarded.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s refuses a call without credentials (401)',
    async (_name, route) => {
      const answer = await call(route.method, samplePath(route.path, caseId), {
        body: route.method === 'GET' ? undefined : {},
      });
      expect(answer.status).toBe(401);
      expect(answer.json.error.code).toBe('unauthenticated');
    },
  );

  it.each(guarded.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s refuses a forged or foreign credential (401/403)',
    async (_name, route) => {
      const path = samplePath(route.path, caseId);
      const body = route.method === 'GET' ? undefined : {};
      const forgedJwt = `${agentTokens.admin.split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`;
      const forged = await call(route.method, path, { body, token: forgedJwt });
      // A customer-only route refuses any JWT before verifying it; the others find the
      // signature wrong.
      expect(forged.status).toBe(route.access.kind === 'customer' ? 403 : 401);
      // The access token of another case.
      const foreign = await call(route.method, path, { body, token: other.json.accessToken });
      expect(foreign.status).toBe(403);
    },
  );

  const agentRoutes = guarded.filter(
    (r) => r.access.kind === 'agent' || r.access.kind === 'customer-or-agent',
  );
  const flawed = Object.entries(flawedTokens);
  it.each(
    agentRoutes.flatMap((r) =>
      flawed.map(([flaw, token]) => [`${r.method} ${r.path}`, flaw, r, token] as const),
    ),
  )('%s refuses a correctly signed token %s (401)', async (_name, _flaw, route, token) => {
    const answer = await call(route.method, samplePath(route.path, caseId), {
      body: route.method === 'GET' ? undefined : {},
      token,
    });
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('unauthenticated');
  });

  it('agent routes refuse a valid token that carries no agent role (403)', async () => {
    const noRole = agentTokens.levelsOnly;
    for (const route of agentRoutes) {
      const answer = await call(route.method, samplePath(route.path, caseId), {
        body: route.method === 'GET' ? undefined : {},
        token: noRole,
      });
      expect(answer.status).toBe(403);
      expect(answer.json.error.code).toBe('forbidden');
    }
  });

  it('self-help: the case page and the articles are public, asking for a person is the customer’s alone', () => {
    const access = (key: string) => routes.find((r) => `${r.method} ${r.path}` === key)?.access.kind;
    expect(access('GET /portal/cases/{id}')).toBe('public');
    expect(access('GET /kb/articles/{id}')).toBe('public');
    expect(access('POST /cases/{id}/escalation')).toBe('customer');
  });

  it('agent routes refuse customer tokens, and agents outside the level', async () => {
    const queue = await call('GET', '/queues/3', { token: created.json.accessToken });
    expect(queue.status).toBe(403);
    const wrongLevel = await call('GET', '/queues/3', { token: agentTokens.level2 });
    expect(wrongLevel.status).toBe(403);
    const rightLevel = await call('GET', '/queues/3', { token: agentTokens.level3 });
    expect(rightLevel.status).toBe(200);
  });

  it('the customer reads their case; the ticket desk (level 1) reads every case', async () => {
    expect((await call('GET', `/cases/${caseId}`, { token: created.json.accessToken })).status).toBe(200);
    const asAgent = await call('GET', `/cases/${caseId}`, { token: agentTokens.level1 });
    expect(asAgent.status).toBe(200);
    expect(asAgent.json.classification.reasons.length).toBeGreaterThan(0);
  });
});
