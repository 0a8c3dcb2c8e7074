// CallbackSlots: a counter per level 2 window. Taking a place is a conditional ADD below the
// capacity, so two customers cannot both get the last place of a window.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { CallbackSlots } from '../../use-cases/ports.ts';
import { keys } from './table-keys.ts';

export class DynamoDbCallbackSlots implements CallbackSlots {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async booked(from: string, to: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const { pk } = keys.callbackSlot(from);
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': pk,
            ':from': keys.callbackSlot(from).sk,
            ':to': keys.callbackSlot(to).sk,
          },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) counts.set(String(item.start), Number(item.booked ?? 0));
      start = page.LastEvaluatedKey;
    } while (start);
    return counts;
  }

  async take(start: string, capacity: number): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.callbackSlot(start),
          UpdateExpression: 'SET #start = :start ADD booked :one',
          ConditionExpression: 'attribute_not_exists(booked) OR booked < :capacity',
          ExpressionAttributeNames: { '#start': 'start' },
          ExpressionAttributeValues: { ':start': start, ':one': 1, ':capacity': capacity },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async release(start: string): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.callbackSlot(start),
          UpdateExpression: 'ADD booked :minusOne',
          ConditionExpression: 'booked > :zero',
          ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
        }),
      )
      .catch((error) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      });
  }
}
