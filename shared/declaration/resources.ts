// The resources the functions share — queues, environment names, mail and CORS constants —
// named once, for the declaration (functions.ts), infra/ and the local runtime alike.
import { LAMBDA_TIMEOUT_SECONDS, type QueueName, type QueueSpec } from './model.ts';

const queue = (purpose: string): QueueSpec => ({
  visibilityTimeoutSeconds: LAMBDA_TIMEOUT_SECONDS * 6,
  maxReceiveCount: 5,
  batchSize: 10,
  purpose,
});

export const QUEUES: Record<QueueName, QueueSpec> = {
  classify: queue('new cases waiting for classification'),
  level1: queue('cases escalated to the level 1 ticket desk'),
  level2: queue('cases escalated to level 2 technical callback'),
  level3: queue('cases escalated to level 3 experts'),
  level4: queue('cases escalated to level 4 external vendors'),
};

/**
 * Inbound mail whose intake still fails after Lambda's two retries of an asynchronous
 * invocation: its on-failure destination, a queue that keeps the event and the error for a
 * person to replay (the raw mail itself stays in S3). Infra and the local runtime both make it.
 */
export const INBOUND_MAIL_FAILURES = 'inbound-mail-failures';
/**
 * SES's bounce and complaint events whose recording still fails after Lambda's retries (the
 * mailEvents function's on-failure destination).
 */
export const MAIL_EVENT_FAILURES = 'mail-event-failures';
/** The detail types of the SES events the mailEvents function takes from EventBridge. */
export const MAIL_EVENT_TYPES = ['Email Bounced', 'Email Complaint Received'] as const;
/** Lambda's own retries of an asynchronous invocation (at most 2). */
export const ASYNC_RETRY_ATTEMPTS = 2;

/**
 * Where inbound mail's raw MIME lands in the raw-mail bucket: SES's receipt rule (and the
 * local SMTP intake) store each message as `inbound/<message id>`, email intake reads it there,
 * and its lifecycle rules and read grant name this prefix.
 */
export const RAW_MAIL_PREFIX = 'inbound/';

/**
 * The table partition of the routing rules leads learn (table-keys.ts builds their keys with
 * it). The routingRules function may write items of this partition only: its IAM condition
 * (dynamodb:LeadingKeys) names it.
 */
export const ROUTING_RULES_PARTITION = 'ROUTING_RULES';

export const INTAKE_ACCESS = ['public', 'signed-in'] as const;
export type IntakeAccess = (typeof INTAKE_ACCESS)[number];

/** The environment variable that names a resource; infra sets it, the local runtime too. */
export const ENV = {
  table: 'TABLE_NAME',
  rawMailBucket: 'RAW_MAIL_BUCKET',
  mailFrom: 'MAIL_FROM',
  /** The SES configuration set every send names: its event destination reports bounces. */
  mailConfigurationSet: 'MAIL_CONFIGURATION_SET',
  /** JSON of the acknowledgement rate limits (shared/domain/mail-policy.ts). */
  ackLimits: 'ACK_LIMITS',
  /** `public` or `signed-in`: who may open a case through POST /cases. */
  intakeAccess: 'INTAKE_ACCESS',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  jwtIssuer: 'JWT_ISSUER',
  jwtAudience: 'JWT_AUDIENCE',
  jwksUrl: 'JWKS_URL',
  queueUrl: (queue: QueueName) => `${queue.toUpperCase()}_QUEUE_URL`,
} as const;

/**
 * Who may call the API from a browser on another origin (a web form on the company's site).
 * Credentials travel in the Authorization header, never in cookies, so any origin may call:
 * a foreign page cannot borrow a visitor's session. API Gateway answers preflights with this;
 * so does the local gateway.
 */
export const CORS = {
  allowOrigins: ['*'],
  allowMethods: ['GET', 'POST', 'PUT'],
  allowHeaders: ['Idempotency-Key', 'Authorization', 'Content-Type'],
  exposeHeaders: ['Idempotent-Replayed'],
  maxAgeSeconds: 3600,
} as const;
