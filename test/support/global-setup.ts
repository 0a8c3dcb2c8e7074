// Starts the whole local system once for the test run — the same startLocalSystem() that
// `npm start` uses — on free loopback ports, in memory, and stops it afterwards.
import type { TestProject } from 'vitest/node';
import { LOCAL_AUDIENCE } from '../../local/dev-issuer.ts';
import { type LocalSystem, startLocalSystem } from '../../local/local-system.ts';
import { DEFAULT_ACK_LIMITS } from '../../shared/domain/mail-policy.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    local: {
      api: string;
      dynamodb: string;
      sqs: string;
      ses: string;
      smtp: { host: string; port: number };
      /** The local Lambda Invoke API (POST /2015-03-31/functions/{name}/invocations). */
      lambda: string;
      tableName: string;
      rawMailBucket: string;
      queues: Record<string, { url: string; dlqUrl: string; arn: string }>;
      failedEvents: Record<string, { url: string; arn: string }>;
      agentTokens: Record<'level1' | 'level2' | 'level3' | 'level4' | 'admin' | 'levelsOnly', string>;
      /** Correctly signed by the local issuer's key, and wrong in exactly one way each. */
      flawedTokens: Record<string, string>;
      routes: Array<{ method: string; path: string; functionName: string; access: { kind: string } }>;
      served: {
        queues: Array<{ functionName: string; queue: string; batchSize: number }>;
        schedules: string[];
        inboundMail: string[];
        mailEvents: string[];
      };
      functions: string[];
      dynamodbPid: number;
      env: Record<string, string>;
    };
  }
}

let system: LocalSystem | undefined;

export async function setup(project: TestProject) {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const lines: string[] = [];
  system = await startLocalSystem({
    visibilityTimeoutSeconds: 2,
    // Every test calls from 127.0.0.1, so the per-source limit would soon withhold the suite's
    // acknowledgements; test/e2e/relay-protection.test.ts runs a system with the defaults.
    ackLimits: { ...DEFAULT_ACK_LIMITS, perSourceIp: { max: 1_000_000, windowMinutes: 60 } },
    // The sweep runs when a test fires it, not on a timer.
    scheduleIntervalMs: 24 * 60 * 60_000,
    log: (line) => {
      lines.push(line);
      if (process.env.TIERDESK_TEST_LOG) console.log(line);
    },
  });
  const token = (level: number) =>
    system?.issueToken({ subject: `agent-l${level}`, roles: ['agent'], levels: [level] }) as Promise<string>;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) =>
      /^(AWS_|TABLE_NAME|RAW_MAIL|MAIL_|ACK_LIMITS|INTAKE_|PUBLIC_BASE|JWT_|JWKS|[A-Z0-9]+_QUEUE_URL)/.test(
        k,
      ),
    ),
  ) as Record<string, string>;
  project.provide('local', {
    api: system.urls.api,
    dynamodb: system.urls.dynamodb,
    sqs: system.urls.sqs,
    ses: system.urls.ses,
    smtp: system.urls.smtp,
    lambda: system.urls.lambda,
    tableName: system.names.table,
    rawMailBucket: system.names.rawMailBucket,
    queues: system.queues,
    failedEvents: system.failedEvents,
    agentTokens: {
      level1: await token(1),
      level2: await token(2),
      level3: await token(3),
      level4: await token(4),
      admin: await system.issueToken({ subject: 'admin', roles: ['admin'], levels: [1, 2, 3, 4] }),
      // Levels but no role group: a valid token that no agent route accepts.
      levelsOnly: await system.issueToken({ subject: 'no-role', roles: [], levels: [1, 2, 3, 4] }),
    },
    flawedTokens: await flawedTokens(system),
    routes: system.routes,
    served: system.served,
    functions: system.functions,
    dynamodbPid: system.pids.dynamodb ?? 0,
    env,
  });
}

async function flawedTokens(system: LocalSystem): Promise<Record<string, string>> {
  const agent = {
    'cognito:groups': ['admin', 'level-1', 'level-2', 'level-3', 'level-4'],
    client_id: LOCAL_AUDIENCE,
    token_use: 'access',
  };
  const sign = system.signToken;
  return {
    expired: await sign({ payload: agent, subject: 'a', expiresIn: Math.floor(Date.now() / 1000) - 3600 }),
    'without expiry': await sign({ payload: agent, subject: 'a' }),
    'without subject': await sign({ payload: agent, expiresIn: '1h' }),
    'an ID token': await sign({
      payload: { ...agent, token_use: 'id', aud: LOCAL_AUDIENCE },
      subject: 'a',
      expiresIn: '1h',
    }),
    'for another app': await sign({
      payload: { ...agent, client_id: 'another-app' },
      subject: 'a',
      expiresIn: '1h',
    }),
    'from another issuer': await sign({
      payload: agent,
      subject: 'a',
      issuer: 'https://evil.example/issuer',
      expiresIn: '1h',
    }),
  };
}

export async function teardown() {
  await system?.stop();
}
