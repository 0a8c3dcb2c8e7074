// Mail from a mailbox verifies it only when its domain vouches for the From address (DMARC
// passed): whoever filed a form knows the case's reference and could forge the reply otherwise.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { DynamoDbRecipients } from '../../shared/adapters/dynamodb/dynamodb-recipients.ts';
import { draftCase } from '../support/cases.ts';
import { emailIntakeDriver, mail } from '../support/email-intake.ts';

let deliver: Awaited<ReturnType<typeof emailIntakeDriver>>['deliver'];
const recipients = new DynamoDbRecipients(dynamoDocumentClient(), process.env.TABLE_NAME as string);
const verdicts = (dmarc: string) => ({
  spfVerdict: { status: 'PASS' },
  dkimVerdict: { status: 'PASS' },
  dmarcVerdict: { status: dmarc },
  spamVerdict: { status: 'PASS' },
  virusVerdict: { status: 'PASS' },
});

beforeAll(async () => {
  ({ deliver } = await emailIntakeDriver());
});

describe('an address verified by mail', () => {
  it('a new request whose From domain passed DMARC verifies its sender; SPF and DKIM alone do not', async () => {
    const vouched = `${randomUUID()}@customer.example.com`;
    const unaligned = `${randomUUID()}@customer.example.com`;
    const request = (from: string) =>
      mail({ From: from, Subject: 'Printer', 'Message-ID': `<${randomUUID()}@c>` }, 'The printer jams.');

    expect(await deliver(request(vouched), undefined, verdicts('PASS'))).toMatchObject({
      outcome: 'case-opened',
    });
    expect(await deliver(request(unaligned), undefined, verdicts('GRAY'))).toMatchObject({
      outcome: 'case-opened',
    });

    expect((await recipients.get(vouched))?.verified).toMatchObject({ how: 'authenticated-mail' });
    expect((await recipients.get(unaligned))?.verified).toBeUndefined();
  });

  it('a reply to the case verifies the mailbox only when DMARC passed', async () => {
    const address = `${randomUUID()}@customer.example.com`;
    const opened = (await deliver(
      mail(
        { From: address, Subject: 'Scanner', 'Message-ID': `<${randomUUID()}@c>` },
        'The scanner is slow.',
      ),
      undefined,
      verdicts('GRAY'),
    )) as { reference: string };
    const reply = () =>
      mail(
        { From: address, Subject: `Re: [${opened.reference}]`, 'Message-ID': `<${randomUUID()}@c>` },
        'It is the one on the second floor.',
      );

    expect(await deliver(reply(), undefined, verdicts('GRAY'))).toMatchObject({ outcome: 'follow-up' });
    expect((await recipients.get(address))?.verified).toBeUndefined();

    expect(await deliver(reply(), undefined, verdicts('PASS'))).toMatchObject({ outcome: 'follow-up' });
    expect((await recipients.get(address))?.verified).toMatchObject({ how: 'reply' });
  });

  it('a reply to a case opened through the form verifies nothing: its writer may be the stranger the form named', async () => {
    const address = `${randomUUID()}@customer.example.com`;
    const opened = draftCase({ email: address });
    await new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string).create(opened);
    const reply = mail(
      { From: address, Subject: `Re: [${opened.reference}]`, 'Message-ID': `<${randomUUID()}@c>` },
      'This was not me. Please stop.',
    );

    expect(await deliver(reply, undefined, verdicts('PASS'))).toMatchObject({ outcome: 'follow-up' });
    expect((await recipients.get(address))?.verified).toBeUndefined();
  });
});
