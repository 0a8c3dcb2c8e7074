// Email-to-ticket through the SMTP front door of the running system: the local intake plays
// SES's receipt rule (raw MIME to S3, then the email-intake function), and the customer gets
// an acknowledgement in their own language. A redelivered message opens no second case.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { eventually, local, SUPPORT_ADDRESS, sentEmailsTo, smtpTransport } from '../support/http.ts';

const smtp = smtpTransport;
const store = () => new DynamoDbCaseStore(dynamoDocumentClient(), local().tableName);
const supportAddress = SUPPORT_ADDRESS;

describe('email to ticket through SMTP', () => {
  it('opens a case, acknowledges it in Spanish, and a redelivery opens no second case', async () => {
    const customer = `lucia.${randomUUID().slice(0, 8)}@example.com`;
    const message = {
      from: `Lucía García <${customer}>`,
      to: supportAddress,
      subject: 'La impresora no imprime',
      text: 'Buenos días, desde ayer la impresora de la oficina no imprime nada y muestra un error de papel.',
      messageId: `<${randomUUID()}@example.com>`,
    };
    await smtp().sendMail(message);

    const [ack] = await eventually(
      async () => {
        const emails = await sentEmailsTo(customer);
        return emails.length > 0 ? emails : undefined;
      },
      20_000,
      'the acknowledgement',
    );
    expect(ack?.subject).toMatch(/^\[TD-[0-9A-Z]+\]/);
    expect(ack?.body.text).toContain('Hola, Lucía García');
    const reference = /\[(TD-[0-9A-Z]+)\]/.exec(ack?.subject ?? '')?.[1] as string;
    const opened = await store().findByReference(reference);
    expect(opened).toMatchObject({ channel: 'email', language: 'es', customer: { email: customer } });

    // The same message again (an MTA retry): the Message-ID maps to the case already open.
    await smtp().sendMail(message);
    // And a real reply, which must join the case as a follow-up.
    await smtp().sendMail({
      ...message,
      subject: `Re: [${reference}] La impresora no imprime`,
      text: 'Es la HP del segundo piso.',
      messageId: `<${randomUUID()}@example.com>`,
    });
    const withFollowUp = await eventually(
      async () => {
        const c = await store().get(opened?.id as string);
        return c && c.followUpCount > 0 ? c : undefined;
      },
      20_000,
      'the follow-up',
    );
    expect(withFollowUp.followUpCount).toBe(1);
    const thread = await store().listFollowUps(withFollowUp.id, { limit: 10 });
    expect(thread.followUps).toEqual([expect.objectContaining({ text: 'Es la HP del segundo piso.' })]);
    // The intake hands each message to the function on its own, so the redelivery may still
    // be in flight: watch for a while that it never becomes a second case or acknowledgement.
    const settleUntil = Date.now() + 3000;
    while (Date.now() < settleUntil) {
      const cases = await store().listByCustomer(customer, 10);
      expect(cases.map((c) => c.id)).toEqual([opened?.id]);
      // One acknowledgement; a printer is a vendor's (level 4), so the consent request follows.
      const mails = await sentEmailsTo(customer);
      expect(mails.filter((m) => !/consentimiento/.test(m.subject))).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect((await store().get(opened?.id as string))?.followUpCount).toBe(1);
    expect((await store().listFollowUps(opened?.id as string, { limit: 10 })).followUps).toHaveLength(1);
  }, 60_000);

  it('refuses mail for an address no receipt rule covers, as SES does', async () => {
    await expect(
      smtp().sendMail({
        from: 'someone@example.com',
        to: 'nobody@elsewhere.example',
        subject: 'Hello',
        text: 'Is anybody there?',
      }),
    ).rejects.toThrow(/550/);
  });
});
