// SES's sending events for the configuration set every send names, through EventBridge's
// default bus ("Email Bounced", "Email Complaint Received"): bounced and complaining addresses
// are suppressed. A malformed event is logged and dropped (retrying cannot mend it); a storage
// failure is thrown, so EventBridge retries.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { functionLogger } from '../../shared/http/http-function.ts';
import { recordMailEventUseCase } from '../../shared/use-cases/record-mail-event.ts';

const Recipient = z.object({ emailAddress: z.string().min(3) });

export const SesEventBridgeEventSchema = z.object({
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  detail: z.discriminatedUnion('eventType', [
    z.object({
      eventType: z.literal('Bounce'),
      bounce: z.object({
        bounceType: z.string(),
        bounceSubType: z.string().optional(),
        bouncedRecipients: z.array(Recipient).min(1),
      }),
    }),
    z.object({
      eventType: z.literal('Complaint'),
      complaint: z.object({
        complaintFeedbackType: z.string().optional(),
        complainedRecipients: z.array(Recipient).min(1),
      }),
    }),
  ]),
});

const logger = functionLogger();
const spec = FUNCTIONS.mailEvents;
const wired = wire(spec);
const deps = { recipients: wired.recipients(), clock: wired.clock };

export const handler = middy<unknown, { suppressed: string[] } | { ignored: string }, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const parsed = SesEventBridgeEventSchema.safeParse(event);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'not an SES bounce or complaint';
      logger.warn('ignored a mail event', { reason });
      return { ignored: reason };
    }
    const result = await recordMailEventUseCase(deps, parsed.data.detail);
    logger.info('mail event recorded', {
      type: parsed.data['detail-type'],
      suppressed: result.suppressed.length,
    });
    return result;
  });
