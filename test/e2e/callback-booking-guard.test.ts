// A technician calls the number a form gave: a customer books a call only from an address its
// owner confirmed; until then an agent books it (after speaking with the caller).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, eventually, local, newCaseBody, verifiedAddress } from '../support/http.ts';

async function caseEscalatedToTwo(email: string) {
  const created = await call('POST', '/cases', {
    body: newCaseBody({
      email,
      subject: 'Question about our March invoice',
      description: 'We received invoice 2026-0311 and the amount is higher than our contract says.',
    }),
  });
  expect(created.status).toBe(201);
  const { id, accessToken } = created.json as { id: string; accessToken: string };
  const { admin } = local().agentTokens;
  await eventually(
    async () =>
      (await call('GET', `/cases/${id}`, { token: admin })).json?.classification ? true : undefined,
    20_000,
    'classification',
  );
  const escalated = await call('POST', `/cases/${id}/escalations`, {
    token: admin,
    body: { level: 2, reason: 'Needs a technician on the phone.' },
  });
  expect(escalated.status).toBe(200);
  const slots = (await call('GET', `/cases/${id}/callback-slots`, { token: accessToken })).json
    .slots as Array<{
    start: string;
  }>;
  const window = slots.at(-1)?.start;
  if (!window) throw new Error('level 2 offers no window');
  return { id, accessToken, window };
}

describe('booking a callback', () => {
  it('from an unconfirmed address is refused to the form’s token (403) and open to an agent', async () => {
    const c = await caseEscalatedToTwo(`unconfirmed-${randomUUID()}@example.com`);

    const byForm = await call('PUT', `/cases/${c.id}/callback`, {
      token: c.accessToken,
      body: { start: c.window },
    });
    const byAgent = await call('PUT', `/cases/${c.id}/callback`, {
      token: local().agentTokens.level2,
      body: { start: c.window },
    });

    expect(byForm.status).toBe(403);
    expect(byForm.json.error.message).toMatch(/Confirm your email address/);
    expect(byAgent.status).toBe(200);
    expect(byAgent.json.callback).toMatchObject({ state: 'booked', start: c.window });
  });

  it('from a confirmed address is the customer’s own', async () => {
    const email = await verifiedAddress(`confirmed-${randomUUID()}@example.com`);
    const c = await caseEscalatedToTwo(email);

    const booked = await call('PUT', `/cases/${c.id}/callback`, {
      token: c.accessToken,
      body: { start: c.window },
    });

    expect(booked.status).toBe(200);
    expect(booked.json.callback).toMatchObject({ state: 'booked', start: c.window });
  });
});
