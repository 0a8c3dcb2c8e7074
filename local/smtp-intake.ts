// Plays SES's inbound receipt rule: an SMTP server on 127.0.0.1 stores each message's raw
// MIME in S3 under inbound/<id>, then invokes the email-intake function with an SES event
// (Lambda action, invocation type Event). Like Lambda's async invoke, a failing function is
// retried twice; what still fails is logged — the raw mail stays in the bucket.
import { randomBytes } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { SMTPServer } from 'smtp-server';
import { ASYNC_RETRY_ATTEMPTS, RAW_MAIL_PREFIX } from '../functions/system.ts';
import { type LambdaHandler, lambdaContext } from './lambda-context.ts';

export const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;
const RETRY_DELAYS_MS = [1000, 2000];

export type SmtpIntake = { host: string; port: number; stop(): Promise<void>; settled(): Promise<void> };

export async function startSmtpIntake(options: {
  port: number;
  s3: S3Client;
  bucket: string;
  /** The addresses the receipt rule accepts; mail to anyone else is refused at RCPT TO. */
  recipients: readonly string[];
  handler: LambdaHandler;
  timeoutSeconds: number;
  /** Lambda's on-failure destination: where an event goes when its retries are spent. */
  failures: { sqs: SQSClient; queueUrl: string };
  /** Milliseconds before each retry; Lambda waits about a minute, then two. */
  retryDelaysMs?: readonly number[];
  log: (line: string) => void;
}): Promise<SmtpIntake> {
  const retryDelays = (options.retryDelaysMs ?? RETRY_DELAYS_MS).slice(0, ASYNC_RETRY_ATTEMPTS);
  const pending = new Set<Promise<void>>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'tierdesk local inbound mail',
    logger: false,
    // SES answers 550 for a recipient no receipt rule covers; so does the local intake.
    onRcptTo(address, _session, callback) {
      const accepted = options.recipients.some((r) => r.toLowerCase() === address.address.toLowerCase());
      if (accepted) return callback();
      callback(
        Object.assign(new Error(`Mailbox ${address.address} does not exist here`), { responseCode: 550 }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const id = randomBytes(20).toString('hex');
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        options.s3
          .send(
            new PutObjectCommand({
              Bucket: options.bucket,
              Key: `${RAW_MAIL_PREFIX}${id}`,
              Body: raw,
              ContentType: 'message/rfc822',
            }),
          )
          .then(() => {
            callback(null, `Queued as ${id}`);
            const delivery = deliver(id, from, recipients).finally(() => pending.delete(delivery));
            pending.add(delivery);
          })
          .catch((error: Error) =>
            callback(
              Object.assign(new Error(`Could not store the message: ${error.message}`), {
                responseCode: 451,
              }),
            ),
          );
      });
    },
  });

  async function deliver(id: string, from: string, recipients: string[]): Promise<void> {
    const event = sesEvent(id, from, recipients);
    for (let attempt = 0; ; attempt++) {
      const context = lambdaContext('emailIntake', options.timeoutSeconds);
      try {
        await options.handler(event, context);
        return;
      } catch (error) {
        const delay = retryDelays[attempt];
        if (delay !== undefined) {
          await new Promise((r) => setTimeout(r, delay));
          continue;
        }
        options.log(
          `email-intake failed ${attempt + 1} times on ${RAW_MAIL_PREFIX}${id}: ${(error as Error).message}`,
        );
        // What Lambda sends to an SQS on-failure destination: the event and the error.
        await options.failures.sqs.send(
          new SendMessageCommand({
            QueueUrl: options.failures.queueUrl,
            MessageBody: JSON.stringify({
              version: '1.0',
              timestamp: new Date().toISOString(),
              requestContext: {
                requestId: context.awsRequestId,
                functionArn: context.invokedFunctionArn,
                condition: 'RetriesExhausted',
                approximateInvokeCount: attempt + 1,
              },
              requestPayload: event,
              responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
              responsePayload: { errorType: (error as Error).name, errorMessage: (error as Error).message },
            }),
          }),
        );
        return;
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    host: '127.0.0.1',
    port,
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...pending]);
    },
  };
}

/** The SES receipt event of a Lambda action; the function reads the message from S3. */
function sesEvent(id: string, from: string, recipients: string[]) {
  const now = new Date().toISOString();
  const verdict = { status: 'PASS' };
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp: now,
            source: from,
            messageId: id,
            destination: recipients,
            headersTruncated: false,
            headers: [],
            commonHeaders: {
              from: [from],
              to: recipients,
              returnPath: from,
              messageId: '',
              date: now,
              subject: '',
            },
          },
          receipt: {
            timestamp: now,
            processingTimeMillis: 1,
            recipients,
            spamVerdict: verdict,
            virusVerdict: verdict,
            spfVerdict: verdict,
            dkimVerdict: verdict,
            dmarcVerdict: verdict,
            dmarcPolicy: 'none',
            action: {
              type: 'Lambda',
              invocationType: 'Event',
              functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:emailIntake',
            },
          },
        },
      },
    ],
  };
}
