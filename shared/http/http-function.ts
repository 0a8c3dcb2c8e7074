// Every HTTP function is the same middy chain — header normaliser, security headers, JSON
// errors last — plus one route table. The route's access rule comes from the declaration
// (shared/declaration): a route that the declaration does not list answers 404.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { type FunctionSpec, type RouteSpec, routeKeyOf } from '../declaration/index.ts';
import { HttpProblem, toHttpError } from './api-error.ts';
import type { Caller, CallerResolver } from './caller.ts';

export type HttpRequest = {
  event: APIGatewayProxyEventV2;
  route: RouteSpec;
  caller: Caller;
  pathParameters: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
};

/**
 * A JSON answer (`body`), a page (`html`) — the customer's case page is the one page — or other
 * text of its own media type (`text`, e.g. a report as CSV).
 */
export type HttpAnswer =
  | { statusCode: number; body: unknown; headers?: Record<string, string> }
  | { statusCode: number; html: string; headers?: Record<string, string> }
  | { statusCode: number; text: string; contentType: string; headers?: Record<string, string> };
export type RouteHandler = (request: HttpRequest) => Promise<HttpAnswer>;

const rootLogger = new Logger({ serviceName: 'tierdesk' });

/**
 * A logger of the function's own. In Lambda each function has its own process anyway; the
 * local runtime runs every function in one process, and a shared logger would stamp one
 * function's log lines with another's Lambda context.
 */
export function functionLogger(): Logger {
  return rootLogger.createChild();
}

const MAX_BODY_BYTES = 256 * 1024;

export type HttpFunctionOptions = {
  /**
   * Replaces the default Content-Security-Policy (made for JSON) on every answer of the
   * function — for a page whose inline script and style are allowed by their hashes.
   */
  contentSecurityPolicy?: string;
};

export function httpFunction(
  spec: FunctionSpec,
  handlers: Record<string, RouteHandler>,
  callers?: CallerResolver,
  options: HttpFunctionOptions = {},
) {
  if (spec.trigger.kind !== 'http') throw new Error(`${spec.entry} is not an HTTP function`);
  const logger = functionLogger();
  const routes = new Map(spec.trigger.routes.map((route) => [routeKeyOf(route), route]));
  for (const key of Object.keys(handlers)) {
    if (!routes.has(key))
      throw new Error(`${spec.entry} handles ${key}, which shared/declaration does not declare`);
  }

  const dispatch = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes.get(event.routeKey);
    const handle = handlers[event.routeKey];
    if (!route || !handle) throw new HttpProblem(404, 'route_not_found', `No route ${event.routeKey}`);
    const headers = lowerCaseHeaders(event.headers);
    if (route.access.kind !== 'public' && !callers)
      throw new Error(`${event.routeKey} needs a CallerResolver`);
    const caller = callers
      ? await callers.resolve(headers.authorization, route.access)
      : { kind: 'anonymous' as const };
    const answer = await handle({
      event,
      route,
      caller,
      headers,
      pathParameters: definedValues(event.pathParameters),
      query: definedValues(event.queryStringParameters),
    });
    logger.info('answered', { route: event.routeKey, statusCode: answer.statusCode, caller: caller.kind });
    if ('html' in answer) return html(answer.statusCode, answer.html, answer.headers);
    if ('text' in answer) return text(answer.statusCode, answer.text, answer.contentType, answer.headers);
    return json(answer.statusCode, answer.body, answer.headers);
  };

  const { contentSecurityPolicy } = options;
  const chain = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpHeaderNormalizer())
    // middy's Permissions-Policy lists ~40 features, many unknown to browsers, each a console
    // warning; JSON answers need none, and the one page sets its own short list (html()).
    .use(
      httpSecurityHeaders({
        permissionsPolicy: false,
        ...(contentSecurityPolicy ? { contentSecurityPolicy: false } : {}),
      }),
    );
  if (contentSecurityPolicy) chain.use(fixedContentSecurityPolicy(contentSecurityPolicy));
  return chain.use(jsonErrors(logger)).handler(dispatch);
}

/** Parses and validates a JSON body; the types come from the schema, never from a cast. */
export function parseBody<S extends z.ZodType>(request: HttpRequest, schema: S): z.output<S> {
  const { event } = request;
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(415, 'unsupported_media_type', 'Send the body as application/json', 'Content-Type');
  }
  const raw = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
    throw new HttpProblem(413, 'body_too_large', `The body may hold at most ${MAX_BODY_BYTES} bytes`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new HttpProblem(400, 'malformed_json', 'The body is not valid JSON');
  }
  const broken = loneSurrogateAt(data);
  if (broken !== undefined) {
    throw new HttpProblem(
      400,
      'malformed_text',
      `${broken || '(body)'}: holds a lone UTF-16 surrogate (a \\uD800-\\uDFFF escape without its pair), which is not text`,
      broken || '(body)',
    );
  }
  return schema.parse(data);
}

/**
 * The path of a string (or key) in a JSON value that holds a lone surrogate: JSON
 * allows `"\\ud800"`, but no UTF-8 store, mail or log can keep it. A loop, not recursion, so
 * a deeply nested body cannot overflow the stack.
 */
function loneSurrogateAt(data: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value: data, path: '' }];
  const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return path;
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) pending.push({ value: item, path: join(path, index) });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (LONE_SURROGATE.test(key)) return path;
        pending.push({ value: item, path: join(path, key) });
      }
    }
  }
  return undefined;
}

const LONE_SURROGATE = /\p{Cs}/u;

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export function text(
  statusCode: number,
  content: string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  return {
    statusCode,
    headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers },
    body: content,
  };
}

export function html(statusCode: number, page: string, headers: Record<string, string> = {}) {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=()',
      ...headers,
    },
    body: page,
  };
}

/** Sets the function's own policy on answers and errors alike (after-hooks run last-used first). */
function fixedContentSecurityPolicy(
  policy: string,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  const set = async (request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>) => {
    if (request.response) {
      request.response.headers = { ...request.response.headers, 'Content-Security-Policy': policy };
    }
  };
  return { after: set, onError: set };
}

function jsonErrors(
  logger: Logger,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const answer = toHttpError(request.error);
      if (answer.expected)
        logger.info('refused', { statusCode: answer.statusCode, code: answer.body.error.code });
      else logger.error('failed', request.error as Error);
      request.response = json(answer.statusCode, answer.body);
    },
  };
}

function lowerCaseHeaders(headers: APIGatewayProxyEventV2['headers'] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (value !== undefined) out[name.toLowerCase()] = value;
  return out;
}

function definedValues(record: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record ?? {})) if (value !== undefined) out[name] = value;
  return out;
}
