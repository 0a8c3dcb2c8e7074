// Plays SES's inbound receipt rule: an SMTP server on 127.0.0.1 stores each message's raw
// MIME in S3 under inbound/<id>, then invokes the email-intake function with an SES event
// (Lambda action, invocation type Event), with Lambda's asynchronous retries and on-failure
// destination (async-invoke.ts) — the raw mail stays in the bucket.
import { randomBytes } from 'node:crypto';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { SMTPServer } from 'smtp-server';
import { RAW_MAIL_PREFIX } from '../shared/declaration/index.ts';
import { type AsyncInvoker, asyncInvoker } from './async-invoke.ts';
import type { LambdaHandler } from './lambda-context.ts';

export const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

export type SmtpIntake = {
  host: string;
  port: number;
  /** How SES invokes email intake (asynchronously, retried, then the failures queue). */
  invoker: AsyncInvoker;
  stop(): Promise<void>;
  settled(): Promise<void>;
};

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
  const intake = asyncInvoker({
    functionName: 'emailIntake',
    handler: options.handler,
    timeoutSeconds: options.timeoutSeconds,
    failures: options.failures,
    ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
    log: options.log,
  });
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'tierdesk local inbound mail',
    logger: false,
    // SES answers 550 for a recipient no receipt rule covers; so does the local intake.
    onRcptTo(address, _session, callback) {
      // As an SES receipt rule for support@ also takes support+label@ (the vendor's reply
      // address carries the case reference as its label).
      const wanted = address.address.toLowerCase().replace(/\+[^@]*@/, '@');
      const accepted = options.recipients.some((r) => r.toLowerCase() === wanted);
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
            intake.invoke(sesEvent(id, from, recipients));
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    host: '127.0.0.1',
    port,
    invoker: intake,
    settled: intake.settled,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await intake.settled();
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
