// The case page along the support ladder: what the customer sees and may do once an agent
// works the case — answer a resolution, give or refuse consent for the vendor, book the level 2
// callback, add information. The served page carries every text of each language as JSON data
// under its CSP hash; every API call its script makes is a declared route the case's customer
// may call; and the script itself, run against the local API on a minimal stand-in DOM (no
// jsdom or happy-dom in this project), walks the flows end to end.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../shared/declaration/index.ts';
import { CASE_STATUSES } from '../../shared/domain/support-case.ts';
import { LANGUAGES, type Language } from '../../shared/domain/support-model.ts';
import { messagesFor } from '../../shared/i18n/index.ts';
import {
  call,
  eventually,
  local,
  newCaseBody,
  tokenIn,
  verifiedAddress,
  waitForEmails,
} from '../support/http.ts';

const SOME_ID = '01JDTESTCASE0000000000000A';

/** The served page's parts: its strings (parsed JSON), its one inline script, its CSP. */
async function servedPage(language: Language, id = SOME_ID) {
  const page = await call('GET', `/portal/cases/${id}?lang=${language}`);
  expect(page.status).toBe(200);
  const data = /<script id="portal-strings" type="application\/json">([\s\S]*?)<\/script>/.exec(page.text);
  const inline = [...page.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  expect(inline).toHaveLength(1);
  return {
    html: page.text,
    csp: page.headers.get('content-security-policy') ?? '',
    stringsJson: data?.[1] ?? '',
    // biome-ignore lint/suspicious/noExplicitAny: the page's texts, checked field by field
    strings: JSON.parse(data?.[1] ?? 'null') as any,
    script: inline[0] ?? '',
  };
}

/** The API calls the script names: `'POST', '/cases/{id}/…'` or `'GET', apiPath('/…'`. */
function callsIn(script: string): string[] {
  const found = [...script.matchAll(/'(GET|POST|PUT|PATCH|DELETE)',\s*(?:apiPath\()?'(\/[^']*)'/g)];
  return [...new Set(found.map((m) => `${m[1]} ${m[2]}`))].sort();
}

const CALLS = [
  'GET /cases/{id}',
  'GET /cases/{id}/callback-slots',
  'GET /kb/articles/{id}',
  'POST /cases/{id}/address-confirmation',
  'POST /cases/{id}/deflection',
  'POST /cases/{id}/escalation',
  'POST /cases/{id}/information',
  'POST /cases/{id}/resolution-answer',
  'POST /cases/{id}/vendor-consent',
  'PUT /cases/{id}/callback',
];

describe('the case page serves the ladder', () => {
  it.each(LANGUAGES)(
    '%s: every text of the new parts is in the page as JSON data, under the CSP hash',
    async (language) => {
      const m = messagesFor(language);
      const page = await servedPage(language);
      expect(page.html).toContain(`<html lang="${language}">`);

      // The hash in the header is the hash of the script the page carries.
      const hash = createHash('sha256').update(page.script, 'utf8').digest('base64');
      expect(page.csp).toContain(`script-src 'sha256-${hash}'`);
      expect(page.csp).not.toContain('unsafe-inline');
      expect(page.script).not.toContain('innerHTML');
      expect(page.html).not.toMatch(/\son[a-z]+=/i);
      // Nothing in the data can end its <script> element.
      expect(page.stringsJson).not.toContain('<');

      const t = page.strings;
      expect(Object.keys(t.statusNames).sort()).toEqual([...CASE_STATUSES].sort());
      expect(t.statusNames).toEqual(m.portal.statusNames);
      expect(t.nextSteps).toEqual(m.portal.nextSteps);
      expect(t.resolution).toEqual(m.portal.resolution);
      expect(t.consent).toEqual(m.portal.consent);
      expect(t.addInfo).toEqual(m.portal.addInfo);
      expect(t.actionFailed).toBe(m.portal.actionFailed);
      expect(t.facts).toEqual(m.facts);
      expect(t.missingHeading).toBe(m.ack.missingHeading);
      // The one message with a parameter travels as the text around it.
      const { booked, ...callback } = m.portal.callback;
      expect(t.callback).toMatchObject(callback);
      expect(t.callback.booked).toHaveLength(2);
      const label = 'Tue 25 Nov, 10:00–10:30 <b>&amp;';
      expect(`${t.callback.booked[0]}${label}${t.callback.booked[1]}`).toBe(booked(label));
      // What was there before stays.
      expect(t.confirmAddress).toEqual(m.portal.confirmAddress);
      expect(t.needHelp).toBe(m.portal.needHelp);
      expect(t.languages).toEqual([...LANGUAGES]);
    },
  );

  it('every API call of the script is a declared route its customer may call, and the API serves it', async () => {
    const { script } = await servedPage('en');
    expect(callsIn(script)).toEqual(CALLS);
    // No route hides from that list: every API path literal of the script is in one of the calls.
    const literals = [...script.matchAll(/'(\/(?:cases|kb)\/[^']*)'/g)].map((m) => m[1]);
    for (const literal of literals) expect(CALLS.some((c) => c.endsWith(` ${literal}`))).toBe(true);

    const declared = allRoutes();
    const served = local().routes;
    for (const key of CALLS) {
      const [method, path] = key.split(' ');
      const route = declared.find((r) => r.method === method && r.path === path);
      expect(route, `${key} is declared`).toBeDefined();
      // Articles are public (fetched without the token); everything else is the case's customer's.
      const allowed = path?.startsWith('/kb/') ? ['public'] : ['customer', 'customer-or-agent'];
      expect(allowed, `${key}: ${route?.access.kind}`).toContain(route?.access.kind);
      expect(
        served.some((r) => r.method === method && r.path === path),
        `${key} is served`,
      ).toBe(true);
    }

    // Through the local API, with a fresh case's token: no route is missing, and each guarded
    // route refuses a caller without the token and lets its customer in (whatever the case's
    // status then says: the case is open at level 1, so most answers are 409).
    const created = await call('POST', '/cases', { body: newCaseBody() });
    expect(created.status).toBe(201);
    const { id, accessToken } = created.json;
    const bodies: Record<string, unknown> = {
      'POST /cases/{id}/address-confirmation': { openedByMe: true },
      'POST /cases/{id}/deflection': { articleId: 'reset-password' },
      'POST /cases/{id}/escalation': {},
      'POST /cases/{id}/information': { text: 'It started after the update.' },
      'POST /cases/{id}/resolution-answer': { accepted: true },
      'POST /cases/{id}/vendor-consent': { given: false },
      'PUT /cases/{id}/callback': { start: new Date(Date.now() + 86_400_000).toISOString() },
    };
    for (const key of CALLS) {
      const [method = '', template = ''] = key.split(' ');
      const path = template.startsWith('/kb/')
        ? template.replace('{id}', 'reset-password')
        : template.replace('{id}', id);
      const body = bodies[key];
      const answer = await call(method, path, { token: accessToken, ...(body ? { body } : {}) });
      expect([401, 404, 405], `${key} with the case's token: ${answer.text}`).not.toContain(answer.status);
      if (template.startsWith('/kb/')) continue;
      const anonymous = await call(method, path, body ? { body } : {});
      expect(anonymous.status, `${key} without a token`).toBe(401);
    }
  });
});

// ---- The script, run against the local API ----------------------------------------------------

/** Just enough of the DOM for the page's script: elements with text, children and clicks. */
class FakeNode {
  children: FakeNode[] = [];
  parent: FakeNode | undefined;
  text = '';
  className = '';
  id = '';
  type = '';
  htmlFor = '';
  rows = 0;
  maxLength = -1;
  disabled = false;
  selected = false;
  attributes: Record<string, string> = {};
  private ownValue = '';
  private listeners: Array<() => unknown> = [];
  constructor(readonly tagName: string) {}

  get textContent(): string {
    return this.children.length > 0 ? this.children.map((c) => c.textContent).join('') : this.text;
  }
  set textContent(value: string) {
    this.children = [];
    this.text = String(value);
  }
  get value(): string {
    if (this.tagName !== 'select') return this.ownValue;
    return (this.children.find((o) => o.selected) ?? this.children[0])?.value ?? '';
  }
  set value(value: string) {
    if (this.tagName !== 'select') this.ownValue = value;
    else for (const o of this.children) o.selected = o.value === value;
  }
  append(...nodes: FakeNode[]) {
    for (const node of nodes) {
      if (node.parent) node.parent.children = node.parent.children.filter((c) => c !== node);
      node.parent = this;
      this.children.push(node);
    }
  }
  replaceChildren(...nodes: FakeNode[]) {
    for (const c of this.children) c.parent = undefined;
    this.children = [];
    this.text = '';
    this.append(...nodes);
  }
  setAttribute(name: string, value: string) {
    this.attributes[name] = value;
  }
  addEventListener(type: string, listener: () => unknown) {
    if (type === 'click') this.listeners.push(listener);
  }
  focus() {}
  click() {
    if (!this.disabled) for (const listener of this.listeners) listener();
  }
  all(test: (node: FakeNode) => boolean): FakeNode[] {
    return [...(test(this) ? [this] : []), ...this.children.flatMap((c) => c.all(test))];
  }
}

type RunningPage = {
  root: FakeNode;
  text: () => string;
  buttons: () => FakeNode[];
  button: (label: string) => FakeNode;
  field: (id: string) => FakeNode;
  /** Waits until the page shows `text` (and, if given, no longer shows `gone`). */
  shows: (text: string, gone?: string) => Promise<void>;
};

/** Loads the served page for the case and runs its script with the token in the fragment. */
async function openPage(language: Language, id: string, token: string): Promise<RunningPage> {
  const page = await servedPage(language, id);
  const api = new URL(local().api);
  const root = new FakeNode('div');
  const strings = new FakeNode('script');
  strings.textContent = page.stringsJson;
  const document = {
    documentElement: { lang: language },
    createElement: (tag: string) => new FakeNode(tag),
    getElementById: (elementId: string) => ({ case: root, 'portal-strings': strings })[elementId],
  };
  const location = {
    pathname: `${api.pathname.replace(/\/$/, '')}/portal/cases/${id}`,
    search: `?lang=${language}`,
    hash: `#token=${token}`,
    replace: (to: string) => {
      throw new Error(`the page redirected to ${to}`);
    },
  };
  const fetchHere = (path: string, init: RequestInit) => fetch(new URL(path, api.origin), init);
  new Function('document', 'location', 'fetch', page.script)(document, location, fetchHere);

  const buttons = () => root.all((n) => n.tagName === 'button');
  const text = () => root.textContent;
  return {
    root,
    text,
    buttons,
    button: (label) => {
      const found = buttons().find((b) => b.textContent === label);
      if (!found) throw new Error(`no button "${label}" in: ${text()}`);
      return found;
    },
    field: (fieldId) => {
      const found = root.all((n) => n.id === fieldId)[0];
      if (!found) throw new Error(`no field #${fieldId} in: ${text()}`);
      return found;
    },
    shows: async (wanted, gone) => {
      await eventually(
        async () => (text().includes(wanted) && !(gone && text().includes(gone)) ? true : undefined),
        15_000,
        `the page to show "${wanted}"${gone ? ` without "${gone}"` : ''} (it shows: ${text()})`,
      );
    },
  };
}

/** A case classified at level 1, its acknowledgement sent and the ticket desk holding it. */
async function caseAtLevel1(subject = 'Invoice', description = 'The invoice shows the wrong VAT number.') {
  const created = await call('POST', '/cases', { body: newCaseBody({ subject, description }) });
  expect(created.status).toBe(201);
  const { id, accessToken: token } = created.json as { id: string; accessToken: string };
  await eventually(
    async () => {
      const c = (await call('GET', `/cases/${id}`, { token: local().agentTokens.admin })).json;
      return c?.classification &&
        c.acknowledgement?.state === 'sent' &&
        (c.status !== 'open' || c.queuedLevel)
        ? true
        : undefined;
    },
    20_000,
    'the case classified and taken by its level',
  );
  return { id, token };
}

/** An agent's action, retried while the level's worker still writes the case. */
async function asAgent(method: string, path: string, body: unknown, token = local().agentTokens.level1) {
  return eventually(
    async () => {
      const answer = await call(method, path, { token, body });
      if (answer.status === 409 && answer.json?.error?.code === 'concurrent_update') return undefined;
      expect(answer.status, answer.text).toBe(200);
      return answer.json;
    },
    10_000,
    `${method} ${path}`,
  );
}

describe("the case page's script against the local API", () => {
  it('resolved: shows the resolution; a stale page says the action failed; an objection reopens the case, then information is added', async () => {
    const t = messagesFor('en').portal;
    const c = await caseAtLevel1();
    const resolutionText = 'We corrected the VAT number.\nThe new invoice is in your mailbox.';
    const resolved = await asAgent('POST', `/cases/${c.id}/resolution`, { resolution: resolutionText });
    expect(resolved.status).toBe('resolved');

    const page = await openPage('en', c.id, c.token);
    await page.shows(t.resolution.heading);
    expect(page.text()).toContain(resolutionText);
    expect(page.text()).toContain(t.statusNames.resolved);
    expect(page.text()).toContain(t.nextSteps.resolved);
    // Not active: nothing to add, no callback.
    expect(page.text()).not.toContain(t.addInfo.heading);
    expect(page.text()).not.toContain(t.callback.heading);
    const stale = await openPage('en', c.id, c.token);
    await stale.shows(t.resolution.heading);

    page.field('objection').value = 'Still the old VAT number on page 2.';
    page.button(t.resolution.object).click();
    await page.shows(t.resolution.objectedDone);
    await page.shows(t.statusNames.reopened);
    expect(page.text()).not.toContain(t.resolution.heading);
    expect(page.text()).toContain(t.nextSteps.inProgress);
    expect(page.text()).toContain(t.addInfo.heading);

    const reopened = await call('GET', `/cases/${c.id}`, { token: c.token });
    expect(reopened.json.status).toBe('reopened');
    const history = await call('GET', `/cases/${c.id}/history`, { token: c.token });
    expect(history.json.events).toContainEqual(
      expect.objectContaining({
        type: 'resolution-objected',
        data: expect.objectContaining({ text: 'Still the old VAT number on page 2.' }),
      }),
    );

    // The page still showing "resolved": confirming now is refused, the page says so and lets
    // the customer try again.
    stale.button(t.resolution.confirm).click();
    await stale.shows(t.actionFailed);
    expect(stale.button(t.resolution.confirm).disabled).toBe(false);
    expect((await call('GET', `/cases/${c.id}`, { token: c.token })).json.status).toBe('reopened');

    // Adding information: an empty field sends nothing; a text joins the case.
    page.button(t.addInfo.button).click();
    page.field('information').value = 'It is the invoice of 3 March.';
    page.button(t.addInfo.button).click();
    await page.shows(t.addInfo.done);
    const asDesk = await call('GET', `/cases/${c.id}`, { token: local().agentTokens.level1 });
    expect(asDesk.json.followUps).toContainEqual(
      expect.objectContaining({ channel: 'web', text: 'It is the invoice of 3 March.' }),
    );
  });

  it('level 2: the customer books a callback window and may move it; the page names the booked window', async () => {
    const t = messagesFor('en').portal;
    const c = await caseAtLevel1();
    const escalated = await asAgent('POST', `/cases/${c.id}/escalations`, {
      level: 2,
      reason: 'Needs a technician on the phone.',
    });
    expect(escalated.classification.level).toBe(2);
    // The owner of the address confirmed it: only then does a customer book a call themself.
    await verifiedAddress(escalated.customer.email);

    const page = await openPage('en', c.id, c.token);
    await page.shows(t.callback.chooseWindow);
    expect(page.text()).toContain(t.addInfo.heading);
    const select = page.field('callback-window');
    const slots = (await call('GET', `/cases/${c.id}/callback-slots`, { token: c.token })).json
      .slots as Array<{
      start: string;
      label: string;
    }>;
    expect(select.children.map((o) => o.value)).toEqual(slots.map((s) => s.start));
    expect(select.children.map((o) => o.textContent)).toEqual(slots.map((s) => s.label));
    const chosen = slots[1] ?? slots[0];
    if (!chosen) throw new Error('level 2 offers no window');
    select.value = chosen.start;
    page.button(t.callback.book).click();

    await page.shows(t.callback.booked(chosen.label), t.callback.chooseWindow);
    await page.shows(t.callback.move);
    const booked = await call('GET', `/cases/${c.id}`, { token: c.token });
    expect(booked.json.callback).toMatchObject({ state: 'booked', start: chosen.start });
    // Moving: the chooser opens with the booked window selected.
    page.button(t.callback.move).click();
    expect(page.field('callback-window').value).toBe(chosen.start);
    expect(page.text()).toContain(t.callback.booked(chosen.label));
  });

  it('awaiting consent: the customer refuses the vendor and the experts keep the case', async () => {
    const t = messagesFor('en').portal;
    const c = await caseAtLevel1('Printer', 'The office printer jams on every page.');
    const escalated = await asAgent('POST', `/cases/${c.id}/escalations`, {
      level: 4,
      reason: 'Hardware fault, under the vendor contract.',
      vendorId: 'printcare',
    });
    expect(escalated.status).toBe('awaiting-consent');

    const page = await openPage('en', c.id, c.token);
    await page.shows(t.consent.heading);
    expect(page.text()).toContain(t.consent.text);
    expect(page.text()).toContain(t.nextSteps.awaitingConsent);
    expect(page.text()).toContain(t.addInfo.heading);
    expect(page.text()).not.toContain(t.callback.heading);

    page.button(t.consent.refuse).click();
    await page.shows(t.consent.refusedDone);
    expect(page.text()).not.toContain(t.consent.heading);
    const kept = await call('GET', `/cases/${c.id}`, { token: c.token });
    expect(kept.json).toMatchObject({ classification: { level: 3 }, consent: { state: 'refused' } });
  });
  it('what was there before still works: the mailed link asks "did you open it?", self-help offers the articles and "I still need help"', async () => {
    const t = messagesFor('en').portal;
    const email = `page-${Math.random().toString(36).slice(2)}@example.com`;
    const body = newCaseBody({
      email,
      subject: 'Password',
      description: 'I forgot my password, how can I reset it?',
    });
    const created = await call('POST', '/cases', { body });
    expect(created.status).toBe(201);
    const mailed = tokenIn((await waitForEmails(email))[0]) as string;
    expect(mailed).toBeDefined();

    // The mailbox's owner: only the question, then the case once they answer yes.
    const asMailbox = await openPage('en', created.json.id, mailed);
    await asMailbox.shows(t.confirmAddress.heading);
    expect(asMailbox.text()).not.toContain('Password');
    asMailbox.button(t.confirmAddress.button).click();
    await asMailbox.shows(t.confirmAddress.done, t.confirmAddress.heading);
    await asMailbox.shows(t.subject);

    // Self-help: the article in full from the knowledge base, then a person is asked for.
    await eventually(
      async () => {
        const c = await call('GET', `/cases/${created.json.id}`, { token: created.json.accessToken });
        return c.json?.status === 'self-help' ? true : undefined;
      },
      20_000,
      'the case classified as self-help',
    );
    const page = await openPage('en', created.json.id, created.json.accessToken);
    await page.shows(t.articlesHeading);
    await page.shows('Reset a forgotten password');
    await eventually(
      async () => (page.root.all((n) => n.tagName === 'li').length > 2 ? true : undefined),
      10_000,
      "the article's steps",
    );
    expect(page.text()).toContain(t.statusNames['self-help']);
    expect(page.text()).not.toContain(t.addInfo.heading);
    page.field('comment').value = 'The reset mail never arrives.';
    page.button(t.needHelp).click();
    await page.shows(t.statusNames.open, t.articlesHeading);
    expect(page.text()).toContain(messagesFor('en').ack.nextSteps[1]);
    expect(page.text()).toContain(t.addInfo.heading);
    const read = await call('GET', `/cases/${created.json.id}`, { token: created.json.accessToken });
    expect(read.json).toMatchObject({ status: 'open', classification: { level: 1 } });
  });
});
