// Inbound mail: SES's receipt rule stored the raw MIME in S3 under inbound/<messageId>, then
// invoked this function with the SES event (the local SMTP intake does exactly the same).
// Every message becomes a case, a follow-up or a recorded rejection; only an infrastructure
// error (S3 or DynamoDB unreachable) is thrown, so that Lambda's async retry tries again.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS, RAW_MAIL_PREFIX } from '../../shared/declaration/index.ts';
import { defaultClassifier } from '../../shared/domain/classification/default-classifier.ts';
import { functionLogger } from '../../shared/http/http-function.ts';
import { type EmailOutcome, receiveEmailUseCase } from '../../shared/use-cases/receive-email.ts';

const Verdict = z.object({ status: z.string() });

// Only what we use: SES's own message id names the S3 object, the envelope sender (empty for a
// bounce), and its verdicts. (Powertools' full SES schema requires headers such as Subject that
// SES omits when a message lacks them.)
const SesReceiptEventSchema = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:ses'),
        ses: z.object({
          mail: z.object({
            messageId: z.string().min(1),
            source: z.string().optional(),
            commonHeaders: z.object({ returnPath: z.string().optional() }).optional(),
          }),
          // With scanning on, SES judges every message; a missing verdict is no verdict.
          receipt: z
            .object({
              spamVerdict: Verdict,
              virusVerdict: Verdict,
              spfVerdict: Verdict,
              dkimVerdict: Verdict,
              dmarcVerdict: Verdict,
              dmarcPolicy: z.string(),
            })
            .partial()
            .optional(),
        }),
      }),
    )
    .min(1),
});

const logger = functionLogger();
const spec = FUNCTIONS.emailIntake;
const wired = wire(spec);
const rawMail = wired.rawMail();
const deps = {
  store: wired.caseStore(),
  queues: wired.workQueues(),
  classifier: defaultClassifier(),
  clock: wired.clock,
  rejections: wired.mailRejections(),
  recipients: wired.recipients(),
  ownAddress: /<([^>]+)>/.exec(wired.env.MAIL_FROM ?? '')?.[1] ?? wired.env.MAIL_FROM ?? '',
};

export const handler = middy<unknown, { outcomes: EmailOutcome[] }, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const { Records } = SesReceiptEventSchema.parse(event);
    const outcomes: EmailOutcome[] = [];
    for (const record of Records) {
      const key = `${RAW_MAIL_PREFIX}${record.ses.mail.messageId}`;
      const raw = await rawMail.read(key);
      const { source, commonHeaders } = record.ses.mail;
      const outcome = await receiveEmailUseCase(deps, raw, key, record.ses.receipt, {
        sender: source ?? commonHeaders?.returnPath,
      });
      logger.info('email received', { key, ...outcome });
      outcomes.push(outcome);
    }
    return { outcomes };
  });
