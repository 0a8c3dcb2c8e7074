// WorkQueues on SQS: the classify queue and one escalation queue per level. A function only
// knows the URLs of the queues the declaration lets it send to.
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { ENV, type QueueName } from '../../declaration/index.ts';
import type { ClassifyMessage, EscalationMessage, WorkQueues } from '../../use-cases/ports.ts';

export type QueueUrls = Partial<Record<QueueName, string>>;

export class SqsWorkQueues implements WorkQueues {
  constructor(
    private readonly client: SQSClient,
    private readonly urls: QueueUrls,
  ) {}

  async requestClassification(message: ClassifyMessage): Promise<void> {
    await this.send('classify', message);
  }

  async escalate(message: EscalationMessage): Promise<void> {
    await this.send(`level${message.level}`, message);
  }

  private async send(queue: QueueName, body: object): Promise<void> {
    const url = this.urls[queue];
    if (!url) throw new Error(`This function may not send to the ${queue} queue (shared/declaration)`);
    await this.client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify(body) }));
  }
}

export function queueUrlsFrom(env: Record<string, string>, queues: readonly QueueName[]): QueueUrls {
  return Object.fromEntries(queues.map((q) => [q, env[ENV.queueUrl(q)]]));
}
