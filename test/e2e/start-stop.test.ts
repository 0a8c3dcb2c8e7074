// `npm start` as a newcomer runs it: the desk comes up on the printed ports, keeps its data
// across a restart, accepts a token from `npm run token`, and SIGTERM leaves no Java behind.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePorts } from '../../local/servers/free-port.ts';
import { asEnv, localPorts, spawnNpmStart, startDesk, stopDesk } from '../support/npm-start.ts';

const ROOT = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'tierdesk-start-'));

function javaPids(dynamoPort: number): number[] {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLocal.jar -port ${dynamoPort} `], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  it('serves, persists across a restart, and stops every child on SIGTERM', async () => {
    // Each start on ports chosen all at once (distinct), just before it: data must survive a
    // restart whatever the ports.
    const firstPorts = await localPorts();
    const first = await startDesk({ TIERDESK_DATA_DIR: dataDir, ...asEnv(firstPorts) });
    expect(first.api).toBe(`http://127.0.0.1:${firstPorts.PORT}`);
    expect(first.output()).toContain(`127.0.0.1:${firstPorts.SMTP_PORT}`);
    expect(first.output()).toContain(`http://127.0.0.1:${firstPorts.SES_PORT}/`);
    const created = await fetch(`${first.api}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        customer: { name: 'Ada', email: 'ada@example.com' },
        problem: { subject: 'Kept?', description: 'Does my case survive a restart?' },
      }),
    }).then((r) => r.json() as Promise<{ id: string; reference: string }>);
    expect(created.id).toBeDefined();
    expect(javaPids(firstPorts.DYNAMODB_PORT)).toHaveLength(1);
    expect(await stopDesk(first.child)).toBe(0);
    expect(javaPids(firstPorts.DYNAMODB_PORT)).toEqual([]);

    const secondPorts = await localPorts();
    const second = await startDesk({ TIERDESK_DATA_DIR: dataDir, ...asEnv(secondPorts) });
    try {
      const token = execFileSync(
        'npm',
        ['run', '--silent', 'token', '--', '--role', 'agent', '--levels', '1'],
        {
          cwd: ROOT,
          env: { ...process.env, TIERDESK_DATA_DIR: dataDir },
          encoding: 'utf8',
        },
      ).trim();
      const read = await fetch(`${second.api}/cases/${created.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { reference: string }).reference).toBe(created.reference);
    } finally {
      expect(await stopDesk(second.child)).toBe(0);
    }
    expect(javaPids(secondPorts.DYNAMODB_PORT)).toEqual([]);
  }, 120_000);

  it('refuses to start on a busy port, says which, and leaves no Java behind', async () => {
    const busy = createServer(() => undefined);
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const sesPort = (busy.address() as AddressInfo).port;
    const [dynamoPort, apiPort] = (await freePorts(2)) as [number, number];
    try {
      const { child, output } = spawnNpmStart({
        TIERDESK_DATA_DIR: dataDir,
        PORT: String(apiPort),
        DYNAMODB_PORT: String(dynamoPort),
        SQS_PORT: '0',
        SES_PORT: String(sesPort),
        SMTP_PORT: '0',
        LAMBDA_PORT: '0',
      });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(output()).toContain(`127.0.0.1:${sesPort}`);
      expect(output()).toContain('SES_PORT');
      expect(output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
      expect(javaPids(dynamoPort)).toEqual([]);
    } finally {
      busy.close();
    }
  }, 120_000);

  it('refuses to start on a broken configuration folder, naming file and field, before any server', async () => {
    const config = join(dataDir, 'broken-config');
    cpSync(join(ROOT, 'config/default'), config, { recursive: true });
    writeFileSync(
      join(config, 'sla-policy.json'),
      readFileSync(join(ROOT, 'config/default/sla-policy.json'), 'utf8').replace(
        '"warningShare": 0.75',
        '"warningShare": 7',
      ),
    );
    const [dynamoPort] = (await freePorts(1)) as [number];
    const { child, output } = spawnNpmStart({
      TIERDESK_DATA_DIR: dataDir,
      TIERDESK_CONFIG_DIR: config,
      DYNAMODB_PORT: String(dynamoPort),
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output()).toMatch(/sla-policy\.json: warningShare: /);
    expect(output()).not.toMatch(/\n\s+at /);
    expect(output()).not.toContain('API ');
    expect(javaPids(dynamoPort)).toEqual([]);
  }, 60_000);
});
