// The local SMTP intake against the local S3 and SQS: it plays SES's receipt rule and Lambda's
// asynchronous invoke, so when email intake keeps failing, the event ends in the on-failure
// destination after the retries — as in AWS — and the raw mail is still in the bucket.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpIntake, startSmtpIntake } from '../../local/smtp-intake.ts';
import { s3Client, sqsClient } from '../../shared/adapters/aws-clients.ts';
import { eventually, local } from '../support/http.ts';

let intake: SmtpIntake;
let failuresUrl: string;
let invocations = 0;

beforeAll(async () => {
  const { QueueUrl } = await sqsClient().send(
    new CreateQueueCommand({ QueueName: `inbound-mail-failures-test-${Date.now()}` }),
  );
  failuresUrl = QueueUrl as string;
  intake = await startSmtpIntake({
    port: 0,
    s3: s3Client(),
    bucket: local().rawMailBucket,
    recipients: ['support@tierdesk.localhost'],
    handler: async () => {
      invocations += 1;
      throw new Error('DynamoDB is unreachable');
    },
    timeoutSeconds: 30,
    failures: { sqs: sqsClient(), queueUrl: failuresUrl },
    retryDelaysMs: [50, 50],
    log: () => undefined,
  });
});

afterAll(async () => {
  await intake?.stop();
});

describe('local SMTP intake', () => {
  it('retries a failing intake twice, then keeps the event and the error in the failures queue', async () => {
    await nodemailer
      .createTransport({ host: intake.host, port: intake.port, secure: false, ignoreTLS: true })
      .sendMail({
        from: 'ana@example.com',
        to: 'support@tierdesk.localhost',
        subject: 'Laptop',
        text: 'My laptop does not boot.',
      });
    await intake.settled();
    expect(invocations).toBe(3);

    const [message] = await eventually(async () => {
      const { Messages = [] } = await sqsClient().send(
        new ReceiveMessageCommand({ QueueUrl: failuresUrl, WaitTimeSeconds: 1 }),
      );
      return Messages.length > 0 ? Messages : undefined;
    });
    const record = JSON.parse(message?.Body ?? '{}');
    expect(record.requestContext).toMatchObject({ condition: 'RetriesExhausted', approximateInvokeCount: 3 });
    expect(record.responsePayload.errorMessage).toBe('DynamoDB is unreachable');
    // Enough to replay it: the SES event names the raw mail, which is still in the bucket.
    const key = `inbound/${record.requestPayload.Records[0].ses.mail.messageId}`;
    const raw = await s3Client().send(new GetObjectCommand({ Bucket: local().rawMailBucket, Key: key }));
    expect(await raw.Body?.transformToString()).toContain('My laptop does not boot.');
  });
});
