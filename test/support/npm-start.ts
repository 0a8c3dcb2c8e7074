// `npm start` as a newcomer runs it, through npm itself (a signal to npm must reach every
// child), on ports chosen all at once, for the tests that check the command itself.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePorts } from '../../local/servers/free-port.ts';

const ROOT = join(import.meta.dirname, '../..');
const API_LINE = /API\s+(http:\/\/127\.0\.0\.1:\d+)/;

export type LocalPorts = Record<
  'PORT' | 'DYNAMODB_PORT' | 'SQS_PORT' | 'SES_PORT' | 'SMTP_PORT' | 'LAMBDA_PORT',
  number
>;

/** Six distinct ports free now, under the names `npm start` reads. */
export async function localPorts(): Promise<LocalPorts> {
  const [PORT, DYNAMODB_PORT, SQS_PORT, SES_PORT, SMTP_PORT, LAMBDA_PORT] = (await freePorts(6)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { PORT, DYNAMODB_PORT, SQS_PORT, SES_PORT, SMTP_PORT, LAMBDA_PORT };
}

export const asEnv = (ports: Partial<LocalPorts>): Record<string, string> =>
  Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)]));

/** Spawns `npm start`; `output()` is everything it printed so far. */
export function spawnNpmStart(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk) => {
      output += chunk.toString();
    });
  }
  return { child, output: () => output };
}

/** `npm start` until it prints its API address (60 s at most). */
export async function startDesk(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; api: string; output: () => string }> {
  const { child, output } = spawnNpmStart(env);
  const deadline = Date.now() + 60_000;
  while (!API_LINE.test(output())) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${output()}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up: ${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, api: API_LINE.exec(output())?.[1] as string, output };
}

/** SIGTERM, and the exit code. */
export async function stopDesk(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}
