// Done as the issue puts it: on a fresh clone, `TIERDESK_CONFIG_DIR=<the example> npm start`
// routes the example organisation's requests by its own rules, articles and vendors, with
// reasons — the same requests the default configuration routes by generic IT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEnv, localPorts, startDesk, stopDesk } from '../support/npm-start.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tierdesk-example-'));
let desk: Awaited<ReturnType<typeof startDesk>> | undefined;
let api = '';
let output = '';

beforeAll(async () => {
  desk = await startDesk({
    TIERDESK_CONFIG_DIR: 'config/examples/software-vendor',
    TIERDESK_DATA_DIR: dataDir,
    ...asEnv(await localPorts()),
  });
  api = desk.api;
  output = desk.output();
}, 90_000);

afterAll(async () => {
  if (desk) await stopDesk(desk.child);
  rmSync(dataDir, { recursive: true, force: true });
});

type Triage = {
  level: number;
  category: string;
  reasons: string[];
  articles: Array<{ id: string }>;
  vendor?: { id: string };
};

async function triage(subject: string, description: string): Promise<Triage> {
  const response = await fetch(`${api}/triage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject, description }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Triage;
}

describe('npm start with TIERDESK_CONFIG_DIR=config/examples/software-vendor', () => {
  it('says which configuration it runs', () => {
    expect(output).toMatch(/Configuration\s+config\/examples\/software-vendor\s+\(30 routing rules/);
  });

  it('sends a German webhook failure to its experts, citing its rule and the words', async () => {
    const verdict = await triage(
      'Webhooks kommen nicht mehr an',
      'Seit gestern Abend liefert die Ledgerly API keine Webhooks mehr an unseren Shop, alle Aufrufe enden mit Fehler 500.',
    );
    expect(verdict.level).toBe(3);
    expect(verdict.reasons.join('\n')).toMatch(/rule 'webhooks-api-failing': .*\(matched '/);
  });

  it('answers a Spanish how-to with its own article', async () => {
    const verdict = await triage(
      '¿Cómo creo una factura?',
      '¿Cómo creo mi primera factura en Ledgerly Books?',
    );
    expect(verdict.level).toBe(0);
    expect(verdict.articles[0]?.id).toMatch(/invoice/);
  });
});
