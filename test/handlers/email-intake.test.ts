// The email-intake function against the local S3 (fauxqs) and DynamoDB Local: raw MIME in
// the bucket, an SES receipt event in, and every message ends as a case, a follow-up or a
// recorded rejection. Its classify requests go to a queue of its own that nobody polls, so
// the sweep over the shared corpus does not flood the rest of the suite.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import type { EmailOutcome } from '../../shared/use-cases/receive-email.ts';
import { emailIntakeDriver, mail } from '../support/email-intake.ts';

let deliver: Awaited<ReturnType<typeof emailIntakeDriver>>['deliver'];
let queueUrl: string;

beforeAll(async () => {
  ({ deliver, classifyQueueUrl: queueUrl } = await emailIntakeDriver());
});

describe('email intake', () => {
  it('opens a case from a plain email, once per Message-ID', async () => {
    const messageId = `<${Date.now()}.${Math.random()}@customer.example.com>`;
    const raw = mail(
      {
        From: 'Bram de Vries <bram@customer.example.com>',
        To: 'support@tierdesk.localhost',
        Subject: 'Printer op 3e verdieping geeft papierstoring',
        'Message-ID': messageId,
      },
      'Hallo, de HP LaserJet op de derde verdieping geeft sinds vanochtend een papierstoring.',
    );
    const first = await deliver(raw);
    expect(first).toMatchObject({ outcome: 'case-opened', replayed: false });
    const again = await deliver(raw);
    expect(again).toMatchObject({
      outcome: 'case-opened',
      replayed: true,
      caseId: (first as { caseId: string }).caseId,
    });
  });

  it('knows a message without a Message-ID by its stored key: a redelivery opens no second case', async () => {
    const key = `test-no-message-id-${Date.now()}`;
    const raw = mail(
      { From: 'noid@customer.example.com', Subject: 'Monitor flickers' },
      'My monitor flickers.',
    );
    const first = await deliver(raw, key);
    expect(first).toMatchObject({ outcome: 'case-opened', replayed: false });
    const again = await deliver(raw, key);
    expect(again).toMatchObject({
      outcome: 'case-opened',
      replayed: true,
      caseId: (first as { caseId: string }).caseId,
    });
    // The same reply stored twice (no Message-ID either) joins the case once.
    const { reference, caseId } = first as { reference: string; caseId: string };
    const reply = mail(
      { From: 'noid@customer.example.com', Subject: `Re: [${reference}]` },
      'Still flickering.',
    );
    await deliver(reply, `${key}-reply`);
    await deliver(reply, `${key}-reply`);
    const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
    expect((await store.get(caseId))?.followUpCount).toBe(1);
    expect((await store.listFollowUps(caseId, { limit: 10 })).followUps).toHaveLength(1);
  });

  it('classifies what the customer wrote, not the English footer; keeps the signature phone', async () => {
    const outcome = (await deliver(
      mail(
        {
          From: 'Olga <olga@customer.example.com>',
          Subject: 'VPN',
          'Message-ID': `<${Math.random()}@c.example.com>`,
        },
        [
          'Добрый день! Не работает VPN с утра, пишет ошибку 809.',
          '',
          'С уважением,',
          'Ольга Петрова',
          'Тел. +7 495 123-45-67',
          '',
          '-- ',
          'This e-mail and any files transmitted with it are confidential and intended solely for the use of',
          'the individual or entity to whom they are addressed. If you have received this email in error,',
          'please notify the system manager. This message contains confidential information.',
        ].join('\r\n'),
      ),
    )) as { caseId: string };
    const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
    const c = await store.get(outcome.caseId);
    expect(c?.language).toBe('ru');
    expect(c?.problem.description).toContain('Не работает VPN');
    expect(c?.problem.description).not.toContain('confidential');
    expect(c?.customer.phone).toBe('+7 495 123-45-67');
  });

  it('opens a case for an internationalised address, its domain kept in punycode', async () => {
    const outcome = (await deliver(
      mail(
        {
          From: 'Jürgen Müller <jürgen@müller.de>',
          Subject: 'Drucker',
          'Message-ID': `<${Math.random()}@m>`,
        },
        'Der Drucker im Büro druckt nur leere Seiten.',
      ),
    )) as { outcome: string; caseId: string };
    expect(outcome.outcome).toBe('case-opened');
    const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
    expect((await store.get(outcome.caseId))?.customer.email).toBe('jürgen@xn--mller-kva.de');
  });

  it('opens a case for a sender whose display name is very long', async () => {
    const outcome = await deliver(
      mail(
        {
          From: `"${'Very Long Name '.repeat(30)}" <long@customer.example.com>`,
          Subject: 'Keyboard',
          'Message-ID': `<${Math.random()}@c>`,
        },
        'The E key of my keyboard is stuck.',
      ),
    );
    expect(outcome).toMatchObject({ outcome: 'case-opened' });
  });

  it.each([
    ['a virus', { virusVerdict: { status: 'FAIL' } }, /virus/],
    ['spam', { spamVerdict: { status: 'FAIL' } }, /spam/],
    ['a forged sender (DMARC)', { dmarcVerdict: { status: 'FAIL' } }, /could not be verified/],
    [
      'a forged sender (SPF and DKIM)',
      { spfVerdict: { status: 'FAIL' }, dkimVerdict: { status: 'FAIL' } },
      /could not be verified/,
    ],
  ])('rejects what SES judged %s, with the reason recorded', async (_name, receipt, reason) => {
    const raw = mail(
      { From: 'eve@example.com', Subject: 'Invoice', 'Message-ID': `<${Math.random()}@x>` },
      'See attached.',
    );
    const outcome = await deliver(raw, undefined, receipt);
    expect(outcome).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(reason) });
  });

  it('opens a case when SES is unsure (GRAY) or one of SPF/DKIM passes', async () => {
    const raw = mail(
      { From: 'gus@example.com', Subject: 'Mouse', 'Message-ID': `<${Math.random()}@x>` },
      'My mouse is dead.',
    );
    const receipt = {
      spamVerdict: { status: 'GRAY' },
      virusVerdict: { status: 'PASS' },
      spfVerdict: { status: 'FAIL' },
      dkimVerdict: { status: 'PASS' },
      dmarcVerdict: { status: 'PASS' },
    };
    expect(await deliver(raw, undefined, receipt)).toMatchObject({ outcome: 'case-opened' });
  });

  it('adds a reply that carries the reference to its case', async () => {
    const opened = (await deliver(
      mail(
        {
          From: 'kim@customer.example.com',
          Subject: 'Excel crashes',
          'Message-ID': `<${Math.random()}@c.example.com>`,
        },
        'Excel crashes when I open the budget file.',
      ),
    )) as { reference: string; caseId: string };
    const reply = await deliver(
      mail(
        {
          From: 'Kim <kim@customer.example.com>',
          Subject: `Re: [${opened.reference}] We have received your request`,
          'Message-ID': `<${Math.random()}@c.example.com>`,
        },
        'The error says 0x80070005.',
      ),
    );
    expect(reply).toEqual({ outcome: 'follow-up', caseId: opened.caseId, reference: opened.reference });
  });

  it.each([
    ['an auto-reply', { 'Auto-Submitted': 'auto-replied', Subject: 'Out of office' }, /auto-submitted/],
    ['a bulk message', { Precedence: 'bulk', Subject: 'Newsletter' }, /precedence/],
    [
      'a bounce',
      {
        'Content-Type': 'multipart/report; report-type=delivery-status; boundary="b"',
        Subject: 'Undelivered',
      },
      /bounce/,
    ],
    ['our own mail (loop)', { From: 'support@tierdesk.localhost', Subject: 'Re: [TD-0000000]' }, /loop/],
  ])('rejects %s, with the reason recorded', async (_name, headers, reason) => {
    const outcome = await deliver(
      mail({ From: 'someone@example.com', 'Message-ID': `<${Math.random()}@x>`, ...headers }, 'text'),
    );
    expect(outcome).toMatchObject({ outcome: 'rejected', reason: expect.stringMatching(reason) });
  });

  it('rejects a message without a sender, and garbage, instead of crashing', async () => {
    expect(await deliver('Subject: no from\r\n\r\nhello')).toMatchObject({
      outcome: 'rejected',
      reason: 'no sender address',
    });
    expect(await deliver(Buffer.from([0, 1, 2, 3, 255, 254, 10, 13]))).toMatchObject({ outcome: 'rejected' });
  });

  it('left every new case a classify request on its own queue', async () => {
    const { Attributes } = await sqsClient().send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    expect(Number(Attributes?.ApproximateNumberOfMessages)).toBeGreaterThanOrEqual(2);
  });
});

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/emails');
const corpusFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return corpusFiles(path);
    return /(^LICENSE|SOURCE_COMMIT|\.json$|\.gitattributes$|\.md$)/i.test(name) ? [] : [path];
  });

/** Sets of automatic mail: sisimai's bounces and auto-replies, mimekit's reports and receipts. */
const AUTOMATIC_SETS = [
  /^sisimai-set-of-emails\//,
  /^mimekit\/.*(bounce|delivery-status|disposition-notification|feedback-report)[^/]*$/,
];
/** sisimai's own counter-examples: a person's mail, one of them forwarding an original as an attachment. */
const PERSONS_IN_AUTOMATIC_SETS = [
  'sisimai-set-of-emails/maildir/not/is-not-bounce-01.eml',
  'sisimai-set-of-emails/maildir/not/is-not-bounce-02.eml',
];
/** Marks of automatic mail at a line start, wherever in the message (a cross-check by other means). */
const AUTOMATIC_MARK =
  /^(auto-submitted: *auto-|content-type: *(multipart\/report|message\/(global-)?(delivery-status|disposition-notification|feedback-report))|x-failed-recipients:|return-path: *<>|x-spam-flag: *yes|precedence: *(bulk|junk|list)|list-id:|list-unsubscribe:)/im;

// The shared corpus sits beside the repository (in CI too); a bare clone has no ../shared.
describe.skipIf(!existsSync(CORPUS))('email intake over the shared corpus (../shared/corpus/emails)', () => {
  it('turns every message into a case, a follow-up or an explained rejection — never a crash', async () => {
    const files = corpusFiles(CORPUS);
    expect(files.length).toBeGreaterThan(300);
    const tally: Record<string, number> = {};
    const opened: string[] = [];
    for (const file of files) {
      let outcome: EmailOutcome;
      try {
        outcome = await deliver(readFileSync(file));
      } catch (error) {
        throw new Error(`${relative(CORPUS, file)} crashed the intake: ${(error as Error).message}`);
      }
      expect(['case-opened', 'follow-up', 'rejected']).toContain(outcome.outcome);
      if (outcome.outcome === 'rejected') expect(outcome.reason.length).toBeGreaterThan(3);
      tally[outcome.outcome] = (tally[outcome.outcome] ?? 0) + 1;
      if (outcome.outcome !== 'rejected') opened.push(relative(CORPUS, file));
    }
    // No bounce, auto-reply, read receipt or report opens a case; a person's mail still does.
    expect(opened.filter((path) => AUTOMATIC_SETS.some((set) => set.test(path))).sort()).toEqual(
      PERSONS_IN_AUTOMATIC_SETS,
    );
    expect(opened.filter((path) => AUTOMATIC_MARK.test(readFileSync(join(CORPUS, path), 'latin1')))).toEqual(
      [],
    );
    // The corpus is mostly bounces and auto-replies: most of it must not open cases.
    expect(tally.rejected ?? 0).toBeGreaterThan(files.length / 4);
    expect(tally['case-opened'] ?? 0).toBeGreaterThan(50);
  }, 240_000);
});
