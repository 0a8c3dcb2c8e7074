// The desk as a mail relay, through a system of its own with the default acknowledgement
// limits (the global one lifts the per-source limit, since every suite calls from 127.0.0.1):
// hundreds of cases naming strangers' addresses send at most the per-source number of mails,
// none of which carries a word the caller wrote; one address gets at most its own number, from
// however many sources; and only the link mailed to an address confirms it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSystem, startLocalSystem } from '../../local/local-system.ts';
import { DEFAULT_ACK_LIMITS } from '../../shared/domain/mail-policy.ts';
import { type Answer, callFrom, inBatches, sesStore } from '../support/front-door.ts';
import { eventually, type SentEmail, tokenIn } from '../support/http.ts';

let system: LocalSystem;
let adminToken: string;

beforeAll(async () => {
  system = await startLocalSystem({
    // Named, not left to the environment: this worker's env already holds the global system's
    // ACK_LIMITS (test/support/local-endpoints.ts), whose per-source limit is a million.
    ackLimits: DEFAULT_ACK_LIMITS,
    visibilityTimeoutSeconds: 2,
    scheduleIntervalMs: 24 * 60 * 60_000,
    log: () => {},
  });
  adminToken = await system.issueToken({ subject: 'relay-test', roles: ['admin'], levels: [1, 2, 3, 4] });
}, 90_000);

afterAll(async () => {
  await system?.stop();
});

const api = (method: string, path: string, options: Parameters<typeof callFrom>[3] = {}) =>
  callFrom(system.urls.api, method, path, options);
const mails = () => sesStore(system.urls.ses);
const mailsTo = async (address: string) =>
  (await mails()).filter((m) => m.destination.to.some((to) => to.includes(address)));

const FINAL = new Set(['sent', 'withheld', 'undeliverable']);
type Acknowledgement = { state: string; reason?: string; quoted?: boolean };

/** Every case's acknowledgement once all are final (read as an agent sees them). */
async function settledAcknowledgements(ids: readonly string[], timeoutMs: number) {
  const settled = new Map<string, Acknowledgement>();
  await eventually(
    async () => {
      const open = ids.filter((id) => !settled.has(id));
      await inBatches(open, 25, async (id) => {
        const read = await api('GET', `/cases/${id}`, { token: adminToken });
        const ack = read.json?.acknowledgement as Acknowledgement | undefined;
        if (ack && FINAL.has(ack.state)) settled.set(id, ack);
      });
      return settled.size === ids.length ? true : undefined;
    },
    timeoutMs,
    `${ids.length} acknowledgements to settle`,
  );
  return ids.map((id) => settled.get(id) as Acknowledgement);
}

/**
 * The limits count in fixed windows; a run that straddles a window's end may fill two.
 * (`Date.now()` is the clock the workers read, in this same process.)
 */
const windowsSpanned = (from: number, to: number, minutes: number) =>
  Math.floor(to / (minutes * 60_000)) - Math.floor(from / (minutes * 60_000)) + 1;

const mailText = (m: SentEmail) => [m.subject, m.body.text ?? '', m.body.html ?? ''].join('\n');

describe('the desk cannot be used as a mail relay', () => {
  it('hundreds of cases for strangers from one client send at most the per-source limit, quoting nothing', async () => {
    // Prepare: what a spammer would like the desk to deliver for them.
    // 300 requests, as the issue's "hundreds"; 2 pollers × batches of 10 work them off in ~20 s.
    const COUNT = 300;
    const URL_TEXT = 'http://spam.example/buy';
    const name = 'BUY NOW Cheap Pills';
    const request = (n: number) => ({
      customer: { name, email: `victim-${n}-${randomUUID().slice(0, 8)}@example.net` },
      problem: {
        subject: `BUY NOW ${n} ${URL_TEXT}`,
        description: `Cheap pills ${n}, BUY NOW at ${URL_TEXT} — offer ends today!`,
      },
    });
    const requests = Array.from({ length: COUNT }, (_unused, n) => request(n));
    const started = Date.now();

    // Act: one client (127.0.0.1) names a different stranger in each request.
    const answers: Answer[] = await inBatches(requests, 20, (body) =>
      api('POST', '/cases', { body, localAddress: '127.0.0.1' }),
    );
    const ids = answers.map((a) => a.json?.id as string);
    const acknowledgements = await settledAcknowledgements(ids, 75_000);
    const finished = Date.now();

    // Assess: every case is still opened and worked …
    expect(answers.map((a) => a.status)).toEqual(requests.map(() => 201));
    // … but at most the per-source number of mails left, all to the named addresses …
    const { max, windowMinutes } = DEFAULT_ACK_LIMITS.perSourceIp;
    const allowed = max * windowsSpanned(started, finished, windowMinutes);
    const sent = await mails();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(allowed);
    expect(acknowledgements.filter((a) => a.state === 'sent')).toHaveLength(sent.length);
    // … none of them carrying a word the caller wrote …
    const written = [URL_TEXT, 'spam.example', 'BUY NOW', 'Cheap', name];
    for (const mail of sent) for (const text of written) expect(mailText(mail)).not.toContain(text);
    for (const mail of sent)
      for (const body of requests) expect(mailText(mail)).not.toContain(body.problem.subject);
    // … and the rest withheld, saying why.
    const withheld = acknowledgements.filter((a) => a.state === 'withheld');
    expect(withheld).toHaveLength(COUNT - sent.length);
    for (const a of withheld) expect(a.reason).toMatch(/^rate limit: \d+ acknowledgements per source IP/);
  }, 120_000);

  it('one address gets at most the per-recipient limit, from however many sources', async () => {
    // Prepare: eight clients, 127.0.0.2 … 127.0.0.9, each well within its own per-source limit.
    const address = `target-${randomUUID()}@example.net`;
    const clients = Array.from({ length: 8 }, (_unused, i) => `127.0.0.${i + 2}`);
    const started = Date.now();

    // Act
    const answers = await Promise.all(
      clients.map((localAddress, i) =>
        api('POST', '/cases', {
          localAddress,
          body: {
            customer: { name: 'Mallory', email: address },
            problem: { subject: `Printer ${i}`, description: 'The printer on floor 2 jams on every page.' },
          },
        }),
      ),
    );
    const acknowledgements = await settledAcknowledgements(
      answers.map((a) => a.json?.id as string),
      30_000,
    );

    // Assess
    expect(answers.map((a) => a.status)).toEqual(clients.map(() => 201));
    const { max, windowMinutes } = DEFAULT_ACK_LIMITS.perRecipient;
    const allowed = max * windowsSpanned(started, Date.now(), windowMinutes);
    const received = await mailsTo(address);
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThanOrEqual(Math.min(allowed, clients.length));
    expect(acknowledgements.filter((a) => a.state === 'sent')).toHaveLength(received.length);
    const withheld = acknowledgements.filter((a) => a.state === 'withheld');
    expect(withheld).toHaveLength(clients.length - received.length);
    for (const a of withheld) expect(a.reason).toMatch(/^rate limit: \d+ acknowledgements per address/);
  }, 60_000);

  it('only the mailed link confirms an address; after that the acknowledgement quotes the subject', async () => {
    // Prepare: a client of its own (the relay test used up 127.0.0.1's limit).
    const localAddress = '127.0.0.10';
    const address = `owner-${randomUUID()}@example.net`;
    const open = (subject: string) =>
      api('POST', '/cases', {
        localAddress,
        body: {
          customer: { name: 'Olive', email: address },
          problem: { subject, description: 'My laptop does not wake up from sleep since the update.' },
        },
      });
    const first = await open('Laptop sleep');
    expect(first.status).toBe(201);
    const [firstContact] = await eventually(
      async () => ((await mailsTo(address)).length >= 1 ? mailsTo(address) : undefined),
      20_000,
      'the first-contact mail',
    );
    const mailedToken = tokenIn(firstContact);
    expect(mailedToken).toBeDefined();
    expect(mailedToken).not.toBe(first.json.accessToken);

    // Act: whoever filled in the form holds intake's token; the mailbox holds the mailed one.
    const byFormFiller = await api('POST', `/cases/${first.json.id}/address-confirmation`, {
      localAddress,
      token: first.json.accessToken,
    });
    const second = await open('Laptop sleep again');
    const beforeConfirmation = await eventually(
      async () => (await mailsTo(address))[1],
      20_000,
      'the second mail, before confirmation',
    );
    const byMailbox = await api('POST', `/cases/${first.json.id}/address-confirmation`, {
      localAddress,
      token: mailedToken,
    });
    const third = await open('Docking station flickers');
    const afterConfirmation = await eventually(
      async () => (await mailsTo(address))[2],
      20_000,
      'the third mail, after confirmation',
    );

    // Assess
    expect(byFormFiller.status).toBe(403);
    expect(second.status).toBe(201);
    expect(beforeConfirmation.subject).toContain(second.json.reference);
    expect(mailText(beforeConfirmation)).not.toContain('Laptop sleep again');
    expect(byMailbox.status).toBe(200);
    expect(byMailbox.json).toMatchObject({ addressConfirmed: true, id: first.json.id });
    expect(third.status).toBe(201);
    expect(afterConfirmation.subject).toContain(third.json.reference);
    expect(afterConfirmation.subject).toContain('Docking station flickers');
  }, 60_000);
});
