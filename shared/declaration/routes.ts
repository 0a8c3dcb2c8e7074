// How routes are keyed and matched, and which environment a function needs: derived from the
// declaration, so API Gateway, the local gateway and every handler agree.

import { FUNCTIONS, type FunctionName } from './functions.ts';
import type { FunctionSpec, RouteSpec } from './model.ts';
import { ENV } from './resources.ts';

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
