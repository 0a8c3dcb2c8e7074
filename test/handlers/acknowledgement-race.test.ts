// Workers racing for one case's acknowledgement, against DynamoDB Local and the SES emulator:
// Lambda runs batches of a queue concurrently and Powertools works a batch's records in
// parallel, so several workers may hold the same case at once. The claim (a conditional write
// before the send) lets exactly one of them send.
//
// Before the claim (commit 9060554, classify-case.ts: `if (c.acknowledgement === 'pending')
// send, then mark`) every racer saw 'pending' and sent. With the claim's write left out
// (acknowledge-case.ts `claim` returning its case unstored) these tests fail, with 4, 5 and
// 5 mails to the one address instead of 1 (the last depends on how the pollers split the copies).
import { randomUUID } from 'node:crypto';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { draftCase } from '../support/cases.ts';
import { eventually, sentEmailsTo } from '../support/http.ts';
import { lambdaTestContext, sqsEvent } from '../support/lambda.ts';

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let handler: Handler;
const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
const context = lambdaTestContext('classify');

/** A case as intake writes it, waiting for classification; its address is new to the desk. */
async function storedCase() {
  const c = draftCase({
    name: 'Rita',
    email: `race-${randomUUID()}@example.com`,
    subject: 'Monitor',
    description: 'My second monitor stays black since this morning.',
  });
  await store.create(c);
  return c;
}

/** Waits a moment after the first mail: a second one from a slower racer would arrive by then. */
async function mailsAfterTheDustSettles(address: string) {
  await eventually(async () => ((await sentEmailsTo(address)).length > 0 ? true : undefined), 20_000);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  return sentEmailsTo(address);
}

beforeAll(async () => {
  ({ handler } = (await import('../../functions/classify/handler.ts')) as unknown as { handler: Handler });
});

describe('racing workers acknowledge a case once', () => {
  it('four invocations at once, each with the same message, send one email', async () => {
    // Prepare
    const c = await storedCase();
    const event = () => sqsEvent([JSON.stringify({ caseId: c.id })]);

    // Act
    const answers = await Promise.all([1, 2, 3, 4].map(() => handler(event(), context)));

    // Assess: the losers stand back without failing their message (no needless retry).
    expect(answers).toEqual([1, 2, 3, 4].map(() => ({ batchItemFailures: [] })));
    const emails = await sentEmailsTo(c.customer.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toContain(c.reference);
    expect(await store.get(c.id)).toMatchObject({ acknowledgement: { state: 'sent', attempts: 1 } });
  });

  it('one batch holding the same message five times sends one email', async () => {
    // Prepare
    const c = await storedCase();
    const message = JSON.stringify({ caseId: c.id });

    // Act: Powertools works the batch's records in parallel.
    const answer = await handler(sqsEvent([message, message, message, message, message]), context);

    // Assess
    expect(answer).toEqual({ batchItemFailures: [] });
    expect(await sentEmailsTo(c.customer.email)).toHaveLength(1);
    const stored = await store.get(c.id);
    expect(stored?.acknowledgement).toMatchObject({ state: 'sent', attempts: 1 });
    expect(stored?.acknowledgement?.tokenHashes).toHaveLength(1);
  });

  it('through the classify queue: six copies of the message, two pollers, one email', async () => {
    // Prepare
    const c = await storedCase();
    const queueUrl = process.env.CLASSIFY_QUEUE_URL as string;
    const body = JSON.stringify({ caseId: c.id });

    // Act: the local runtime polls each queue with two concurrent pollers, as Lambda does.
    await Promise.all(
      Array.from({ length: 6 }, () =>
        sqsClient().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body })),
      ),
    );
    const emails = await mailsAfterTheDustSettles(c.customer.email);

    // Assess
    expect(emails).toHaveLength(1);
    expect(await store.get(c.id)).toMatchObject({ acknowledgement: { state: 'sent', attempts: 1 } });
  }, 30_000);
});
