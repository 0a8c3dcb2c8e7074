// What every case action route shares: the case id and caller, an optional Idempotency-Key
// (bound to this route and body, so a key reused for another request is refused), and the
// answer in the caller's view of the case.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { SupportCase } from '../domain/support-case.ts';
import { type ActRequest, type ActResult, authorizeCaseAction } from '../use-cases/act-on-case.ts';
import { actionOutcomeView, agentView } from '../use-cases/case-access.ts';
import type { CaseStore } from '../use-cases/ports.ts';
import { HttpProblem } from './api-error.ts';
import { type HttpAnswer, type HttpRequest, parseBody, type RouteHandler } from './http-function.ts';
import { LadderCasePath } from './ladder-schemas.ts';

/**
 * The action's request, with the case already loaded for the caller: a foreign or forged
 * credential is refused (401, 403, 404) before the body is read, as on every customer route.
 */
export async function actRequestOf(request: HttpRequest, store: CaseStore): Promise<ActRequest> {
  const { id } = LadderCasePath.parse(request.pathParameters);
  return authorizeCaseAction(store, { caller: request.caller, caseId: id, ...idempotencyOf(request) });
}

/** The client's Idempotency-Key, with a hash of what it asked, or nothing. */
export function idempotencyOf(request: HttpRequest): Pick<ActRequest, 'idempotency'> {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return {};
  if (key.length < 1 || key.length > 255)
    throw new HttpProblem(
      400,
      'invalid_idempotency_key',
      'Idempotency-Key must be 1 to 255 characters',
      'Idempotency-Key',
    );
  const requestHash = createHash('sha256')
    .update(`${request.event.routeKey}\n${request.event.body ?? ''}`)
    .digest('base64url');
  return { idempotency: { key, requestHash } };
}

/**
 * A case action route: who may touch the case is settled first (actRequestOf), then the body is
 * parsed with the route's schema, the use case runs, and the answer is the caller's view.
 */
export function caseActionRoute<S extends z.ZodType, D>(
  deps: D & { store: CaseStore },
  schema: S,
  run: (deps: D & { store: CaseStore }, request: ActRequest, body: z.output<S>) => Promise<ActResult>,
): RouteHandler {
  return async (request) => {
    const act = await actRequestOf(request, deps.store);
    return caseAnswer(request, await run(deps, act, parseBody(request, schema)));
  };
}

/** The case as the caller may see it; a replay says so in a header, as POST /cases does. */
export function caseAnswer(request: HttpRequest, result: ActResult): HttpAnswer {
  return {
    statusCode: 200,
    body: viewFor(request, result.case),
    ...(result.replayed ? { headers: { 'idempotent-replayed': 'true' } } : {}),
  };
}

/**
 * An agent sees the case; a customer's action is answered with its outcome only (the page reads
 * the case again with GET /cases/{id}, which decides what this token may see: the holder of a
 * mailed link sees nothing the caller wrote until the address is confirmed).
 */
function viewFor(request: HttpRequest, c: SupportCase) {
  return request.caller.kind === 'agent' ? agentView(c) : actionOutcomeView(c);
}
