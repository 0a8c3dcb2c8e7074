// THE declaration of tierdesk: every function with its entry, its trigger and the resources
// it touches. The CDK stack (infra/) and the local runtime (local/) are both built from this
// object, and a test compares the synthesized template with what the local runtime serves,
// so the two cannot drift apart.
import type { QueuedLevel } from '../shared/domain/support-model.ts';

/** Who may call a route. A route without an access rule cannot be declared. */
export type Access =
  | { kind: 'public' }
  /** The customer of the case named by `{id}`, proven by the case's access token. */
  | { kind: 'customer' }
  /** An agent JWT whose groups include one of `roles`. */
  | { kind: 'agent'; roles: readonly AgentRole[] }
  | { kind: 'customer-or-agent'; roles: readonly AgentRole[] };

export const AGENT_ROLES = ['agent', 'lead', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';
export type RouteSpec = {
  method: HttpMethod;
  /**
   * API Gateway path syntax: `/cases/{id}`; `$default` (method ANY) is API Gateway's catch-all
   * for requests that no other route matches.
   */
  path: string;
  access: Access;
  /** Stricter throttling for public routes that create or compute. */
  throttle?: { rate: number; burst: number };
};

export type QueueName = 'classify' | `level${QueuedLevel}`;
export type QueueSpec = {
  /** Seconds a received message stays invisible; six times the consumer's timeout (AWS advice). */
  visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
  batchSize: number;
  purpose: string;
};

export type Trigger =
  | { kind: 'http'; routes: readonly RouteSpec[] }
  | { kind: 'queue'; queue: QueueName }
  | { kind: 'schedule'; everyMinutes: number }
  | { kind: 'inbound-mail' }
  /** SES's sending events (bounces, complaints) of the configuration set every send uses. */
  | { kind: 'mail-events' };

export type Uses = {
  table?: 'read' | 'readwrite';
  queues?: readonly QueueName[];
  sendMail?: boolean;
  rawMail?: 'read';
  /** Verifies agent JWTs and customer tokens. */
  auth?: boolean;
  /** Reads the deployment's intake policy: anyone, or only signed-in callers (INTAKE_ACCESS). */
  intakePolicy?: boolean;
};

export type FunctionSpec = {
  /** Path of the handler module, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  trigger: Trigger;
  uses: Uses;
  timeoutSeconds?: number;
  memoryMb?: number;
  /** Extra fixed environment (e.g. which level a worker serves). */
  environment?: Record<string, string>;
};

const agent = (...roles: AgentRole[]): Access => ({
  kind: 'agent',
  roles: roles.length ? roles : AGENT_ROLES,
});
const PUBLIC: Access = { kind: 'public' };
const CUSTOMER: Access = { kind: 'customer' };
const CUSTOMER_OR_AGENT: Access = { kind: 'customer-or-agent', roles: AGENT_ROLES };

const LAMBDA_TIMEOUT_SECONDS = 10;

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

const levelWorker = (level: QueuedLevel): FunctionSpec => ({
  entry: 'functions/level-worker/handler.ts',
  description: `Takes cases escalated to level ${level} into that level's queue`,
  trigger: { kind: 'queue', queue: `level${level}` },
  // Callback and vendor emails join the workers with their levels' issues, and with them the
  // permission to send; today a worker only takes the case into its level's queue.
  uses: { table: 'readwrite' },
  environment: { SUPPORT_LEVEL: String(level) },
});

export const FUNCTIONS = {
  health: {
    entry: 'functions/health/handler.ts',
    description: 'Reports whether tierdesk and its table answer',
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/health', access: PUBLIC }] },
    uses: { table: 'read' },
  },
  openapi: {
    entry: 'functions/openapi/handler.ts',
    description: 'Serves the OpenAPI 3.1 document generated from the request schemas',
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/openapi.json', access: PUBLIC }] },
    uses: {},
  },
  createCase: {
    entry: 'functions/create-case/handler.ts',
    description: 'First-level intake from web forms and the API',
    trigger: {
      kind: 'http',
      // Public unless the deployment requires a signed-in caller (INTAKE_ACCESS=signed-in): an
      // internal desk lets only its own people open cases. The function checks the JWT then.
      routes: [{ method: 'POST', path: '/cases', access: PUBLIC, throttle: { rate: 20, burst: 40 } }],
    },
    uses: { table: 'readwrite', queues: ['classify'], auth: true, intakePolicy: true },
  },
  readCase: {
    entry: 'functions/read-case/handler.ts',
    description: 'A case for its customer (case token) or an agent (JWT)',
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/cases/{id}', access: CUSTOMER_OR_AGENT }] },
    uses: { table: 'read', auth: true },
  },
  confirmDeflection: {
    entry: 'functions/confirm-deflection/handler.ts',
    description: 'The customer confirms that a knowledge-base article solved the case',
    trigger: { kind: 'http', routes: [{ method: 'POST', path: '/cases/{id}/deflection', access: CUSTOMER }] },
    uses: { table: 'readwrite', auth: true },
  },
  handOverToDesk: {
    entry: 'functions/hand-over-to-desk/handler.ts',
    description: 'The customer of a self-help case asks for a person: the ticket desk (level 1) takes over',
    trigger: {
      kind: 'http',
      routes: [{ method: 'POST', path: '/cases/{id}/escalation', access: CUSTOMER }],
    },
    uses: { table: 'readwrite', queues: ['level1'], auth: true },
  },
  confirmAddress: {
    entry: 'functions/confirm-address/handler.ts',
    description:
      'The owner of a mailbox confirms it with the link of the mail we sent there: later mail may quote the case',
    trigger: {
      kind: 'http',
      routes: [{ method: 'POST', path: '/cases/{id}/address-confirmation', access: CUSTOMER }],
    },
    uses: { table: 'readwrite', auth: true },
  },
  mailEvents: {
    entry: 'functions/mail-events/handler.ts',
    description: 'Suppresses addresses that bounced for good or complained, so no send reaches them again',
    trigger: { kind: 'mail-events' },
    uses: { table: 'readwrite' },
  },
  customerPortal: {
    entry: 'functions/customer-portal/handler.ts',
    description:
      "The customer's case page: a static page whose script reads the case with the token from the link",
    // Public: the page holds no case data; its script calls the guarded routes with the token.
    trigger: {
      kind: 'http',
      routes: [{ method: 'GET', path: '/portal/cases/{id}', access: PUBLIC }],
    },
    uses: {},
  },
  correctClassification: {
    entry: 'functions/correct-classification/handler.ts',
    description: "An agent corrects a case's classification; the correction is recorded",
    trigger: {
      kind: 'http',
      routes: [{ method: 'PUT', path: '/cases/{id}/classification', access: agent() }],
    },
    uses: { table: 'readwrite', queues: ['level1', 'level2', 'level3', 'level4'], auth: true },
  },
  levelQueue: {
    entry: 'functions/level-queue/handler.ts',
    description: 'The open cases of a level, most urgent and oldest first',
    trigger: { kind: 'http', routes: [{ method: 'GET', path: '/queues/{level}', access: agent() }] },
    uses: { table: 'read', auth: true },
  },
  triage: {
    entry: 'functions/triage/handler.ts',
    description:
      'Classifies a draft while the customer types, searches the knowledge base, serves its articles',
    trigger: {
      kind: 'http',
      routes: [
        { method: 'POST', path: '/triage', access: PUBLIC, throttle: { rate: 50, burst: 100 } },
        { method: 'GET', path: '/kb/search', access: PUBLIC, throttle: { rate: 50, burst: 100 } },
        { method: 'GET', path: '/kb/articles/{id}', access: PUBLIC },
      ],
    },
    uses: {},
  },
  classify: {
    entry: 'functions/classify/handler.ts',
    description: 'Classifies new cases, acknowledges them and routes them to their level',
    trigger: { kind: 'queue', queue: 'classify' },
    uses: { table: 'readwrite', queues: ['level1', 'level2', 'level3', 'level4'], sendMail: true },
  },
  emailIntake: {
    entry: 'functions/email-intake/handler.ts',
    description: 'Turns inbound email (raw MIME in S3) into cases and follow-ups',
    trigger: { kind: 'inbound-mail' },
    // level1: a reply to a self-help case hands it over to the ticket desk.
    uses: { table: 'readwrite', queues: ['classify', 'level1'], rawMail: 'read' },
    timeoutSeconds: 30,
    memoryMb: 1024,
  },
  slaTimer: {
    entry: 'functions/sla-timer/handler.ts',
    // For now the sweep re-queues cases whose classify message was lost; the SLA clocks
    // (warnings, breaches, escalation) join it with their own permissions when they are built.
    description: 'Every minute: re-queues cases still unclassified two minutes after intake',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    uses: { table: 'read', queues: ['classify'] },
    timeoutSeconds: 50,
  },
  unmatchedRoute: {
    entry: 'functions/unmatched-route/handler.ts',
    description: 'Answers a request that no route matches with a JSON 404 or 405, like every other error',
    trigger: { kind: 'http', routes: [{ method: 'ANY', path: '$default', access: PUBLIC }] },
    uses: {},
  },
  level1Worker: levelWorker(1),
  level2Worker: levelWorker(2),
  level3Worker: levelWorker(3),
  level4Worker: levelWorker(4),
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;

export const FUNCTION_TIMEOUT_SECONDS = LAMBDA_TIMEOUT_SECONDS;

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

/** The route key API Gateway puts into the event: `GET /cases/{id}`, or `$default`. */
export function routeKeyOf(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return route.path === '$default' ? '$default' : `${route.method} ${route.path}`;
}

/**
 * How a route's path matches a request path: `/cases/{id}` → `^/cases/([^/]+)$`, with the
 * parameter names in order. The local gateway routes with it, the `$default` function tells
 * 405 from 404 with it.
 */
export function routePathPattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

/** Every route of the system, with the function that serves it. */
export function allRoutes(): Array<RouteSpec & { functionName: FunctionName }> {
  return Object.entries(FUNCTIONS).flatMap(([name, spec]) =>
    spec.trigger.kind === 'http'
      ? spec.trigger.routes.map((route) => ({ ...route, functionName: name as FunctionName }))
      : [],
  );
}

/** The names of the environment variables a function needs, derived from what it uses. */
export function environmentNames(spec: FunctionSpec): string[] {
  const names: string[] = [];
  if (spec.uses.table) names.push(ENV.table);
  for (const q of spec.uses.queues ?? []) names.push(ENV.queueUrl(q));
  if (spec.uses.sendMail)
    names.push(ENV.mailFrom, ENV.publicBaseUrl, ENV.mailConfigurationSet, ENV.ackLimits);
  // Email intake knows our own address to refuse mail that tierdesk itself sent (loops).
  if (spec.uses.rawMail) names.push(ENV.rawMailBucket, ENV.mailFrom);
  if (spec.uses.auth) names.push(ENV.jwtIssuer, ENV.jwtAudience, ENV.jwksUrl);
  if (spec.uses.intakePolicy) names.push(ENV.intakeAccess);
  return names;
}
