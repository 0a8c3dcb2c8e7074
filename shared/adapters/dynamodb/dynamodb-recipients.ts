// What the desk knows about the addresses it writes to, on the single table: one item per
// address (verified, suppressed) and one counter item per rate-limit window. Every write is
// conditional or additive, so concurrent workers never undo each other.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AddressRecord, Recipients, SendLimit, Suppression } from '../../use-cases/ports.ts';
import { keys } from './table-keys.ts';

export class DynamoDbRecipients implements Recipients {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(address: string): Promise<AddressRecord | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.address(address), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      address: String(Item.address),
      ...(Item.verified ? { verified: Item.verified as AddressRecord['verified'] } : {}),
      ...(Item.suppressed ? { suppressed: Item.suppressed as Suppression } : {}),
      ...(Item.disowned ? { disowned: Item.disowned as AddressRecord['disowned'] } : {}),
    };
  }

  async markVerified(address: string, how: NonNullable<AddressRecord['verified']>['how'], at: Date) {
    // The first verification is kept: it says when the address was first proven. The owner's
    // own confirmation lifts an earlier "not mine".
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.address(address),
        UpdateExpression: `SET #address = :address, #verified = if_not_exists(#verified, :verified)${how === 'link' ? ' REMOVE #disowned' : ''}`,
        ExpressionAttributeNames: {
          '#address': 'address',
          '#verified': 'verified',
          ...(how === 'link' ? { '#disowned': 'disowned' } : {}),
        },
        ExpressionAttributeValues: { ':address': address, ':verified': { at: at.toISOString(), how } },
      }),
    );
  }

  async disown(address: string, reference: string, at: Date): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.address(address),
        UpdateExpression: 'SET #address = :address, #disowned = :disowned',
        ExpressionAttributeNames: { '#address': 'address', '#disowned': 'disowned' },
        ExpressionAttributeValues: { ':address': address, ':disowned': { at: at.toISOString(), reference } },
      }),
    );
  }

  async suppress(suppression: Suppression): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.address(suppression.address),
        UpdateExpression: 'SET #address = :address, #suppressed = :suppressed',
        ExpressionAttributeNames: { '#address': 'address', '#suppressed': 'suppressed' },
        ExpressionAttributeValues: { ':address': suppression.address, ':suppressed': suppression },
      }),
    );
  }

  async takeSendSlot(scope: string, subject: string, limit: SendLimit, now: Date): Promise<boolean> {
    const windowMs = limit.windowMinutes * 60_000;
    const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.sendCounter(scope, subject, windowStart),
          UpdateExpression: 'ADD #count :one SET #ttl = :expires',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :max',
          ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':max': limit.max,
            // Kept a window longer than it counts, then DynamoDB's TTL removes it.
            ':expires': Math.floor((windowStart + 2 * windowMs) / 1000),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
