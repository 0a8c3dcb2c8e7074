// The one place where errors become HTTP answers. Every body is JSON of the same shape,
// `{ "error": { "code", "message", "field"? } }`; a 5xx never carries internals.
import { z } from 'zod';
import {
  ArticleNotFoundError,
  CaseNotFoundError,
  ConcurrentUpdateError,
  type DomainError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidTransitionError,
  RoutingRuleConflictError,
  RoutingRuleNotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../domain/errors.ts';

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An error the HTTP layer raises itself (bad JSON, unknown route…); always a 4xx. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const STATUS_BY_DOMAIN_ERROR = new Map<new (...args: never[]) => DomainError, number>([
  [ValidationError, 400],
  [UnauthenticatedError, 401],
  [ForbiddenError, 403],
  [CaseNotFoundError, 404],
  [ArticleNotFoundError, 404],
  [RoutingRuleNotFoundError, 404],
  [RoutingRuleConflictError, 409],
  [InvalidTransitionError, 409],
  [ConcurrentUpdateError, 409],
  [IdempotencyKeyReusedError, 422],
]);

export type HttpErrorAnswer = { statusCode: number; body: ErrorBody; expected: boolean };

export function toHttpError(error: unknown): HttpErrorAnswer {
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({
      field: issue.path.join('.') || '(body)',
      message: issue.message,
    }));
    const first = details[0];
    return {
      statusCode: 400,
      expected: true,
      body: {
        error: {
          code: 'validation_failed',
          message: first ? `${first.field}: ${first.message}` : 'The request is not valid',
          ...(first ? { field: first.field } : {}),
          details,
        },
      },
    };
  }
  if (error instanceof HttpProblem) {
    return {
      statusCode: error.statusCode,
      expected: true,
      body: {
        error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
      },
    };
  }
  for (const [type, statusCode] of STATUS_BY_DOMAIN_ERROR) {
    if (error instanceof type) {
      const e = error as DomainError;
      return {
        statusCode,
        expected: true,
        body: { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } },
      };
    }
  }
  // Middy's own HTTP errors (e.g. from the header normaliser) carry statusCode and `expose`.
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      statusCode: status,
      expected: true,
      body: { error: { code: 'bad_request', message: String((error as Error).message) } },
    };
  }
  return {
    statusCode: 500,
    expected: false,
    body: {
      error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged' },
    },
  };
}
