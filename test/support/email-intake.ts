// Drives the email-intake function the way SES's receipt rule does: the raw MIME goes into the
// local S3 bucket (fauxqs), then the handler gets an SES receipt event naming it. Its classify
// requests go to a queue of its own that nobody polls, so the cases it opens stay 'new' and no
// acknowledgement is sent unless a test asks for one.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand } from '@aws-sdk/client-sqs';
import type { Context } from 'aws-lambda';
import { s3Client, sqsClient } from '../../shared/adapters/aws-clients.ts';
import { RAW_MAIL_PREFIX } from '../../shared/declaration/index.ts';
import type { EmailOutcome } from '../../shared/use-cases/receive-email.ts';

type Handler = (event: unknown, context: Context) => Promise<{ outcomes: EmailOutcome[] }>;

const context = {
  functionName: 'emailIntake',
  awsRequestId: 'test',
  getRemainingTimeInMillis: () => 30_000,
} as Context;

let counter = 0;

/** Loads the handler with a classify queue of the test's own; call once in beforeAll. */
export async function emailIntakeDriver() {
  const { QueueUrl } = await sqsClient().send(
    new CreateQueueCommand({ QueueName: `email-intake-test-${Date.now()}-${counter++}` }),
  );
  const classifyQueueUrl = QueueUrl as string;
  process.env.CLASSIFY_QUEUE_URL = classifyQueueUrl;
  const { handler } = (await import('../../functions/email-intake/handler.ts')) as unknown as {
    handler: Handler;
  };

  /** Stores the raw mail and hands email intake its SES receipt event; one outcome back. */
  async function deliver(
    raw: Buffer | string,
    id = `test-${Date.now()}-${counter++}`,
    receipt?: Record<string, unknown>,
    mail: Record<string, unknown> = {},
  ): Promise<EmailOutcome> {
    await s3Client().send(
      new PutObjectCommand({
        Bucket: process.env.RAW_MAIL_BUCKET,
        Key: `${RAW_MAIL_PREFIX}${id}`,
        Body: raw,
      }),
    );
    const result = await handler(
      {
        Records: [
          {
            eventSource: 'aws:ses',
            eventVersion: '1.0',
            ses: { mail: { ...mail, messageId: id }, ...(receipt ? { receipt } : {}) },
          },
        ],
      },
      context,
    );
    if (result.outcomes.length !== 1) throw new Error(`expected one outcome, got ${result.outcomes.length}`);
    return result.outcomes[0] as EmailOutcome;
  }
  return { deliver, classifyQueueUrl };
}

/** A plain-text message with the given headers (CRLF, UTF-8 unless a header says otherwise). */
export const mail = (headers: Record<string, string>, body: string) =>
  `${Object.entries({ 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n${body}`;
