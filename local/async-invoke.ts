// Plays Lambda's asynchronous invocation (invocation type Event): a failing function is retried
// twice, then the event and its error go to the function's on-failure destination queue, in
// the record shape Lambda writes there. SES's receipt rule and EventBridge invoke this way.
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { ASYNC_RETRY_ATTEMPTS } from '../shared/declaration/index.ts';
import { type LambdaHandler, lambdaContext } from './lambda-context.ts';

/** Lambda waits about a minute, then two; locally a second, then two. */
export const ASYNC_RETRY_DELAYS_MS = [1000, 2000];

export type AsyncInvoker = {
  /** Starts the invocation and returns at once, as Lambda's 202 does. */
  invoke(event: unknown): void;
  /** Resolves when every invocation started so far has finished, retries included. */
  settled(): Promise<void>;
};

export function asyncInvoker(options: {
  functionName: string;
  handler: LambdaHandler;
  timeoutSeconds: number;
  /** The on-failure destination: where an event goes when its retries are spent. */
  failures: { sqs: SQSClient; queueUrl: string };
  retryDelaysMs?: readonly number[];
  log: (line: string) => void;
}): AsyncInvoker {
  const retryDelays = (options.retryDelaysMs ?? ASYNC_RETRY_DELAYS_MS).slice(0, ASYNC_RETRY_ATTEMPTS);
  const pending = new Set<Promise<void>>();

  async function run(event: unknown): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const context = lambdaContext(options.functionName, options.timeoutSeconds);
      try {
        await options.handler(event, context);
        return;
      } catch (error) {
        const delay = retryDelays[attempt];
        if (delay !== undefined) {
          await new Promise((r) => setTimeout(r, delay));
          continue;
        }
        options.log(`${options.functionName} failed ${attempt + 1} times: ${(error as Error).message}`);
        await options.failures.sqs.send(
          new SendMessageCommand({
            QueueUrl: options.failures.queueUrl,
            MessageBody: JSON.stringify({
              version: '1.0',
              timestamp: new Date().toISOString(),
              requestContext: {
                requestId: context.awsRequestId,
                functionArn: context.invokedFunctionArn,
                condition: 'RetriesExhausted',
                approximateInvokeCount: attempt + 1,
              },
              requestPayload: event,
              responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
              responsePayload: { errorType: (error as Error).name, errorMessage: (error as Error).message },
            }),
          }),
        );
        return;
      }
    }
  }

  return {
    invoke(event) {
      const invocation = run(event)
        .catch((error: Error) => options.log(`${options.functionName}: ${error.message}`))
        .finally(() => pending.delete(invocation));
      pending.add(invocation);
    },
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
