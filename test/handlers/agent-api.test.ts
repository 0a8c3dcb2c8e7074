// Agent and customer routes through the local HTTP API: corrections are recorded, the level
// queue follows, a deflection closes a self-help case.
import { describe, expect, it } from 'vitest';
import { call, eventually, local, newCaseBody } from '../support/http.ts';

async function classifiedCase(body = newCaseBody()) {
  const created = await call('POST', '/cases', { body });
  expect(created.status).toBe(201);
  const read = await eventually(
    async () => {
      const answer = await call('GET', `/cases/${created.json.id}`, { token: created.json.accessToken });
      return answer.json?.classification ? answer.json : undefined;
    },
    20_000,
    'classification',
  );
  // Until the acknowledgement is sent and the level has taken the case, the classify and level
  // workers still write it; a correction in between would rightly meet a 409 concurrent_update.
  await eventually(
    async () => {
      const c = (await call('GET', `/cases/${created.json.id}`, { token: local().agentTokens.admin })).json;
      return c?.acknowledgement?.state === 'sent' && (c.status !== 'open' || c.queuedLevel)
        ? true
        : undefined;
    },
    20_000,
    'the workers to finish with the case',
  );
  return { ...created.json, case: read };
}

describe('agent API', () => {
  it('records a correction with who, when and the old value, and moves the case to its new level', async () => {
    const { id } = await classifiedCase(
      newCaseBody({ subject: 'Invoice', description: 'The invoice shows the wrong VAT number.' }),
    );
    const before = await call('GET', `/cases/${id}`, { token: local().agentTokens.level1 });
    const corrected = await call('PUT', `/cases/${id}/classification`, {
      token: local().agentTokens.level1,
      body: { level: 3, impact: 'high', reason: 'affects the whole finance team' },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.json.classification).toMatchObject({
      level: 3,
      impact: 'high',
      classifiedBy: 'agent-l1',
    });
    expect(corrected.json.corrections).toHaveLength(1);
    expect(corrected.json.corrections[0]).toMatchObject({
      by: 'agent-l1',
      reason: 'affects the whole finance team',
      from: { level: before.json.classification.level, impact: before.json.classification.impact },
      to: { level: 3, impact: 'high' },
    });
    const queue = await eventually(
      async () => {
        const answer = await call('GET', '/queues/3?limit=100', { token: local().agentTokens.level3 });
        return answer.json.cases.some((c: { id: string }) => c.id === id) ? answer.json : undefined;
      },
      10_000,
      'case in the level 3 queue',
    );
    expect(queue.level).toBe(3);
  });

  it('validates a correction', async () => {
    const { id } = await classifiedCase();
    const empty = await call('PUT', `/cases/${id}/classification`, {
      token: local().agentTokens.admin,
      body: { reason: 'nothing' },
    });
    expect(empty.status).toBe(400);
    const badLevel = await call('PUT', `/cases/${id}/classification`, {
      token: local().agentTokens.admin,
      body: { level: 9, reason: 'x y z' },
    });
    expect(badLevel.status).toBe(400);
    expect(badLevel.json.error.field).toBe('level');
  });

  it('an agent of another level may not read a level-2 case', async () => {
    const { id, case: c } = await classifiedCase(
      newCaseBody({ subject: 'Installer', description: 'The installer stops with error 1603 on my PC.' }),
    );
    expect(c.classification.level).toBe(2);
    expect((await call('GET', `/cases/${id}`, { token: local().agentTokens.level3 })).status).toBe(403);
    expect((await call('GET', `/cases/${id}`, { token: local().agentTokens.level2 })).status).toBe(200);
  });
});

describe('self-help deflection', () => {
  it('closes a level-0 case as deflected when its customer confirms a suggested article', async () => {
    const {
      id,
      accessToken,
      case: c,
    } = await classifiedCase(
      newCaseBody({ subject: 'Forgot my password', description: 'How do I reset my password? I forgot it.' }),
    );
    expect(c.classification.level).toBe(0);
    expect(c.status).toBe('self-help');
    const articleId = c.classification.articles[0].id;
    const wrong = await call('POST', `/cases/${id}/deflection`, {
      token: accessToken,
      body: { articleId: 'not-suggested' },
    });
    expect(wrong.status).toBe(400);
    const confirmed = await call('POST', `/cases/${id}/deflection`, {
      token: accessToken,
      body: { articleId },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toMatchObject({ status: 'deflected', deflectedArticle: articleId });
    // A double click is harmless.
    expect(
      (await call('POST', `/cases/${id}/deflection`, { token: accessToken, body: { articleId } })).status,
    ).toBe(200);
  });

  it('refuses to deflect a case that is not in self-help', async () => {
    const { id, accessToken } = await classifiedCase(
      newCaseBody({ subject: 'Invoice', description: 'The invoice shows the wrong VAT number.' }),
    );
    const answer = await call('POST', `/cases/${id}/deflection`, {
      token: accessToken,
      body: { articleId: 'reset-password' },
    });
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('invalid_transition');
  });
});
