// The vocabulary of the declaration: what a function is (entry, trigger, what it touches) and
// who may call a route. Plain types; the declaration itself is in functions.ts.
import { AGENT_ROLES, type AgentRole } from '../domain/caller.ts';
import type { QueuedLevel } from '../domain/support-model.ts';

/** Who may call a route. A route without an access rule cannot be declared. */
export type Access =
  | { kind: 'public' }
  /** The customer of the case named by `{id}`, proven by the case's access token. */
  | { kind: 'customer' }
  /** An agent JWT whose groups include one of `roles`. */
  | { kind: 'agent'; roles: readonly AgentRole[] }
  | { kind: 'customer-or-agent'; roles: readonly AgentRole[] };

export { AGENT_ROLES, type AgentRole } from '../domain/caller.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';
export type RouteSpec = {
  method: HttpMethod;
  /**
   * API Gateway path syntax: `/cases/{id}`; `$default` (method ANY) is API Gateway's catch-all
   * for requests that no other route matches.
   */
  path: string;
  /** The OpenAPI operationId: clients find an operation by it, so it never changes lightly. */
  operationId: string;
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

/**
 * How a function may use the single table. The two words are CDK's grants: every read (and
 * write) action of DynamoDB on the table and on all its indexes, for functions whose access
 * patterns are many. The object forms are for functions with a few fixed access patterns: they
 * name only the calls those make, so a fault or a leaked credential of the function reaches no
 * further than its purpose (infra/constructs/tierdesk-function.ts turns each into IAM).
 */
export type TableAccess =
  | 'read'
  | 'readwrite'
  /**
   * dynamodb:Query on the table's global secondary indexes (`<table>/index/*`) and nothing else:
   * no item of the table by key, no Scan. For readers of index partitions such as a day's SLA
   * outcomes.
   */
  | { query: 'indexes' }
  /**
   * dynamodb:GetItem and dynamodb:Query on the table itself (no index, no Scan, no batch), and
   * dynamodb:PutItem and dynamodb:DeleteItem only on items whose partition key is one of
   * `writePartitions` (IAM's `dynamodb:LeadingKeys`): a function that keeps items of its own
   * partition and only reads the rest.
   */
  | { read: 'items'; writePartitions: readonly [string, ...string[]] };

export type Uses = {
  table?: TableAccess;
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

export const agent = (...roles: AgentRole[]): Access => ({
  kind: 'agent',
  roles: roles.length ? roles : AGENT_ROLES,
});
export const PUBLIC: Access = { kind: 'public' };
export const CUSTOMER: Access = { kind: 'customer' };
export const CUSTOMER_OR_AGENT: Access = { kind: 'customer-or-agent', roles: AGENT_ROLES };

export const LAMBDA_TIMEOUT_SECONDS = 10;
export const FUNCTION_TIMEOUT_SECONDS = LAMBDA_TIMEOUT_SECONDS;
