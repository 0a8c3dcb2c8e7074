// "Did you open this request?" — the question the first mail to an address leads to, through
// the running system: what each token shows, what yes and no do to later mail.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbRecipients } from '../../shared/adapters/dynamodb/dynamodb-recipients.ts';
import { call, eventually, local, newCaseBody, tokenIn, waitForEmails } from '../support/http.ts';

const recipients = () => new DynamoDbRecipients(dynamoDocumentClient(), local().tableName);

async function openWithFirstMail(address: string, subject = 'Printer jams') {
  const created = await call('POST', '/cases', { body: newCaseBody({ email: address, subject }) });
  expect(created.status).toBe(201);
  const mails = await waitForEmails(address);
  return { created: created.json, mailedToken: tokenIn(mails.at(-1)) as string };
}

const finalAcknowledgement = (id: string) =>
  eventually(
    async () => {
      const c = (await call('GET', `/cases/${id}`, { token: local().agentTokens.admin })).json;
      return ['sent', 'withheld', 'undeliverable'].includes(c?.acknowledgement?.state)
        ? c.acknowledgement
        : undefined;
    },
    20_000,
    'a final acknowledgement',
  );

describe('the question of the first mail', () => {
  it('shows the mailbox no caller text before its owner answers; the form’s author sees their own case', async () => {
    // Prepare
    const address = `q-${randomUUID()}@example.com`;
    const { created, mailedToken } = await openWithFirstMail(address, 'BUY NOW http://spam.example');

    // Act
    const asMailbox = await call('GET', `/cases/${created.id}`, { token: mailedToken });
    const asAuthor = await call('GET', `/cases/${created.id}`, { token: created.accessToken });

    // Assess
    expect(asMailbox.json).toEqual({
      id: created.id,
      reference: created.reference,
      status: expect.any(String),
      language: 'en',
      addressConfirmed: false,
    });
    expect(asMailbox.text).not.toContain('spam.example');
    expect(asAuthor.json.problem.subject).toBe('BUY NOW http://spam.example');
    expect(asAuthor.json).not.toHaveProperty('addressConfirmed');
  });

  it('"No, this was not me": later cases others open with the address get no mail; the owner’s own request does', async () => {
    // Prepare
    const address = `no-${randomUUID()}@example.com`;
    const { created, mailedToken } = await openWithFirstMail(address);

    // Act
    const answered = await call('POST', `/cases/${created.id}/address-confirmation`, {
      token: mailedToken,
      body: { openedByMe: false },
    });
    const again = await call('POST', '/cases', { body: newCaseBody({ email: address }) });

    // Assess
    expect(answered.status).toBe(200);
    expect(answered.json).toMatchObject({ addressConfirmed: false });
    expect(answered.json).not.toHaveProperty('problem');
    expect((await recipients().get(address))?.disowned).toMatchObject({ reference: created.reference });
    expect(await finalAcknowledgement(again.json.id)).toMatchObject({
      state: 'withheld',
      reason: expect.stringMatching(/not theirs/),
    });
    expect(await waitForEmails(address)).toHaveLength(1);
  });

  it('"Yes, I opened it" verifies the address and lifts an earlier "not mine"; only a mailed token may answer', async () => {
    // Prepare: an owner who first said no (a misclick), then opened a case they meant.
    const address = `yes-${randomUUID()}@example.com`;
    const { created, mailedToken } = await openWithFirstMail(address);
    await call('POST', `/cases/${created.id}/address-confirmation`, {
      token: mailedToken,
      body: { openedByMe: false },
    });

    // Act
    const byAuthor = await call('POST', `/cases/${created.id}/address-confirmation`, {
      token: created.accessToken,
      body: { openedByMe: true },
    });
    const byMailbox = await call('POST', `/cases/${created.id}/address-confirmation`, {
      token: mailedToken,
      body: { openedByMe: true },
    });
    const bad = await call('POST', `/cases/${created.id}/address-confirmation`, {
      token: mailedToken,
      body: { openedByMe: 'yes' },
    });

    // Assess
    expect(byAuthor.status).toBe(403);
    expect(byMailbox.status).toBe(200);
    expect(byMailbox.json).toMatchObject({ addressConfirmed: true, problem: { subject: 'Printer jams' } });
    expect(bad.status).toBe(400);
    const record = await recipients().get(address);
    expect(record?.verified).toMatchObject({ how: 'link' });
    expect(record?.disowned).toBeUndefined();
  });
});
