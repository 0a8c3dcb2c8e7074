// Plays Lambda's SQS event source mapping: long-polls a queue, hands batches of up to
// `batchSize` to the function, deletes what succeeded and leaves the reported failures to
// reappear after the visibility timeout — until the queue's redrive policy moves them to
// the dead-letter queue after maxReceiveCount receives.
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type LambdaHandler, lambdaContext } from './lambda-context.ts';

export type PollerOptions = {
  client: SQSClient;
  queueUrl: string;
  queueArn: string;
  functionName: string;
  handler: LambdaHandler;
  batchSize: number;
  visibilityTimeoutSeconds: number;
  timeoutSeconds: number;
  log: (line: string) => void;
};

export class QueuePoller {
  private running = true;
  private readonly loop: Promise<void>;
  private readonly abort = new AbortController();

  constructor(private readonly options: PollerOptions) {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.pollOnce();
      } catch (error) {
        if (!this.running) return;
        this.options.log(`poller ${this.options.functionName}: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async pollOnce(): Promise<void> {
    const o = this.options;
    const { Messages = [] } = await o.client.send(
      new ReceiveMessageCommand({
        QueueUrl: o.queueUrl,
        MaxNumberOfMessages: Math.min(10, o.batchSize),
        WaitTimeSeconds: 1,
        VisibilityTimeout: o.visibilityTimeoutSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: this.abort.signal },
    );
    if (Messages.length === 0) return;
    const event: SQSEvent = { Records: Messages.map((m) => toRecord(m, o.queueArn)) };
    let failed: Set<string>;
    try {
      const response = (await o.handler(event, lambdaContext(o.functionName, o.timeoutSeconds))) as
        | SQSBatchResponse
        | undefined;
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // A thrown error fails the whole batch, exactly as with Lambda.
      o.log(`${o.functionName} failed a batch of ${Messages.length}: ${(error as Error).message}`);
      failed = new Set(Messages.map((m) => m.MessageId ?? ''));
    }
    const done = Messages.filter((m) => !failed.has(m.MessageId ?? ''));
    if (failed.size > 0)
      o.log(`${o.functionName}: ${failed.size} of ${Messages.length} message(s) will be retried`);
    if (done.length > 0) {
      await o.client.send(
        new DeleteMessageBatchCommand({
          QueueUrl: o.queueUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
        }),
      );
    }
  }
}

function toRecord(message: Message, queueArn: string): SQSRecord {
  const a = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: queueArn.split(':')[3] ?? 'us-east-1',
  };
}
