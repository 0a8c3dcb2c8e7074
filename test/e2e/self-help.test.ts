// Level 0 end to end, as a customer lives it: the acknowledgement links the case page, the
// page reads the case with the token from the link, the articles are there in full, and the
// customer either confirms one or asks for a person — by button or by replying to the email.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  call,
  eventually,
  local,
  newCaseBody,
  type SentEmail,
  SUPPORT_ADDRESS,
  smtpTransport,
  verifiedAddress,
  waitForEmails,
} from '../support/http.ts';

type Opened = { id: string; reference: string; email: string; token: string; ack: SentEmail };

/** Opens a case and waits for its acknowledgement; the token is the one the email carries. */
async function openAndAcknowledge(subject: string, description: string): Promise<Opened> {
  // An address the desk has seen verified gets the full acknowledgement (a first mail to an
  // unverified one quotes nothing: test/e2e/relay-protection.test.ts).
  const body = newCaseBody({ subject, description, email: await verifiedAddress() });
  const created = await call('POST', '/cases', { body });
  expect(created.status).toBe(201);
  const ack = (await waitForEmails(body.customer.email, 2))[1];
  const token = /#token=(tdc_[\w-]+)/.exec(ack?.body.text ?? '')?.[1];
  expect(token, 'a token in the acknowledgement').toBeDefined();
  return {
    id: created.json.id,
    reference: created.json.reference,
    email: body.customer.email,
    token: token as string,
    ack: ack as SentEmail,
  };
}

const inQueue = (level: number, id: string) =>
  eventually(
    async () => {
      const answer = await call('GET', `/queues/${level}?limit=100`, { token: local().agentTokens.level1 });
      expect(answer.status).toBe(200);
      return answer.json.cases.find((c: { id: string }) => c.id === id);
    },
    10_000,
    `case in the level ${level} queue`,
  );

describe('self-help (level 0) for the customer', () => {
  it('English: the email links the case page with the token, the page and the article are served, and "I still need help" hands the case to level 1', async () => {
    const c = await openAndAcknowledge('Password', 'I forgot my password, how can I reset it?');
    const { text, html } = c.ack.body;

    // The acknowledgement: the article with its summary, the case page as where to go next.
    const portalPath = `/portal/cases/${c.id}?lang=en`;
    expect(text).toContain(`${local().api}${portalPath}#token=${c.token}`);
    expect(text).toContain('Reset a forgotten password — Set a new password yourself');
    expect(text).toContain('Once you ask for a person, these targets apply');
    expect(html).toContain(`href="${local().api}${portalPath}#token=${c.token}"`);
    expect(text).not.toMatch(/\/cases\/[0-9A-Z]{26}#token/);

    // The case page: HTML under a strict policy, no case data and no token in it.
    const page = await call('GET', portalPath);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const inline = [...page.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64');
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
    expect(page.text).not.toContain(c.token);
    expect(page.text).not.toContain(c.reference);
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
    expect(page.text).not.toContain('innerHTML');
    expect(page.text).toContain('I still need help');

    // What the page's script reads: the case, then each suggested article in full.
    const read = await call('GET', `/cases/${c.id}`, { token: c.token });
    expect(read.json).toMatchObject({ status: 'self-help', classification: { level: 0 } });
    const articleId = read.json.classification.articles[0].id;
    expect(articleId).toBe('reset-password');
    const article = await call('GET', `/kb/articles/${articleId}?lang=en`);
    expect(article.status).toBe(200);
    expect(article.json).toMatchObject({
      id: 'reset-password',
      lang: 'en',
      title: 'Reset a forgotten password',
    });
    expect(article.json.steps.length).toBeGreaterThan(2);
    expect(article.json.keywords).toBeUndefined();

    // "I still need help": nobody else may, the customer may, twice.
    const path = `/cases/${c.id}/escalation`;
    expect((await call('POST', path)).status).toBe(401);
    const other = await call('POST', '/cases', { body: newCaseBody() });
    const foreign = await call('POST', path, { token: other.json.accessToken });
    expect(foreign.status).toBe(403);
    const invalid = await call('POST', path, { token: c.token, body: { comment: 'x', admin: true } });
    expect(invalid.status).toBe(400);

    const handedOver = await call('POST', path, {
      token: c.token,
      body: { comment: 'The portal says my account is unknown.' },
    });
    expect(handedOver.status).toBe(200);
    expect(handedOver.json).toMatchObject({ status: 'open', classification: { level: 1 } });
    const again = await call('POST', path, { token: c.token });
    expect(again.status).toBe(200);
    // The same hand-over, not a second one (the level-1 worker may have touched updatedAt).
    expect(again.json).toMatchObject({ status: 'open', classification: handedOver.json.classification });

    // The ticket desk has it, sees why and what the customer wrote.
    await inQueue(1, c.id);
    const asAgent = await call('GET', `/cases/${c.id}`, { token: local().agentTokens.level1 });
    expect(asAgent.json.corrections).toEqual([
      expect.objectContaining({ by: 'customer', from: expect.objectContaining({ level: 0 }) }),
    ]);
    expect(asAgent.json.followUps).toEqual([
      expect.objectContaining({ channel: 'web', text: 'The portal says my account is unknown.' }),
    ]);
    expect(asAgent.json.followUpCount).toBe(1);
    await eventually(
      async () => {
        const taken = await call('GET', `/cases/${c.id}`, { token: local().agentTokens.level1 });
        return taken.json.queuedLevel === 1 ? true : undefined;
      },
      10_000,
      'level 1 worker takes the case',
    );

    // A case in the desk's hands is no longer self-help.
    const deflect = await call('POST', `/cases/${c.id}/deflection`, {
      token: c.token,
      body: { articleId },
    });
    expect(deflect.status).toBe(409);
  });

  it('German: the email and the page speak German, and replying to the email hands the case to level 1', async () => {
    const c = await openAndAcknowledge(
      'Passwort vergessen',
      'Ich habe mein Passwort vergessen. Wie kann ich es zurücksetzen?',
    );
    expect(c.ack.body.text).toContain(`${local().api}/portal/cases/${c.id}?lang=de#token=${c.token}`);
    expect(c.ack.body.text).toContain('Vergessenes Passwort zurücksetzen — Setzen Sie Ihr Passwort selbst');
    expect(c.ack.body.text).toContain('Sobald Sie um Hilfe durch einen Mitarbeiter bitten');

    const page = await call('GET', `/portal/cases/${c.id}?lang=de`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="de">');
    expect(page.text).toContain('Ich brauche weiterhin Hilfe');
    const german = await call('GET', '/kb/articles/reset-password?lang=de');
    expect(german.json).toMatchObject({ lang: 'de', title: 'Vergessenes Passwort zurücksetzen' });

    const smtp = smtpTransport();
    await smtp.sendMail({
      from: c.email,
      to: SUPPORT_ADDRESS,
      subject: `Re: ${c.ack.subject}`,
      text: 'Das Portal kennt mein Konto nicht. Bitte rufen Sie mich an.',
    });
    smtp.close();

    await inQueue(1, c.id);
    const read = await call('GET', `/cases/${c.id}`, { token: c.token });
    expect(read.json).toMatchObject({ status: 'open', classification: { level: 1 } });
    const asAgent = await call('GET', `/cases/${c.id}`, { token: local().agentTokens.level1 });
    expect(asAgent.json.followUps).toEqual([
      expect.objectContaining({
        channel: 'email',
        text: expect.stringContaining('Das Portal kennt mein Konto'),
      }),
    ]);
    expect(asAgent.json.followUpCount).toBe(1);
    expect(asAgent.json.corrections[0]).toMatchObject({ by: 'customer', to: { level: 1 } });
  });

  it('"I still need help" on a case that is not self-help is a 409', async () => {
    const c = await openAndAcknowledge('Invoice', 'The invoice shows the wrong VAT number.');
    const read = await call('GET', `/cases/${c.id}`, { token: c.token });
    expect(read.json.status).toBe('open');
    const answer = await call('POST', `/cases/${c.id}/escalation`, { token: c.token });
    expect(answer.status).toBe(409);
    expect(answer.json.error.code).toBe('invalid_transition');
  });
});

describe('GET /kb/articles/{id} and the case page refuse what they do not know', () => {
  it('answers 404 for an unknown article, 400 for a bad language or id', async () => {
    const unknown = await call('GET', '/kb/articles/no-such-article?lang=en');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('article_not_found');
    const badLang = await call('GET', '/kb/articles/reset-password?lang=xx');
    expect(badLang.status).toBe(400);
    expect(badLang.json.error.field).toBe('lang');
    expect((await call('GET', '/kb/articles/Reset_Password')).status).toBe(400);
    expect((await call('GET', '/kb/articles/reset-password')).json.lang).toBe('en');
  });

  it('serves the page for any id (its script tells "not found"), in English for an unknown language', async () => {
    const page = await call('GET', '/portal/cases/01JDTESTCASE0000000000000A?lang=xx');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en">');
    // The script falls back to the case's own language when the link names none we speak.
    expect(page.text).toContain('"languages":["en","de","nl","fr","es","ru"]');
    const malformed = await call('GET', '/portal/cases/not-a-case?lang=de');
    expect(malformed.status).toBe(200);
    expect(malformed.text).toContain('<html lang="de">');
    // A short Permissions-Policy of real features, not middy's list that browsers warn about.
    expect(page.headers.get('permissions-policy')).toBe(
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), fullscreen=()',
    );
    expect((await call('GET', '/health')).headers.get('permissions-policy')).toBeNull();
  });
});
