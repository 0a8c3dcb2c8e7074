// Rejected inbound mail, one partition per day so a day's rejections are one query.
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MailRejection, MailRejections } from '../../use-cases/ports.ts';
import { keys } from './table-keys.ts';

const KEEP_DAYS = 90;

export class DynamoDbMailRejections implements MailRejections {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async record(rejection: MailRejection): Promise<void> {
    const ttl = Math.floor(Date.parse(rejection.at) / 1000) + KEEP_DAYS * 86_400;
    // Keyed by the raw mail's key: a redelivered message overwrites its own record only.
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          pk: keys.rejectedMail(rejection.at.slice(0, 10)),
          sk: keys.rejectedMailSort(rejection.rawKey),
          type: 'rejected-mail',
          ...rejection,
          ttl,
        },
      }),
    );
  }

  async listOn(day: string): Promise<MailRejection[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.rejectedMail(day) },
      }),
    );
    return (result.Items ?? []).map((item) => ({
      rawKey: String(item.rawKey),
      reason: String(item.reason),
      at: String(item.at),
      ...(item.messageId ? { messageId: String(item.messageId) } : {}),
      ...(item.from ? { from: String(item.from) } : {}),
    }));
  }
}
