// Starts the whole local system once for the test run — the same startLocalSystem() that
// `npm start` uses — on free loopback ports, in memory, and stops it afterwards.
import type { TestProject } from 'vitest/node';
import { type LocalSystem, startLocalSystem } from '../../local/local-system.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    local: {
      api: string;
      dynamodb: string;
      sqs: string;
      ses: string;
      smtp: { host: string; port: number };
      tableName: string;
      rawMailBucket: string;
      queues: Record<string, { url: string; dlqUrl: string; arn: string }>;
      agentTokens: Record<'level1' | 'level2' | 'level3' | 'level4' | 'admin', string>;
      routes: Array<{ method: string; path: string; functionName: string; access: { kind: string } }>;
      served: {
        queues: Array<{ functionName: string; queue: string; batchSize: number }>;
        schedules: string[];
        inboundMail: string[];
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
      /^(AWS_|TABLE_NAME|RAW_MAIL|MAIL_FROM|PUBLIC_BASE|JWT_|JWKS|[A-Z0-9]+_QUEUE_URL)/.test(k),
    ),
  ) as Record<string, string>;
  project.provide('local', {
    api: system.urls.api,
    dynamodb: system.urls.dynamodb,
    sqs: system.urls.sqs,
    ses: system.urls.ses,
    smtp: system.urls.smtp,
    tableName: system.names.table,
    rawMailBucket: system.names.rawMailBucket,
    queues: system.queues,
    agentTokens: {
      level1: await token(1),
      level2: await token(2),
      level3: await token(3),
      level4: await token(4),
      admin: await system.issueToken({ subject: 'admin', roles: ['admin'], levels: [1, 2, 3, 4] }),
    },
    routes: system.routes,
    served: system.served,
    functions: system.functions,
    dynamodbPid: system.pids.dynamodb ?? 0,
    env,
  });
}

export async function teardown() {
  await system?.stop();
}
