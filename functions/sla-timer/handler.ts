// Every minute (EventBridge schedule): the sweep of due clocks.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { functionLogger } from '../../shared/http/http-function.ts';
import { sweepClocksUseCase } from '../../shared/use-cases/sweep-clocks.ts';

const logger = functionLogger();
const spec = FUNCTIONS.slaTimer;
const wired = wire(spec);
const deps = { store: wired.caseStore(), queues: wired.workQueues() };

export const handler = middy<ScheduledEvent, unknown, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // The rule's scheduled time, not the moment of invocation: a late start sweeps the same.
    const now = event.time ? new Date(event.time) : wired.clock();
    const result = await sweepClocksUseCase(deps, now);
    logger.info('swept', result);
    return result;
  });
