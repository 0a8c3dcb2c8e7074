// The minute sweep against DynamoDB Local and the real classify queue: a case whose classify
// message was lost (intake died between writing the case and sending it) is put on the queue
// again once it is two minutes old, and the running local system then classifies it.
import { randomUUID } from 'node:crypto';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { draftCase } from '../support/cases.ts';
import { eventually } from '../support/http.ts';
import { lambdaTestContext } from '../support/lambda.ts';

type Handler = (event: ScheduledEvent, context: Context) => Promise<{ requeuedUnclassified: number }>;
let handler: Handler;
const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);
const context = lambdaTestContext('slaTimer', 50_000);

const tick = (time: Date): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '000000000000',
  time: time.toISOString(),
  region: 'us-east-1',
  resources: ['arn:aws:events:us-east-1:000000000000:rule/slaTimer'],
  detail: {},
});

/** A case written as intake writes it, but whose classify message never left. */
async function caseWithLostMessage(createdAt: Date) {
  const c = draftCase({
    name: 'Grace',
    subject: 'Excel crashes',
    description: 'Excel crashes when I open the budget file.',
    at: createdAt,
  });
  await store.create(c);
  return c;
}

beforeAll(async () => {
  ({ handler } = (await import('../../functions/sla-timer/handler.ts')) as unknown as { handler: Handler });
});

describe('sla timer sweep', () => {
  it('re-queues a case left unclassified for two minutes, and leaves a fresh one alone', async () => {
    const now = new Date();
    const lost = await caseWithLostMessage(new Date(now.getTime() - 3 * 60_000));
    const fresh = await caseWithLostMessage(new Date(now.getTime() - 30_000));

    const result = await handler(tick(now), context);
    expect(result.requeuedUnclassified).toBeGreaterThanOrEqual(1);

    // The local system's classify poller takes the re-sent message like Lambda would.
    const classified = await eventually(
      async () => {
        const c = await store.get(lost.id);
        return c?.classification ? c : undefined;
      },
      20_000,
      'the lost case to be classified',
    );
    expect(classified.status).not.toBe('new');
    expect((await store.get(fresh.id))?.status).toBe('new');
  }, 30_000);
});
