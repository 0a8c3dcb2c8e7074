// Typed domain errors. The domain throws them; exactly one place (shared/http/api-error.ts)
// turns them into HTTP answers, so a use case never knows about status codes.

export abstract class DomainError extends Error {
  abstract readonly code: string;
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    if (field !== undefined) this.field = field;
  }
}

export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
}

export class CaseNotFoundError extends DomainError {
  readonly code = 'case_not_found';
  constructor(readonly caseId: string) {
    super(`No case with id ${caseId}`);
  }
}

export class ArticleNotFoundError extends DomainError {
  readonly code = 'article_not_found';
  constructor(
    readonly articleId: string,
    readonly language: string,
  ) {
    super(`No knowledge-base article ${articleId} in language ${language}`);
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid_transition';
  constructor(
    readonly from: string,
    readonly action: string,
  ) {
    super(`A case in status '${from}' cannot ${action}`);
  }
}

/** Someone changed the case between our read and our write; the caller may retry. */
export class ConcurrentUpdateError extends DomainError {
  readonly code = 'concurrent_update';
  constructor(readonly caseId: string) {
    super(`Case ${caseId} was changed by someone else; reload and try again`);
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'idempotency_key_reused';
  constructor() {
    super('This Idempotency-Key was already used with a different request body', 'Idempotency-Key');
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'unauthenticated';
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
}

/** A routing rule of that id exists already (learned, or in the deployment's configuration). */
export class RoutingRuleConflictError extends DomainError {
  readonly code = 'routing_rule_conflict';
}

export class RoutingRuleNotFoundError extends DomainError {
  readonly code = 'routing_rule_not_found';
  constructor(readonly ruleId: string) {
    super(`No learned routing rule with id ${ruleId}`, 'id');
  }
}
