// MailLedger on the case's partition: one record per (event, recipient). The claim is a
// conditional write (nobody holds it, or its holder's claim is stale); the send is marked in one
// transaction with the history event that records it.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { CaseEvent } from '../../domain/case-history.ts';
import type { MailKey, MailLedger } from '../../use-cases/ports.ts';
import { keys } from './table-keys.ts';

/** A worker that claimed a mail this long ago without marking it sent has died (Lambda's 10 s timeout × 30). */
export const MAIL_CLAIM_STALE_MS = 5 * 60_000;

export class DynamoDbMailLedger implements MailLedger {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(key: MailKey, now: Date): Promise<'claimed' | 'sent' | 'busy'> {
    const item = keys.mail(key.caseId, key.eventId, key.recipient);
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...item,
            type: 'mail',
            state: 'claimed',
            claimedAt: now.toISOString(),
            recipient: key.recipient,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :claimed AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':claimed': 'claimed',
            ':stale': new Date(now.getTime() - MAIL_CLAIM_STALE_MS).toISOString(),
          },
        }),
      );
      return 'claimed';
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const stored = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: item, ConsistentRead: true }),
      );
      return stored.Item?.state === 'sent' ? 'sent' : 'busy';
    }
  }

  async markSent(key: MailKey, event: CaseEvent): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.mail(key.caseId, key.eventId, key.recipient),
              UpdateExpression: 'SET #state = :sent, sentAt = :at',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':sent': 'sent', ':at': event.at },
            },
          },
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.event(event.caseId, event.id),
                type: 'event',
                eventType: event.type,
                data: event,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ],
      }),
    );
  }

  async release(key: MailKey): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: keys.mail(key.caseId, key.eventId, key.recipient),
          ConditionExpression: '#state = :claimed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':claimed': 'claimed' },
        }),
      )
      .catch((error) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }
}
