// Plays the EventBridge rule: a Scheduled Event every N minutes.
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { type LambdaHandler, lambdaContext } from './lambda-context.ts';

export function startSchedule(options: {
  functionName: string;
  handler: LambdaHandler;
  intervalMs: number;
  timeoutSeconds: number;
  log: (line: string) => void;
}): { stop(): Promise<void>; fire(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const fire = async () => {
    const event: ScheduledEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: new Date().toISOString(),
      region: 'us-east-1',
      resources: [`arn:aws:events:us-east-1:000000000000:rule/${options.functionName}`],
      detail: {},
    };
    try {
      await options.handler(event, lambdaContext(options.functionName, options.timeoutSeconds));
    } catch (error) {
      options.log(`${options.functionName} failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => {
    running = running.then(fire);
  }, options.intervalMs);
  return {
    fire: () => {
      running = running.then(fire);
      return running;
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
