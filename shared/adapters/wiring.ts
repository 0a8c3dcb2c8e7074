// The composition root: real adapters for a declared function, built once at cold start from
// the environment the declaration promises. Handlers call this at module scope.

import { parseAckLimits, requireEnvironment } from '../config/environment.ts';
import { ENV, type FunctionSpec } from '../declaration/index.ts';
import { CallerResolver } from '../http/caller.ts';
import { dynamoDocumentClient, s3Client, sesClient, sqsClient } from './aws-clients.ts';
import { DynamoDbCallbackSlots } from './dynamodb/dynamodb-callback-slots.ts';
import { DynamoDbCaseStore } from './dynamodb/dynamodb-case-store.ts';
import { DynamoDbMailLedger } from './dynamodb/dynamodb-mail-ledger.ts';
import { DynamoDbMailRejections } from './dynamodb/dynamodb-mail-rejections.ts';
import { DynamoDbRecipients } from './dynamodb/dynamodb-recipients.ts';
import { DynamoDbRoutingRules } from './dynamodb/dynamodb-routing-rules.ts';
import { S3RawMailStore } from './s3/s3-raw-mail-store.ts';
import { SesMailer } from './ses/ses-mailer.ts';
import { queueUrlsFrom, SqsWorkQueues } from './sqs/sqs-work-queues.ts';

export function wire(spec: FunctionSpec) {
  const env = requireEnvironment(spec);
  const get = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${spec.entry} does not declare what ${name} belongs to`);
    return value;
  };
  return {
    env,
    clock: () => new Date(),
    caseStore: () => new DynamoDbCaseStore(dynamoDocumentClient(), get(ENV.table)),
    mailRejections: () => new DynamoDbMailRejections(dynamoDocumentClient(), get(ENV.table)),
    workQueues: () => new SqsWorkQueues(sqsClient(), queueUrlsFrom(env, spec.uses.queues ?? [])),
    mailer: () => new SesMailer(sesClient(), get(ENV.mailFrom), get(ENV.mailConfigurationSet)),
    mailLedger: () => new DynamoDbMailLedger(dynamoDocumentClient(), get(ENV.table)),
    callbackSlots: () => new DynamoDbCallbackSlots(dynamoDocumentClient(), get(ENV.table)),
    recipients: () => new DynamoDbRecipients(dynamoDocumentClient(), get(ENV.table)),
    routingRules: () => new DynamoDbRoutingRules(dynamoDocumentClient(), get(ENV.table)),
    ackLimits: () => parseAckLimits(get(ENV.ackLimits)),
    rawMail: () => new S3RawMailStore(s3Client(), get(ENV.rawMailBucket)),
    callers: () =>
      new CallerResolver({
        issuer: get(ENV.jwtIssuer),
        audience: get(ENV.jwtAudience),
        jwksUrl: get(ENV.jwksUrl),
      }),
    publicBaseUrl: () => get(ENV.publicBaseUrl).replace(/\/$/, ''),
    /**
     * What every action on a case needs (act-on-case.ts): the store, the level queues, the
     * clock, and where a queue send that failed is logged (the sweep repairs it).
     */
    caseActions: (logger: { warn: (message: string, details: Record<string, unknown>) => void }) => ({
      store: new DynamoDbCaseStore(dynamoDocumentClient(), get(ENV.table)),
      queues: new SqsWorkQueues(sqsClient(), queueUrlsFrom(env, spec.uses.queues ?? [])),
      clock: () => new Date(),
      warn: (message: string, details: Record<string, unknown>) => logger.warn(message, details),
    }),
  };
}
