// The classify function against DynamoDB Local and the SES emulator: invoked directly with
// SQS events, as Lambda would, and through the real classify queue for retries and redrive.
import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { DynamoDbRecipients } from '../../shared/adapters/dynamodb/dynamodb-recipients.ts';
import { DEFAULT_ACK_LIMITS } from '../../shared/domain/mail-policy.ts';
import { draftCase } from '../support/cases.ts';
import { eventually, local, sentEmailsTo } from '../support/http.ts';
import { lambdaTestContext, sqsEvent } from '../support/lambda.ts';

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let handler: Handler;
const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
const context = lambdaTestContext('classify');

async function storedCase(description: string, language?: 'fr') {
  const c = draftCase({
    name: 'Chloé',
    subject: 'Imprimante',
    description,
    ...(language ? { language } : {}),
  });
  await store.create(c);
  return c;
}

beforeAll(async () => {
  ({ handler } = (await import('../../functions/classify/handler.ts')) as unknown as { handler: Handler });
});

describe('classify function', () => {
  it('classifies, acknowledges once and ignores a redelivered message', async () => {
    const c = await storedCase(
      "L'imprimante Ricoh du 2e étage affiche une erreur SC542 et n'imprime plus.",
      'fr',
    );
    const message = JSON.stringify({ caseId: c.id });
    expect(await handler(sqsEvent([message]), context)).toEqual({ batchItemFailures: [] });
    // Lambda may deliver the same message again: nothing changes, no second email.
    expect(await handler(sqsEvent([message, message]), context)).toEqual({ batchItemFailures: [] });
    const stored = await store.get(c.id);
    expect(stored).toMatchObject({
      status: 'awaiting-consent',
      acknowledgement: { state: 'sent', attempts: 1 },
      classification: { level: 4, language: 'fr' },
    });
    const emails = await sentEmailsTo(c.customer.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toContain(c.reference);
  });

  it('reports only the bad message of a batch as failed', async () => {
    const good = await storedCase('My keyboard misses the letter E.');
    const response = await handler(
      sqsEvent([JSON.stringify({ caseId: good.id }), 'not json', JSON.stringify({ nope: 1 })]),
      context,
    );
    expect(response.batchItemFailures).toHaveLength(2);
    await expect(store.get(good.id)).resolves.toMatchObject({ status: 'awaiting-consent' });
  });

  it('through the queue: a message that keeps failing ends in the dead-letter queue', async () => {
    const queue = local().queues.classify as { url: string; dlqUrl: string };
    const marker = `poison-${randomUUID()}`;
    await sqsClient().send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: marker }));
    // Visibility timeout is 2 s in tests and maxReceiveCount 5: about ten seconds.
    const dead = await eventually(
      async () => {
        const { Messages = [] } = await sqsClient().send(
          new ReceiveMessageCommand({
            QueueUrl: queue.dlqUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
            VisibilityTimeout: 1,
          }),
        );
        return Messages.find((m) => m.Body === marker);
      },
      25_000,
      'the poison message in the DLQ',
    );
    expect(dead.Body).toBe(marker);
  }, 40_000);
});

describe('an acknowledgement SES refuses for good', () => {
  it('is recorded on the case, and the case still reaches its level', async () => {
    // SES in its sandbox refuses unverified recipients with MessageRejected; the emulator
    // accepts everything, so the real SES mailer is wrapped to answer as SES would.
    const { SesMailer, asDeliveryError } = await import('../../shared/adapters/ses/ses-mailer.ts');
    const { sesClient } = await import('../../shared/adapters/aws-clients.ts');
    const { classifyCaseUseCase } = await import('../../shared/use-cases/classify-case.ts');
    const { createClassifier } = await import('../../shared/domain/classification/default-classifier.ts');
    const { queueUrlsFrom, SqsWorkQueues } = await import('../../shared/adapters/sqs/sqs-work-queues.ts');
    const real = new SesMailer(sesClient(), 'support@tierdesk.localhost', 'tierdesk-local-mail');
    const sandboxed = {
      send: async (email: Parameters<typeof real.send>[0]) => {
        const refusal = Object.assign(new Error('Email address is not verified.'), {
          name: 'MessageRejected',
        });
        if (email.to.endsWith('@unverified.example.com')) throw asDeliveryError(refusal);
        return real.send(email);
      },
    };
    const c = await storedCase('My docking station does not charge the laptop any more.');
    const refused = {
      ...c,
      customer: { ...c.customer, email: `x${randomUUID().slice(0, 6)}@unverified.example.com` },
    };
    await store.update({ ...refused, version: c.version + 1 });
    const escalated: Array<{ caseId: string; level: number }> = [];
    const queues = new SqsWorkQueues(
      sqsClient(),
      queueUrlsFrom(process.env as Record<string, string>, ['level1', 'level2', 'level3', 'level4']),
    );
    const deps = {
      store,
      queues: {
        ...queues,
        requestClassification: queues.requestClassification.bind(queues),
        escalate: async (m: { caseId: string; level: 1 | 2 | 3 | 4; reason: string }) => {
          escalated.push(m);
          return queues.escalate(m);
        },
      },
      mailer: sandboxed,
      classifier: createClassifier(),
      clock: () => new Date(),
      publicBaseUrl: 'http://127.0.0.1',
      recipients: new DynamoDbRecipients(dynamoDocumentClient(), process.env.TABLE_NAME as string),
      limits: DEFAULT_ACK_LIMITS,
    };
    expect(await classifyCaseUseCase(deps, c.id)).toBe('classified');
    const stored = await store.get(c.id);
    expect(stored).toMatchObject({ status: 'awaiting-consent', acknowledgement: { state: 'undeliverable' } });
    expect(stored?.acknowledgement?.reason).toMatch(/MessageRejected/);
    expect(escalated).toEqual([
      expect.objectContaining({ caseId: c.id, level: stored?.classification?.level }),
    ]);
    // A throttled send is not "for good": it is thrown, so the queue retries the message.
    expect(
      asDeliveryError(Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' })),
    ).not.toBeInstanceOf((await import('../../shared/use-cases/ports.ts')).UndeliverableEmailError);
  });
});
