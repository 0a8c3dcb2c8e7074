// The email-intake function against the local S3 (fauxqs) and DynamoDB Local: raw MIME in
// the bucket, an SES receipt event in, and every message ends as a case, a follow-up or a
// recorded rejection. Its classify requests go to a queue of its own that nobody polls, so
// the sweep over the shared corpus does not flood the rest of the suite.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { s3Client, sqsClient } from '../../shared/adapters/aws-clients.ts';
import type { EmailOutcome } from '../../shared/use-cases/receive-email.ts';

type Handler = (event: unknown, context: Context) => Promise<{ outcomes: EmailOutcome[] }>;
let handler: Handler;
let queueUrl: string;
let counter = 0;

const context = {
  functionName: 'emailIntake',
  awsRequestId: 'test',
  getRemainingTimeInMillis: () => 30_000,
} as Context;

async function deliver(raw: Buffer | string): Promise<EmailOutcome> {
  const id = `test-${Date.now()}-${counter++}`;
  await s3Client().send(
    new PutObjectCommand({ Bucket: process.env.RAW_MAIL_BUCKET, Key: `inbound/${id}`, Body: raw }),
  );
  const result = await handler(
    { Records: [{ eventSource: 'aws:ses', eventVersion: '1.0', ses: { mail: { messageId: id } } }] },
    context,
  );
  expect(result.outcomes).toHaveLength(1);
  return result.outcomes[0] as EmailOutcome;
}

const mail = (headers: Record<string, string>, body: string) =>
  `${Object.entries({ 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body}`;

beforeAll(async () => {
  const { QueueUrl } = await sqsClient().send(
    new CreateQueueCommand({ QueueName: `email-intake-test-${Date.now()}` }),
  );
  queueUrl = QueueUrl as string;
  process.env.CLASSIFY_QUEUE_URL = queueUrl;
  ({ handler } = (await import('../../functions/email-intake/handler.ts')) as unknown as {
    handler: Handler;
  });
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

// The shared corpus sits beside the repository (in CI too); a bare clone has no ../shared.
describe.skipIf(!existsSync(CORPUS))('email intake over the shared corpus (../shared/corpus/emails)', () => {
  it('turns every message into a case, a follow-up or an explained rejection — never a crash', async () => {
    const files = corpusFiles(CORPUS);
    expect(files.length).toBeGreaterThan(300);
    const tally: Record<string, number> = {};
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
    }
    // The corpus is mostly bounces and auto-replies: most of it must not open cases.
    expect(tally.rejected ?? 0).toBeGreaterThan(files.length / 4);
    expect(tally['case-opened'] ?? 0).toBeGreaterThan(50);
  }, 240_000);
});
