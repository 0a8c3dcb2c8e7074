// Lambda's Invoke API for every declared function, as `sam local start-lambda` serves it:
// `aws lambda invoke --endpoint-url http://127.0.0.1:<port> --function-name slaTimer --payload …`
// replays any event (a Scheduled Event, an SES bounce) through the function's own entry point.
// RequestResponse answers the function's result (or `X-Amz-Function-Error` and the error);
// Event answers 202 and runs it — with Lambda's asynchronous retries and on-failure queue for
// the functions AWS invokes so (emailIntake, mailEvents); DryRun answers 204 and runs nothing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AsyncInvoker } from './async-invoke.ts';
import { type LambdaHandler, lambdaContext } from './lambda-context.ts';

export type InvocableFunction = { handler: LambdaHandler; timeoutSeconds: number; async?: AsyncInvoker };

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

export async function startLambdaInvokeApi(options: {
  port: number;
  functions: Record<string, InvocableFunction>;
  log: (line: string) => void;
}) {
  const server = createServer((req, res) => {
    handle(req, res, options.functions).catch((error: Error) => {
      options.log(`lambda invoke api: ${error.message}`);
      if (!res.headersSent)
        reply(res, 500, { Type: 'Service', message: 'The local runtime failed' }, 'ServiceException');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  functions: Record<string, InvocableFunction>,
) {
  // A web page the developer has open must not invoke functions: browsers name their origin,
  // the AWS CLI and SDKs never do.
  if (req.headers.origin !== undefined) {
    return reply(res, 403, { Type: 'User', message: 'Not for browsers' }, 'AccessDeniedException');
  }
  const name = INVOKE_PATH.exec((req.url ?? '').split('?')[0] ?? '')?.[1];
  if (req.method !== 'POST' || !name) {
    return reply(
      res,
      404,
      { Type: 'User', message: 'Only POST /2015-03-31/functions/{name}/invocations' },
      'ResourceNotFoundException',
    );
  }
  // The CLI may send the name or the whole ARN.
  const functionName = decodeURIComponent(name).split(':').at(-1) ?? '';
  const fn = functions[functionName];
  if (!fn) {
    return reply(
      res,
      404,
      { Type: 'User', message: `Function not found: ${functionName}` },
      'ResourceNotFoundException',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) {
      return reply(
        res,
        413,
        { Type: 'User', message: 'Request payload exceeds 6 MB' },
        'RequestTooLargeException',
      );
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let event: unknown = {};
  try {
    if (text.trim()) event = JSON.parse(text);
  } catch {
    return reply(
      res,
      400,
      { Type: 'User', message: 'Could not parse request body into json' },
      'InvalidRequestContentException',
    );
  }
  const invocationType = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
  // DryRun checks that the caller may invoke, and runs nothing.
  if (invocationType === 'DryRun') {
    res.writeHead(204).end();
    return;
  }
  if (invocationType === 'Event') {
    if (fn.async) fn.async.invoke(event);
    else
      void Promise.resolve(fn.handler(event, lambdaContext(functionName, fn.timeoutSeconds))).catch(
        () => undefined,
      );
    res.writeHead(202).end();
    return;
  }
  try {
    const result = await fn.handler(event, lambdaContext(functionName, fn.timeoutSeconds));
    res.writeHead(200, { 'content-type': 'application/json', 'x-amz-executed-version': '$LATEST' });
    res.end(JSON.stringify(result ?? null));
  } catch (error) {
    res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
    res.end(JSON.stringify({ errorType: (error as Error).name, errorMessage: (error as Error).message }));
  }
}

function reply(res: ServerResponse, status: number, body: unknown, errorType: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': errorType });
  res.end(JSON.stringify(body));
}
