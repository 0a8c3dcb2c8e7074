// Plays API Gateway (HTTP API, payload format 2.0): matches the declared routes, builds
// events of the real shape, invokes the function and writes its answer. Like API Gateway,
// it does not know the route's access rule beyond passing the Authorization header on —
// the function decides (see shared/http/caller.ts).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  CORS,
  type FunctionName,
  type RouteSpec,
  routeKeyOf,
  routePathPattern,
} from '../shared/declaration/index.ts';
import { type LambdaHandler, lambdaContext } from './lambda-context.ts';

export type LocalRoute = RouteSpec & {
  functionName: FunctionName;
  handler: LambdaHandler;
  timeoutSeconds: number;
};
export type ExtraEndpoint = { path: string; respond: () => { statusCode: number; body: unknown } };

/** API Gateway's payload limit is 10 MB; a support request never needs a tenth of it. */
const MAX_BODY_BYTES = 1024 * 1024;

type Compiled = LocalRoute & { pattern: RegExp; names: string[] };

function compileRoute(route: LocalRoute): Compiled {
  return { ...route, ...routePathPattern(route.path) };
}

export function startApiGateway(options: {
  port: number;
  routes: LocalRoute[];
  extra?: ExtraEndpoint[];
  log?: (line: string) => void;
}): Promise<{ server: Server; url: string; port: number }> {
  const routes = options.routes.map(compileRoute);
  const server = createServer((req, res) => {
    handle(req, res, routes, options.extra ?? [], options.log).catch((error) => {
      options.log?.(`api: ${(error as Error).stack}`);
      if (!res.headersSent)
        send(res, 500, { error: { code: 'internal_error', message: 'The local gateway failed' } });
    });
  });
  // Requests Node cannot even parse (oversized headers, broken HTTP) still get a JSON answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({
      error: tooLarge
        ? { code: 'headers_too_large', message: 'The request line or headers are too large' }
        : { code: 'bad_request', message: 'The request is not valid HTTP' },
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  // Support cases are small; a slow or stuck client must not hold a socket forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({ server, url: `http://127.0.0.1:${port}`, port });
    });
  });
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  routes: Compiled[],
  extra: ExtraEndpoint[],
  log?: (line: string) => void,
) {
  const url = new URL(req.url ?? '/', 'http://local');
  const method = (req.method ?? 'GET').toUpperCase();
  // API Gateway's CORS: it answers preflights itself and adds the headers to every answer.
  if (req.headers.origin) {
    for (const [name, value] of Object.entries(corsHeaders())) res.setHeader(name, value);
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, preflightHeaders());
      return res.end();
    }
  }
  const endpoint = extra.find((e) => e.path === url.pathname && method === 'GET');
  if (endpoint) {
    const answer = endpoint.respond();
    return send(res, answer.statusCode, answer.body);
  }
  // Like API Gateway: the declared route, else the `$default` catch-all (which answers 404 or
  // 405 in our shape), else API Gateway's own Not Found.
  const route =
    routes.find((r) => r.method === method && r.pattern.test(url.pathname)) ??
    routes.find((r) => r.path === '$default');
  if (!route) return send(res, 404, { message: 'Not Found' });
  const body = await readBody(req);
  if (body === 'too-large') {
    return send(res, 413, {
      error: { code: 'body_too_large', message: `The body may hold at most ${MAX_BODY_BYTES} bytes` },
    });
  }
  const values = decodePathValues(route.pattern.exec(url.pathname)?.slice(1) ?? []);
  if (!values) {
    return send(res, 400, {
      error: { code: 'bad_request', message: `The path ${url.pathname} is not valid percent-encoding` },
    });
  }
  const event = toEvent(req, url, method, route, values, body);
  const started = Date.now();
  let result: APIGatewayProxyStructuredResultV2;
  try {
    result = (await route.handler(
      event,
      lambdaContext(route.functionName, route.timeoutSeconds),
    )) as APIGatewayProxyStructuredResultV2;
  } catch (error) {
    // What API Gateway does when the function itself fails: a 500 that reveals nothing.
    log?.(`${route.functionName} failed: ${(error as Error).stack}`);
    return send(res, 500, { error: { code: 'internal_error', message: 'Internal Server Error' } });
  }
  log?.(
    `${method} ${url.pathname} → ${result.statusCode} (${route.functionName}, ${Date.now() - started} ms)`,
  );
  res.writeHead(result.statusCode ?? 200, { ...(result.headers as Record<string, string>) });
  res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
}

function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': CORS.allowOrigins.join(','),
    'access-control-expose-headers': CORS.exposeHeaders.join(',').toLowerCase(),
  };
}

function preflightHeaders(): Record<string, string> {
  return {
    'access-control-allow-methods': CORS.allowMethods.join(','),
    'access-control-allow-headers': CORS.allowHeaders.join(',').toLowerCase(),
    'access-control-max-age': String(CORS.maxAgeSeconds),
  };
}

/** Path parameters as API Gateway passes them: decoded; undefined when the encoding is broken. */
function decodePathValues(values: string[]): string[] | undefined {
  try {
    return values.map((value) => decodeURIComponent(value));
  } catch {
    return undefined;
  }
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  route: Compiled,
  values: string[],
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const pathParameters = Object.fromEntries(route.names.map((name, i) => [name, values[i] ?? '']));
  const routeKey = routeKeyOf(route);
  const now = new Date();
  const text = body.toString('utf8');
  // API Gateway base64-encodes bodies that are not valid UTF-8 text.
  const isText = Buffer.from(text, 'utf8').equals(body);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(route.names.length ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: isText ? text : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, statusCode: number, body: unknown) {
  res.writeHead(statusCode, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
