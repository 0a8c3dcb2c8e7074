// The marks on every mail the desk sends, read from the SES emulator's store: RFC 3834's
// Auto-Submitted, the loop header and Exchange's auto-response suppression; an answer to an
// email threads under it (In-Reply-To, References). And the loop closed from the other side:
// mail that carries our own loop header, sent to the SMTP intake, opens no case and gets no mail.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { DynamoDbMailRejections } from '../../shared/adapters/dynamodb/dynamodb-mail-rejections.ts';
import {
  call,
  eventually,
  local,
  newCaseBody,
  type SentEmailWithHeaders,
  SUPPORT_ADDRESS,
  sentEmailsTo,
  smtpTransport,
  waitForEmails,
} from '../support/http.ts';

const smtp = smtpTransport;
const store = () => new DynamoDbCaseStore(dynamoDocumentClient(), local().tableName);
const rejections = () => new DynamoDbMailRejections(dynamoDocumentClient(), local().tableName);
const supportAddress = SUPPORT_ADDRESS;

/** Every value of the header `name` (case-insensitive) on a sent mail. */
const header = (mail: SentEmailWithHeaders | undefined, name: string) =>
  (mail?.headers ?? []).filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value);

// RFC 3834: the answer to a mail is auto-replied; a form's receipt answers no mail.
const AUTOMATIC_MARKS = (autoSubmitted: 'auto-replied' | 'auto-generated') => ({
  'Auto-Submitted': [autoSubmitted],
  'X-Loop': ['tierdesk'],
  'X-Auto-Response-Suppress': ['All'],
});

describe('outgoing mail headers', () => {
  it("marks a web-form case's acknowledgement as automatic, and threads it under nothing", async () => {
    // Prepare
    const customer = `ada.${randomUUID()}@example.com`;

    // Act
    const created = await call('POST', '/cases', { body: newCaseBody({ email: customer }) });
    const [ack] = await waitForEmails(customer);

    // Assess
    expect(created.status).toBe(201);
    for (const [name, values] of Object.entries(AUTOMATIC_MARKS('auto-generated')))
      expect(header(ack, name)).toEqual(values);
    expect(header(ack, 'In-Reply-To')).toEqual([]);
    expect(header(ack, 'References')).toEqual([]);
  });

  it('answers a case opened by email In-Reply-To and References its Message-ID', async () => {
    // Prepare
    const customer = `jan.${randomUUID()}@example.com`;
    const messageId = `<${randomUUID()}@mail.example.com>`;

    // Act
    await smtp().sendMail({
      from: `Jan de Vries <${customer}>`,
      to: supportAddress,
      subject: 'VPN connection drops',
      text: 'Since this morning my VPN connection drops every few minutes.',
      messageId,
    });
    const [ack] = await waitForEmails(customer);

    // Assess
    for (const [name, values] of Object.entries(AUTOMATIC_MARKS('auto-replied')))
      expect(header(ack, name)).toEqual(values);
    expect(header(ack, 'In-Reply-To')).toEqual([messageId]);
    expect(header(ack, 'References')).toEqual([messageId]);
  });

  it('opens no case and sends nothing for mail carrying our own X-Loop header', async () => {
    // Prepare: the same mail twice, from two senders; only one carries the loop header.
    const looped = `robot.${randomUUID()}@example.com`;
    const control = `person.${randomUUID()}@example.com`;
    const loopedId = `<${randomUUID()}@mail.example.com>`;
    const message = {
      to: supportAddress,
      subject: 'Printer on floor 2 is offline',
      text: 'The printer on the second floor has been offline since this morning.',
    };
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const sentOn = day(new Date());

    // Act
    await smtp().sendMail({
      ...message,
      from: `Robot <${looped}>`,
      messageId: loopedId,
      headers: { 'X-Loop': 'tierdesk' },
    });
    await smtp().sendMail({
      ...message,
      from: `Person <${control}>`,
      messageId: `<${randomUUID()}@x.example>`,
    });

    // Assess: the intake settled the looped mail as a rejection, with its reason.
    const rejection = await eventually(
      async () => {
        const days = [...new Set([sentOn, day(new Date())])];
        const all = (await Promise.all(days.map((d) => rejections().listOn(d)))).flat();
        return all.find((r) => r.messageId === loopedId);
      },
      20_000,
      'the rejection of the looped mail',
    );
    expect(rejection).toMatchObject({ from: looped, reason: 'mail loop: sent by tierdesk itself' });
    // The control mail, identical but for the header, opens a case and is acknowledged.
    await waitForEmails(control);
    expect(await store().listByCustomer(control, 10)).toHaveLength(1);
    // Watch a while that the looped mail never becomes a case or a mail.
    const settleUntil = Date.now() + 2_000;
    while (Date.now() < settleUntil) {
      expect(await store().listByCustomer(looped, 10)).toEqual([]);
      expect(await sentEmailsTo(looped)).toEqual([]);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
});
