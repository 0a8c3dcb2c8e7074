// Every SQS consumer: Powertools' batch processor reports partial batch failures, so one bad
// message is retried (and after maxReceiveCount moved to its dead-letter queue) without
// redelivering the good ones. The message body is parsed with a schema, never cast.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import type { FunctionSpec } from '../declaration/index.ts';
import { functionLogger } from '../http/http-function.ts';

export class PoisonMessageError extends Error {}

export function queueFunction<S extends z.ZodType>(
  spec: FunctionSpec,
  schema: S,
  handleMessage: (message: z.output<S>, record: SQSRecord) => Promise<unknown>,
) {
  if (spec.trigger.kind !== 'queue') throw new Error(`${spec.entry} is not a queue consumer`);
  const logger = functionLogger();

  const recordHandler = async (record: SQSRecord) => {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      throw new PoisonMessageError(`message ${record.messageId} is not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new PoisonMessageError(`message ${record.messageId}: ${parsed.error.issues[0]?.message}`);
    const outcome = await handleMessage(parsed.data, record);
    logger.info('processed', {
      messageId: record.messageId,
      receiveCount: record.attributes?.ApproximateReceiveCount,
      outcome: outcome as string,
    });
  };

  return middy<SQSEvent, SQSBatchResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) => {
      // One processor per batch: a processor keeps the batch's failures, and the local runtime
      // (like a Lambda with several instances) runs batches of one queue at the same time.
      const processor = new BatchProcessor(EventType.SQS);
      const response = await processPartialResponse(event, recordHandler, processor, {
        context,
        // All records failing is reported like any other partial failure, not thrown.
        throwOnFullBatchFailure: false,
      });
      if (response.batchItemFailures.length > 0) {
        logger.warn('some messages failed and will be retried', {
          failed: response.batchItemFailures.map((f) => f.itemIdentifier),
          errors: processor.errors.map((e) => e.message),
        });
      }
      return response;
    });
}
