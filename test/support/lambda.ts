// What Lambda hands a handler, for tests that invoke one directly: its context, and the SQS
// event of a batch.
import { randomUUID } from 'node:crypto';
import type { Context, SQSEvent } from 'aws-lambda';

/** The context of an invocation of `functionName` with `remainingMs` left. */
export const lambdaTestContext = (functionName: string, remainingMs = 10_000) =>
  ({ functionName, awsRequestId: 'test', getRemainingTimeInMillis: () => remainingMs }) as Context;

/** One batch of the classify queue (or any queue named by `queueArn`) holding these bodies. */
export const sqsEvent = (
  bodies: string[],
  queueArn = 'arn:aws:sqs:us-east-1:000000000000:tierdesk-classify',
): SQSEvent => ({
  Records: bodies.map((body) => ({
    messageId: randomUUID(),
    receiptHandle: 'r',
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '0',
      SenderId: 'test',
      ApproximateFirstReceiveTimestamp: '0',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: 'us-east-1',
  })),
});
