// The routing rules leads learned from corrections, on the single table: one partition
// (ROUTING_RULES), one item per rule (RULE#<id>). A deployment has tens of them, not thousands:
// the classify function reads the partition whole with one query.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { RoutingRule } from '../../domain/classification/routing-rules.ts';
import type { LearnedRule, RoutingRuleStore } from '../../use-cases/ports.ts';
import { keys } from './table-keys.ts';

export class DynamoDbRoutingRules implements RoutingRuleStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listLearned(): Promise<LearnedRule[]> {
    const rules: LearnedRule[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.routingRules() },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) rules.push(learnedRuleOf(item));
      start = page.LastEvaluatedKey;
    } while (start);
    return rules;
  }

  async addLearned(learned: LearnedRule): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.routingRule(learned.rule.id), type: 'routing-rule', ...learned },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async removeLearned(id: string): Promise<LearnedRule | undefined> {
    const { Attributes } = await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: keys.routingRule(id), ReturnValues: 'ALL_OLD' }),
    );
    return Attributes ? learnedRuleOf(Attributes) : undefined;
  }
}

function learnedRuleOf(item: Record<string, unknown>): LearnedRule {
  return {
    rule: item.rule as RoutingRule,
    createdAt: String(item.createdAt),
    createdBy: String(item.createdBy),
    ...(typeof item.fromCase === 'string' ? { fromCase: item.fromCase } : {}),
  };
}
