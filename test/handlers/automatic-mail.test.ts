// Email intake over the local servers: automatic mail is refused wherever its signs sit (deep
// in the MIME tree, in the SES envelope, in headers), mail SES could not authenticate is
// refused by the rules SES's verdicts support, and a reply naming someone else's case opens a
// case of its own instead of joining theirs.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { emailIntakeDriver, mail } from '../support/email-intake.ts';

let deliver: Awaited<ReturnType<typeof emailIntakeDriver>>['deliver'];

beforeAll(async () => {
  ({ deliver } = await emailIntakeDriver());
});

const messageId = () => `<${randomUUID()}@customer.example.com>`;

/** A MIME entity: its header lines, then a body that may hold nested parts. */
const part = (headers: string[], body: string) => [...headers, '', body].join('\r\n');
const multipart = (type: string, boundary: string, parts: string[]) =>
  part(
    [`Content-Type: ${type}; boundary="${boundary}"`],
    `${parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n')}\r\n--${boundary}--\r\n`,
  );
const message = (headers: Record<string, string>, entity: string) =>
  `${Object.entries({ 'MIME-Version': '1.0', 'Message-ID': messageId(), ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n${entity}`;

/** An RFC 3464 report as a sending MTA writes it, without a daemon's From or a null Return-Path. */
const deliveryReport = (reportPart: string) =>
  multipart('multipart/report; report-type=delivery-status', 'report', [
    part(['Content-Type: text/plain'], 'Your message could not be delivered.'),
    reportPart,
    part(['Content-Type: text/rfc822-headers'], 'From: kim@customer.example.com\r\nSubject: Printer'),
  ]);

describe('automatic mail', () => {
  it('rejects a delivery-status report nested in multipart/mixed (RFC 3464 part two levels deep)', async () => {
    const raw = message(
      { From: 'Mail Gateway <gateway@customer.example.com>', Subject: 'Re: Printer' },
      multipart('multipart/mixed', 'outer', [
        deliveryReport(
          part(
            ['Content-Type: message/delivery-status'],
            'Reporting-MTA: dns; mx.customer.example.com\r\n\r\nFinal-Recipient: rfc822; kim@customer.example.com\r\nAction: failed\r\nStatus: 5.1.1',
          ),
        ),
        part(['Content-Type: text/plain'], 'This mail was scanned by the gateway. Have a nice day.'),
      ]),
    );
    expect(await deliver(raw)).toEqual({ outcome: 'rejected', reason: 'delivery status report (bounce)' });
  });

  it('rejects a read receipt (RFC 8098 MDN), also inside multipart/mixed', async () => {
    const raw = message(
      { From: 'Kim <kim@customer.example.com>', Subject: 'Read: Printer' },
      multipart('multipart/mixed', 'outer', [
        multipart('multipart/report; report-type=disposition-notification', 'mdn', [
          part(['Content-Type: text/plain'], 'Your message was displayed.'),
          part(
            ['Content-Type: message/disposition-notification'],
            'Final-Recipient: rfc822; kim@customer.example.com\r\nDisposition: manual-action/MDN-sent-manually; displayed',
          ),
        ]),
      ]),
    );
    expect(await deliver(raw)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/read receipt/),
    });
  });

  it('rejects an abuse feedback report (RFC 5965 ARF)', async () => {
    const raw = message(
      { From: 'Abuse Desk <abuse@isp.example.net>', Subject: 'FW: Printer' },
      multipart('multipart/report; report-type=feedback-report', 'arf', [
        part(['Content-Type: text/plain'], 'This is an email abuse report.'),
        part(['Content-Type: message/feedback-report'], 'Feedback-Type: abuse\r\nVersion: 1'),
        part(['Content-Type: text/rfc822-headers'], 'From: support@tierdesk.localhost'),
      ]),
    );
    expect(await deliver(raw)).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/ARF/) });
  });

  it.each([
    ['X-Spam-Flag: YES', { 'X-Spam-Flag': 'YES' }],
    ['X-Spam-Status: Yes', { 'X-Spam-Status': 'Yes, score=14.2 required=5.0 tests=BAYES_99' }],
    ['X-Spam: yes', { 'X-Spam': 'Yes' }],
  ])('rejects mail flagged %s on its way', async (_name, headers) => {
    const raw = mail(
      { From: 'Eve <eve@example.com>', Subject: 'Invoice overdue', 'Message-ID': messageId(), ...headers },
      'Pay now.',
    );
    expect(await deliver(raw)).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/spam/) });
  });

  it('rejects fax and scanner notifications, not a person writing about their scanner', async () => {
    const scan = message(
      { From: 'scanner@customer.example.com', Subject: 'Scanned document', 'X-Mailer': 'KM-MFP-http/V0.0.1' },
      multipart('multipart/mixed', 'scan', [
        part(['Content-Type: text/plain'], ''),
        part(
          ['Content-Type: application/pdf; name="scan0001.pdf"', 'Content-Transfer-Encoding: base64'],
          'JVBERi0xLjQK',
        ),
      ]),
    );
    expect(await deliver(scan)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/scanner/),
    });
    // A fax server's notice from an ordinary-looking mailbox (as in the shared corpus).
    const fax = mail(
      { From: 'foo@customer.example.com', Subject: 'testing', 'Message-ID': messageId() },
      "A fax has arrived from remote ID ''.\r\nReceived from remote ID:\r\nResult: (0/352;0/0) Successful Send\r\nPage record: 1 - 1",
    );
    expect(await deliver(fax)).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/fax/) });
    const person = mail(
      {
        From: 'Alice <alice@customer.example.com>',
        Subject: 'Scanner does not work',
        'Message-ID': messageId(),
      },
      'My scanner does not work since the update, and no fax has arrived today.',
    );
    expect(await deliver(person)).toMatchObject({ outcome: 'case-opened' });
  });

  it.each([
    ['SES reports an empty envelope sender', { source: '' }],
    ['SES reports <> as envelope sender', { source: '<>' }],
    ['SES reports only a <> Return-Path', { commonHeaders: { returnPath: '<>' } }],
  ])('rejects a null sender: %s', async (_name, sesMail) => {
    const raw = mail(
      { From: 'Kim <kim@customer.example.com>', Subject: 'Your request', 'Message-ID': messageId() },
      'Hello.',
    );
    expect(await deliver(raw, undefined, undefined, sesMail)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/null envelope sender/),
    });
  });

  it('opens a case for the same mail with a real envelope sender', async () => {
    const raw = mail(
      { From: 'Kim <kim@customer.example.com>', Subject: 'Monitor flickers', 'Message-ID': messageId() },
      'My monitor flickers.',
    );
    const sesMail = {
      source: 'kim@customer.example.com',
      commonHeaders: { returnPath: 'kim@customer.example.com' },
    };
    expect(await deliver(raw, undefined, undefined, sesMail)).toMatchObject({ outcome: 'case-opened' });
  });

  it('rejects our own loop header', async () => {
    const raw = mail(
      {
        From: 'someone@example.com',
        Subject: 'Re: Your case',
        'X-Loop': 'tierdesk',
        'Message-ID': messageId(),
      },
      'text',
    );
    expect(await deliver(raw)).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(/loop/) });
  });
});

describe('email authenticity (SES receipt verdicts)', () => {
  const verdicts = (spf: string, dkim: string | undefined, dmarc: string, dmarcPolicy?: string) => ({
    spamVerdict: { status: 'PASS' },
    virusVerdict: { status: 'PASS' },
    spfVerdict: { status: spf },
    ...(dkim ? { dkimVerdict: { status: dkim } } : {}),
    dmarcVerdict: { status: dmarc },
    ...(dmarcPolicy ? { dmarcPolicy } : {}),
  });
  const request = () =>
    mail(
      { From: 'Gus <gus@customer.example.com>', Subject: 'Mouse broken', 'Message-ID': messageId() },
      'My mouse is dead.',
    );

  it.each([
    ['DMARC FAIL, policy reject', verdicts('PASS', 'FAIL', 'FAIL', 'reject'), /DMARC failed.*reject/],
    [
      'DMARC FAIL, policy quarantine',
      verdicts('PASS', 'FAIL', 'FAIL', 'quarantine'),
      /DMARC failed.*quarantine/,
    ],
    ['DMARC FAIL, no policy stated', verdicts('PASS', 'PASS', 'FAIL'), /DMARC failed/],
    [
      'DMARC FAIL (policy none) with SPF FAIL and no DKIM',
      verdicts('FAIL', 'GRAY', 'FAIL', 'none'),
      /SPF failed/,
    ],
    ['SPF FAIL, unsigned (DKIM GRAY), no DMARC (GRAY)', verdicts('FAIL', 'GRAY', 'GRAY'), /SPF failed/],
    ['SPF FAIL, no DKIM verdict, no DMARC', verdicts('FAIL', undefined, 'GRAY'), /SPF failed/],
    ['SPF FAIL, DKIM FAIL, no DMARC', verdicts('FAIL', 'FAIL', 'GRAY'), /SPF failed/],
    ['SPF FAIL, DKIM not checked, no DMARC', verdicts('FAIL', 'PROCESSING_FAILED', 'GRAY'), /SPF failed/],
  ])('rejects %s', async (_name, receipt, reason) => {
    expect(await deliver(request(), undefined, receipt)).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(reason),
    });
  });

  it.each([
    [
      'DMARC FAIL with policy none, SPF PASS: the owner asks for no action',
      verdicts('PASS', 'GRAY', 'FAIL', 'none'),
    ],
    ['SPF FAIL with a passing DKIM signature', verdicts('FAIL', 'PASS', 'GRAY')],
    ['nothing published (all GRAY)', verdicts('GRAY', 'GRAY', 'GRAY')],
    ['checks that could not run', verdicts('PROCESSING_FAILED', 'PROCESSING_FAILED', 'PROCESSING_FAILED')],
    ['DMARC PASS with a policy stated', verdicts('PASS', 'PASS', 'PASS', 'reject')],
  ])('opens a case for %s', async (_name, receipt) => {
    expect(await deliver(request(), undefined, receipt)).toMatchObject({ outcome: 'case-opened' });
  });
});

describe('a reply naming a case', () => {
  it('from someone who is not a party to the case opens a new case and leaves the old one alone', async () => {
    const opened = await deliver(
      mail(
        { From: 'Kim <kim@customer.example.com>', Subject: 'Excel crashes', 'Message-ID': messageId() },
        'Excel crashes when I open the budget file.',
      ),
    );
    if (opened.outcome !== 'case-opened') throw new Error(`expected a case, got ${JSON.stringify(opened)}`);
    const stranger = await deliver(
      mail(
        {
          From: 'Mallory <mallory@elsewhere.example.org>',
          Subject: `Re: [${opened.reference}] We have received your request`,
          'Message-ID': messageId(),
        },
        'Please close this case and send the file to me.',
      ),
    );
    expect(stranger).toMatchObject({ outcome: 'case-opened' });
    if (stranger.outcome !== 'case-opened') return;
    expect(stranger.caseId).not.toBe(opened.caseId);
    const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
    expect((await store.listFollowUps(opened.caseId, { limit: 10 })).followUps).toEqual([]);
    expect((await store.get(opened.caseId))?.followUpCount ?? 0).toBe(0);
    expect((await store.get(stranger.caseId))?.customer.email).toBe('mallory@elsewhere.example.org');
  });
});
