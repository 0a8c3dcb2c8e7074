// The whole of tierdesk on one machine: real AWS-protocol servers in place of AWS, and the
// same handler code, wired from the same declaration (shared/declaration) as the CDK stack.
// `npm start` runs it; the test suites start it on free ports and stop it afterwards.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  ENV,
  FUNCTION_TIMEOUT_SECONDS,
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  INBOUND_MAIL_FAILURES,
  type IntakeAccess,
  MAIL_EVENT_FAILURES,
  QUEUES,
  type QueueName,
} from '../shared/declaration/index.ts';
import { type AckLimits, DEFAULT_ACK_LIMITS } from '../shared/domain/mail-policy.ts';
import { type LocalRoute, startApiGateway } from './api-gateway.ts';
import { asyncInvoker } from './async-invoke.ts';
import {
  issueAgentToken,
  jwks,
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  loadOrCreateKey,
  signDevToken,
} from './dev-issuer.ts';
import type { LambdaHandler } from './lambda-context.ts';
import { type InvocableFunction, startLambdaInvokeApi } from './lambda-invoke-api.ts';
import {
  type ProvisionedQueue,
  provisionBucket,
  provisionFailedEventsQueue,
  provisionQueues,
  provisionTable,
} from './provision.ts';
import { QueuePoller } from './queue-poller.ts';
import { startSchedule } from './scheduler.ts';
import { startDynamoDbLocal } from './servers/dynamodb-local.ts';
import { portsOrFree } from './servers/free-port.ts';
import { startSesEmulator } from './servers/ses-emulator.ts';
import { startSqsS3Emulator } from './servers/sqs-s3-emulator.ts';
import { startSmtpIntake } from './smtp-intake.ts';

export type LocalSystemOptions = {
  /** Where data survives restarts; without it everything lives in memory (tests). */
  dataDir?: string;
  ports?: { api?: number; dynamodb?: number; sqs?: number; ses?: number; smtp?: number; lambda?: number };
  /** Acknowledgement rate limits; ACK_LIMITS in the environment, else the defaults. */
  ackLimits?: AckLimits;
  /** Who may open a case; INTAKE_ACCESS in the environment, else anyone. */
  intakeAccess?: IntakeAccess;
  /** Concurrent batches per queue consumer (Lambda starts with five pollers a queue). */
  queueConcurrency?: number;
  /** Tests shorten the visibility timeout to watch retries and redrive in seconds. */
  visibilityTimeoutSeconds?: number;
  scheduleIntervalMs?: number;
  mailDomain?: string;
  log?: (line: string) => void;
};

export type LocalSystem = Awaited<ReturnType<typeof startLocalSystem>>;

const REGION = 'us-east-1';
const QUEUE_CONCURRENCY = 2;
export const devIssuerKeyFile = (dataDir: string) => join(dataDir, 'dev-issuer-key.json');
const ROOT = join(import.meta.dirname, '..');

export async function startLocalSystem(options: LocalSystemOptions = {}) {
  const log = options.log ?? ((line: string) => console.log(line));
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        log(`stop: ${(error as Error).message}`);
      }
    }
    stops.length = 0;
  };
  try {
    return await start(options, log, stops, stopAll);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function start(
  options: LocalSystemOptions,
  log: (line: string) => void,
  stops: Array<() => Promise<void>>,
  stopAll: () => Promise<void>,
) {
  const dataDir = options.dataDir;
  const [apiPort, dynamoPort, sqsPort, sesPort, smtpPort, lambdaPort] = (await portsOrFree([
    options.ports?.api,
    options.ports?.dynamodb,
    options.ports?.sqs,
    options.ports?.ses,
    options.ports?.smtp,
    options.ports?.lambda,
  ])) as [number, number, number, number, number, number];

  // Started side by side; whichever did start is stopped again if another fails, so a busy
  // port never leaves a DynamoDB Local JVM behind.
  const started = await Promise.allSettled([
    startDynamoDbLocal({
      port: dynamoPort,
      portChosenForUs: !(options.ports?.dynamodb && options.ports.dynamodb > 0),
      ...(dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {}),
    }),
    startSqsS3Emulator({ port: sqsPort, ...(dataDir ? { dataDir: join(dataDir, 'sqs-s3') } : {}) }),
    startSesEmulator({ port: sesPort }),
  ]);
  for (const result of started) if (result.status === 'fulfilled') stops.push(result.value.stop);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  const [dynamo, sqsS3, ses] = started.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
    Awaited<ReturnType<typeof startDynamoDbLocal>>,
    Awaited<ReturnType<typeof startSqsS3Emulator>>,
    Awaited<ReturnType<typeof startSesEmulator>>,
  ];

  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const dynamoClient = new DynamoDBClient({ endpoint: dynamo.endpoint, region: REGION, credentials });
  const sqs = new SQSClient({
    endpoint: sqsS3.endpoint,
    region: REGION,
    credentials,
    useQueueUrlAsEndpoint: false,
  });
  const s3 = new S3Client({ endpoint: sqsS3.endpoint, region: REGION, credentials, forcePathStyle: true });
  stops.push(async () => {
    dynamoClient.destroy();
    sqs.destroy();
    s3.destroy();
  });

  const names = { table: 'tierdesk-cases', rawMailBucket: 'tierdesk-raw-mail', queuePrefix: 'tierdesk-' };
  await provisionTable(dynamoClient, names.table);
  const queues = await provisionQueues(sqs, names.queuePrefix);
  const inboundMailFailures = await provisionFailedEventsQueue(
    sqs,
    `${names.queuePrefix}${INBOUND_MAIL_FAILURES}`,
  );
  const mailEventFailures = await provisionFailedEventsQueue(
    sqs,
    `${names.queuePrefix}${MAIL_EVENT_FAILURES}`,
  );
  await provisionBucket(s3, names.rawMailBucket);

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const mailDomain = options.mailDomain ?? 'tierdesk.localhost';
  const issuerKey = await loadOrCreateKey(dataDir ? devIssuerKeyFile(dataDir) : undefined);

  // The environment the declaration promises each function (infra sets the same names).
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SQS: sqsS3.endpoint,
    AWS_ENDPOINT_URL_S3: sqsS3.endpoint,
    AWS_ENDPOINT_URL_SESV2: ses.endpoint,
    [ENV.table]: names.table,
    [ENV.rawMailBucket]: names.rawMailBucket,
    [ENV.mailFrom]: `tierdesk <support@${mailDomain}>`,
    [ENV.mailConfigurationSet]: 'tierdesk-local-mail',
    [ENV.intakeAccess]: options.intakeAccess ?? process.env[ENV.intakeAccess] ?? 'public',
    [ENV.ackLimits]: options.ackLimits
      ? JSON.stringify(options.ackLimits)
      : (process.env[ENV.ackLimits] ?? JSON.stringify(DEFAULT_ACK_LIMITS)),
    [ENV.publicBaseUrl]: apiUrl,
    [ENV.jwtIssuer]: LOCAL_ISSUER,
    [ENV.jwtAudience]: LOCAL_AUDIENCE,
    [ENV.jwksUrl]: `${apiUrl}/.well-known/jwks.json`,
    HEALTH_PROBES: JSON.stringify([
      { name: 'api', address: apiUrl, probe: { tcp: { host: '127.0.0.1', port: apiPort } } },
      { name: 'dynamodb', address: dynamo.endpoint, probe: { http: dynamo.endpoint } },
      { name: 'sqs', address: sqsS3.endpoint, probe: { http: `${sqsS3.endpoint}/health` } },
      { name: 'ses', address: `${ses.endpoint}/`, probe: { http: `${ses.endpoint}/health-check` } },
      {
        name: 'smtp',
        address: `127.0.0.1:${smtpPort}`,
        probe: { tcp: { host: '127.0.0.1', port: smtpPort } },
      },
      {
        name: 'lambda',
        address: `http://127.0.0.1:${lambdaPort}`,
        probe: { tcp: { host: '127.0.0.1', port: lambdaPort } },
      },
    ]),
    ...Object.fromEntries(
      Object.entries(queues).map(([name, q]) => [ENV.queueUrl(name as QueueName), q.url]),
    ),
  });

  const handlers = await loadHandlers();
  const routes: LocalRoute[] = [];
  const pollers: QueuePoller[] = [];
  const served = {
    queues: [] as Array<{ functionName: FunctionName; queue: QueueName; batchSize: number }>,
    schedules: [] as FunctionName[],
    inboundMail: [] as FunctionName[],
    mailEvents: [] as FunctionName[],
  };
  const invocable: Record<string, InvocableFunction> = {};
  let schedule: ReturnType<typeof startSchedule> | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpIntake>> | undefined;

  for (const [name, spec] of Object.entries(FUNCTIONS) as Array<[FunctionName, FunctionSpec]>) {
    const handler = handlers[name];
    const timeoutSeconds = spec.timeoutSeconds ?? FUNCTION_TIMEOUT_SECONDS;
    const trigger = spec.trigger;
    invocable[name] = { handler, timeoutSeconds };
    if (trigger.kind === 'http') {
      for (const route of trigger.routes)
        routes.push({ ...route, functionName: name, handler, timeoutSeconds });
    } else if (trigger.kind === 'queue') {
      const queue = queues[trigger.queue];
      served.queues.push({
        functionName: name,
        queue: trigger.queue,
        batchSize: QUEUES[trigger.queue].batchSize,
      });
      // Lambda runs several batches of one queue at once; so does the local runtime, so a race
      // between two workers of one case shows here as it would in AWS.
      for (let poller = 0; poller < (options.queueConcurrency ?? QUEUE_CONCURRENCY); poller++) {
        pollers.push(
          new QueuePoller({
            client: sqs,
            queueUrl: queue.url,
            queueArn: queue.arn,
            functionName: name,
            handler,
            batchSize: QUEUES[trigger.queue].batchSize,
            visibilityTimeoutSeconds:
              options.visibilityTimeoutSeconds ?? QUEUES[trigger.queue].visibilityTimeoutSeconds,
            timeoutSeconds,
            log,
          }),
        );
      }
    } else if (trigger.kind === 'schedule') {
      served.schedules.push(name);
      schedule = startSchedule({
        functionName: name,
        handler,
        intervalMs: options.scheduleIntervalMs ?? trigger.everyMinutes * 60_000,
        timeoutSeconds,
        log,
      });
    } else if (trigger.kind === 'mail-events') {
      // SES publishes bounces and complaints to EventBridge, which invokes asynchronously. No
      // local mail bounces; `aws lambda invoke --invocation-type Event` replays SES's event.
      served.mailEvents.push(name);
      invocable[name] = {
        handler,
        timeoutSeconds,
        async: asyncInvoker({
          functionName: name,
          handler,
          timeoutSeconds,
          failures: { sqs, queueUrl: mailEventFailures.url },
          log,
        }),
      };
    } else {
      served.inboundMail.push(name);
      smtp = await startSmtpIntake({
        port: smtpPort,
        s3,
        bucket: names.rawMailBucket,
        recipients: [`support@${mailDomain}`],
        failures: { sqs, queueUrl: inboundMailFailures.url },
        handler,
        timeoutSeconds,
        log,
      });
      // An Event invocation through the Invoke API takes the same asynchronous path as SES's.
      invocable[name] = { handler, timeoutSeconds, async: smtp.invoker };
      stops.push(smtp.stop);
    }
  }
  stops.push(async () => {
    await Promise.all(pollers.map((p) => p.stop()));
  });
  if (schedule) stops.push(schedule.stop);

  const lambda = await startLambdaInvokeApi({ port: lambdaPort, functions: invocable, log });
  stops.push(lambda.stop);
  stops.push(async () => {
    await Promise.all(Object.values(invocable).map((fn) => fn.async?.settled()));
  });

  const api = await startApiGateway({
    port: apiPort,
    routes,
    log,
    extra: [{ path: '/.well-known/jwks.json', respond: () => ({ statusCode: 200, body: jwks(issuerKey) }) }],
  });
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        api.server.closeAllConnections();
        api.server.close(() => resolve());
      }),
  );

  return {
    urls: {
      api: api.url,
      dynamodb: dynamo.endpoint,
      sqs: sqsS3.endpoint,
      s3: sqsS3.endpoint,
      sesViewer: `${ses.endpoint}/`,
      ses: ses.endpoint,
      smtp: { host: '127.0.0.1', port: smtp?.port ?? smtpPort },
      lambda: lambda.url,
    },
    pids: { dynamodb: dynamo.pid },
    names,
    queues: queues as Record<QueueName, ProvisionedQueue>,
    /** Lambda on-failure destinations, by the name infra tags them with. */
    failedEvents: { [INBOUND_MAIL_FAILURES]: inboundMailFailures, [MAIL_EVENT_FAILURES]: mailEventFailures },
    routes: routes.map(({ method, path, functionName, access }) => ({ method, path, functionName, access })),
    /** What the runtime serves, besides routes: compared with the CDK template by a test. */
    served,
    functions: Object.keys(handlers) as FunctionName[],
    schedule,
    smtp,
    issueToken: (claims: Parameters<typeof issueAgentToken>[1]) => issueAgentToken(issuerKey, claims),
    signToken: (options: Parameters<typeof signDevToken>[1]) => signDevToken(issuerKey, options),
    stop: stopAll,
  };
}

/**
 * Imports each function's handler as its own module instance (a query string per function),
 * as Lambda gives each function its own runtime — the level workers share an entry file and
 * differ only in SUPPORT_LEVEL, read at import.
 */
async function loadHandlers(): Promise<Record<FunctionName, LambdaHandler>> {
  const handlers = {} as Record<FunctionName, LambdaHandler>;
  for (const [name, spec] of Object.entries(FUNCTIONS) as Array<[FunctionName, FunctionSpec]>) {
    const saved = { ...process.env };
    Object.assign(process.env, spec.environment ?? {});
    try {
      const module = (await import(`${pathToFileURL(join(ROOT, spec.entry)).href}?function=${name}`)) as {
        handler?: LambdaHandler;
      };
      if (typeof module.handler !== 'function') throw new Error(`${spec.entry} exports no handler`);
      handlers[name] = module.handler;
    } finally {
      for (const key of Object.keys(spec.environment ?? {})) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  }
  return handlers;
}
