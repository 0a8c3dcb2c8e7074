// GET /health — is tierdesk up, and are the parts it depends on? In AWS that is the table;
// on a laptop the local runtime also lists its servers in HEALTH_PROBES (name, address and
// how to probe), so one route reports DynamoDB Local, the SQS emulator, the SES viewer and
// the SMTP intake with their addresses.
import { connect } from 'node:net';
import { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { httpFunction } from '../../shared/http/http-function.ts';

const spec = FUNCTIONS.health;
const wired = wire(spec);
const store = wired.caseStore();

const ProbeSchema = z.array(
  z.object({
    name: z.string(),
    address: z.string(),
    probe: z.union([
      z.object({ http: z.url() }),
      z.object({ tcp: z.object({ host: z.string(), port: z.number() }) }),
    ]),
  }),
);
const probes = ProbeSchema.parse(JSON.parse(process.env.HEALTH_PROBES ?? '[]'));
const PROBE_TIMEOUT_MS = 1500;

type Component = { state: 'up' | 'down'; address?: string; detail?: string };

export const handler = httpFunction(spec, {
  'GET /health': async () => {
    const components: Record<string, Component> = {};
    const checks = [
      check('table', process.env.AWS_ENDPOINT_URL_DYNAMODB, () => store.ping()),
      ...probes.map((p) =>
        check(p.name, p.address, () => ('http' in p.probe ? httpProbe(p.probe.http) : tcpProbe(p.probe.tcp))),
      ),
    ];
    for (const [name, component] of await Promise.all(checks)) components[name] = component;
    const ok = Object.values(components).every((c) => c.state === 'up');
    return { statusCode: ok ? 200 : 503, body: { status: ok ? 'ok' : 'degraded', components } };
  },
});

async function check(
  name: string,
  address: string | undefined,
  probe: () => Promise<void>,
): Promise<[string, Component]> {
  try {
    await probe();
    return [name, { state: 'up', ...(address ? { address } : {}) }];
  } catch (error) {
    return [name, { state: 'down', ...(address ? { address } : {}), detail: (error as Error).message }];
  }
}

async function httpProbe(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  await response.body?.cancel();
  if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
}

function tcpProbe(target: { host: string; port: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(target);
    const timer = setTimeout(() => socket.destroy(new Error('timed out')), PROBE_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
