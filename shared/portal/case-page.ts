// The customer's case page (GET /portal/cases/{id}?lang=): one small static page per language.
// It holds no case data. Its script reads the case token from the URL fragment (#token=…),
// which browsers never send to a server, and calls the JSON API with it:
// it reads the case, and by its status offers what the customer may do — the self-help
// articles, confirming a mailed address, answering a resolution, consent for the vendor,
// booking the level 2 callback, adding information. After each action it reads the case again.
//
// The Content-Security-Policy allows nothing but that one inline script and style, by their
// SHA-256 (computed here at module load), and fetches to this origin. The script renders with
// textContent only, never markup, and Trusted Types are required so that an innerHTML slipped
// in later fails in the browser instead of opening a hole.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../domain/acknowledgement.ts';
import { ACTIVE_STATUSES, type ActiveStatus, type CaseStatus } from '../domain/support-case.ts';
import { LANGUAGES, type Language, QUEUED_LEVELS } from '../domain/support-model.ts';
import { type Messages, messagesFor } from '../i18n/index.ts';

/** What happens next, by status; an open case says what its level does (ack.nextSteps). */
const NEXT_STEPS: Record<Exclude<CaseStatus, 'open'>, keyof Messages['portal']['nextSteps']> = {
  new: 'new',
  'self-help': 'selfHelp',
  'in-progress': 'inProgress',
  reopened: 'inProgress',
  'waiting-on-customer': 'waitingOnCustomer',
  'waiting-on-vendor': 'waitingOnVendor',
  'awaiting-consent': 'awaitingConsent',
  resolved: 'resolved',
  closed: 'closed',
  deflected: 'deflected',
  cancelled: 'cancelled',
};

/**
 * Level 2 offers its callback while the level works the case; not while the vendor has it or
 * consent is asked (level 4), where no technician calls.
 */
const CALLBACK_STATUSES = [
  'open',
  'in-progress',
  'waiting-on-customer',
  'reopened',
] as const satisfies readonly ActiveStatus[];

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
article{border-top:1px solid #ccc;padding:.5rem 0 1rem}h3{margin-bottom:.25rem}
section{margin-top:1.5rem}
button{font:inherit;padding:.4rem .9rem;margin:.25rem .5rem .25rem 0;cursor:pointer}
textarea,select{display:block;width:100%;box-sizing:border-box;font:inherit;margin:.25rem 0}
.text{white-space:pre-wrap}
.note{color:#a00}`;

// Plain ES2020 for the browser, kept as text: its hash goes into the CSP. Every API call names
// its route as declared ('POST', '/cases/{id}/...'): test/e2e/case-page-ladder.test.ts reads
// them from the served script and checks each against the declaration.
const SCRIPT = `(() => {
  'use strict';
  const t = JSON.parse(document.getElementById('portal-strings').textContent);
  const root = document.getElementById('case');
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  // The API is served where this page is: whatever precedes /portal/cases/{id}.
  const at = location.pathname.lastIndexOf('/portal/cases/');
  const base = location.pathname.slice(0, at);
  const caseId = decodeURIComponent(location.pathname.slice(at + '/portal/cases/'.length));
  const ACTIVE = ${JSON.stringify(ACTIVE_STATUSES)};
  const CALLBACK_STATUSES = ${JSON.stringify(CALLBACK_STATUSES)};
  const NEXT_STEPS = ${JSON.stringify(NEXT_STEPS)};

  /** A declared route's path with its {id} filled in: this case, or the given id. */
  const apiPath = (route, id) => base + route.replace('{id}', encodeURIComponent(id === undefined ? caseId : id));

  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const show = (...nodes) => root.replaceChildren(...nodes);
  const field = (tag, id, labelText, maxLength) => {
    const input = el(tag);
    input.id = id;
    if (tag === 'textarea') {
      input.rows = 3;
      input.maxLength = maxLength;
    }
    const label = el('label', labelText);
    label.htmlFor = id;
    return [label, input];
  };

  async function call(method, path, body, withToken) {
    const headers = {};
    if (withToken) headers.authorization = 'Bearer ' + token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      cache: 'no-store',
      credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => undefined);
    return { ok: response.ok, status: response.status, json };
  }

  // A section's buttons and its note: while one action runs, its buttons wait; a failure says
  // so and lets the customer try again; a success reads the case again and shows it with
  // what was done.
  function actions() {
    const note = el('p', '', 'note');
    note.setAttribute('role', 'alert');
    const buttons = [];
    const button = (label, onClick) => {
      const b = el('button', label);
      b.type = 'button';
      b.addEventListener('click', onClick);
      buttons.push(b);
      return b;
    };
    const act = async (method, route, body, done) => {
      for (const b of buttons) b.disabled = true;
      note.textContent = '';
      try {
        const answer = await call(method, apiPath(route), body, true);
        if (answer.ok && answer.json) return await reload(answer.json, done);
      } catch {}
      note.textContent = t.actionFailed;
      for (const b of buttons) b.disabled = false;
    };
    return { note, button, act };
  }

  // After an action: the case as it stands now (a worker may already have moved it on), or,
  // if that read fails, as the action answered it.
  async function reload(answered, notice) {
    try {
      const again = await call('GET', apiPath('/cases/{id}'), undefined, true);
      if (again.ok && again.json) return render(again.json, notice);
    } catch {}
    render(answered, notice);
  }

  function nextStep(c) {
    if (c.status === 'open') return t.openSteps[c.classification ? c.classification.level : 1] || t.openSteps[1];
    return t.nextSteps[NEXT_STEPS[c.status]] || t.nextSteps.closed;
  }

  function render(c, notice) {
    const facts = el('dl');
    const rows = [[t.reference, c.reference], [t.status, t.statusNames[c.status] || c.status]];
    // Before the mailbox's owner confirms, the case comes without what the caller wrote.
    if (c.problem) rows.push([t.subject, c.problem.subject]);
    for (const [label, value] of rows) facts.append(el('dt', label), el('dd', value));
    const nodes = [facts];
    if (notice) nodes.unshift(el('p', notice));
    if (c.addressConfirmed === false) {
      if (!notice) nodes.push(confirmAddress());
      return show(...nodes);
    }
    nodes.push(el('h2', t.nextStepsHeading), el('p', nextStep(c)));
    const level = c.classification ? c.classification.level : undefined;
    const active = ACTIVE.includes(c.status);
    if (c.status === 'self-help' && c.classification) nodes.push(...selfHelp(c));
    if (c.status === 'resolved') nodes.push(resolution(c));
    if (c.status === 'awaiting-consent') nodes.push(consent());
    // A call that took place is done; a missed one is booked anew.
    if (level === 2 && CALLBACK_STATUSES.includes(c.status) && !(c.callback && c.callback.state === 'held'))
      nodes.push(callback(c));
    if (active && Array.isArray(c.missingFacts) && c.missingFacts.length > 0) nodes.push(missing(c.missingFacts));
    if (active) nodes.push(addInformation());
    show(...nodes);
  }

  // A click, not the page load, answers: mail scanners open links but do not press buttons.
  // The question is whether they opened the request, not whether the address is theirs: a
  // stranger whose address someone typed would truthfully say yes to that.
  function confirmAddress() {
    const { note, button, act } = actions();
    const section = el('section');
    section.append(
      el('h2', t.confirmAddress.heading),
      el('p', t.confirmAddress.text),
      button(t.confirmAddress.button, () => act('POST', '/cases/{id}/address-confirmation', { openedByMe: true }, t.confirmAddress.done)),
      button(t.confirmAddress.notMine, () =>
        act('POST', '/cases/{id}/address-confirmation', { openedByMe: false }, t.confirmAddress.notMineDone),
      ),
      note,
    );
    return section;
  }

  function selfHelp(c) {
    const { note, button, act } = actions();
    const list = el('section');
    list.append(el('h2', t.articlesHeading));
    for (const suggestion of c.classification.articles) {
      const summary = el('p');
      const steps = el('ol');
      const article = el('article');
      article.append(el('h3', suggestion.title), summary, el('h4', t.stepsHeading), steps);
      article.append(button(t.solved, () => act('POST', '/cases/{id}/deflection', { articleId: suggestion.id })));
      list.append(article);
      const lang = '?lang=' + encodeURIComponent(c.language);
      call('GET', apiPath('/kb/articles/{id}', suggestion.id) + lang, undefined, false)
        .then((answer) => {
          if (!answer.ok || !answer.json) throw new Error(String(answer.status));
          summary.textContent = answer.json.summary;
          steps.replaceChildren(...answer.json.steps.map((step) => el('li', step)));
        })
        .catch(() => {
          summary.textContent = t.articleMissing;
        });
    }

    const help = el('section');
    const [label, comment] = field('textarea', 'comment', t.commentLabel, 4000);
    help.append(
      el('h2', t.needHelpHeading),
      label,
      comment,
      button(t.needHelp, () => {
        const text = comment.value.trim();
        return act('POST', '/cases/{id}/escalation', text ? { comment: text } : {});
      }),
    );
    return [list, help, note];
  }

  // Resolved: confirm (the case closes) or object, saying what still does not work (reopened).
  function resolution(c) {
    const { note, button, act } = actions();
    const section = el('section');
    section.append(el('h2', t.resolution.heading));
    if (c.resolution && c.resolution.text) section.append(el('p', c.resolution.text, 'text'));
    const [label, comment] = field('textarea', 'objection', t.resolution.commentLabel, 4000);
    section.append(
      button(t.resolution.confirm, () => act('POST', '/cases/{id}/resolution-answer', { accepted: true }, t.resolution.confirmedDone)),
      label,
      comment,
      button(t.resolution.object, () => {
        const text = comment.value.trim();
        const body = text ? { accepted: false, comment: text } : { accepted: false };
        return act('POST', '/cases/{id}/resolution-answer', body, t.resolution.objectedDone);
      }),
      note,
    );
    return section;
  }

  // Level 4: may the vendor have the request? Refused, the experts keep it.
  function consent() {
    const { note, button, act } = actions();
    const section = el('section');
    section.append(
      el('h2', t.consent.heading),
      el('p', t.consent.text),
      button(t.consent.give, () => act('POST', '/cases/{id}/vendor-consent', { given: true }, t.consent.givenDone)),
      button(t.consent.refuse, () => act('POST', '/cases/{id}/vendor-consent', { given: false }, t.consent.refusedDone)),
      note,
    );
    return section;
  }

  // "Your call is booked for ...": the sentence around the window, in the page's language.
  const bookedText = (label) => t.callback.booked[0] + label + t.callback.booked[1];

  // The booked window as the slots label it, until they are loaded (or if it is no longer offered).
  function windowLabel(w, language) {
    try {
      const format = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone: w.timeZone });
      return format.formatRange(new Date(w.start), new Date(w.end)) + ' (' + w.timeZone + ')';
    } catch {
      return w.start + ' - ' + w.end;
    }
  }

  // Level 2: choose a window for the technician's call; a booked one can be moved.
  function callback(c) {
    const { note, button, act } = actions();
    const section = el('section');
    const body = el('div');
    section.append(el('h2', t.callback.heading), body, note);
    const booked = c.callback && c.callback.state === 'booked' ? c.callback : undefined;
    const bookedLine = el('p', booked ? bookedText(windowLabel(booked, c.language)) : undefined);
    if (booked) body.append(bookedLine);
    call('GET', apiPath('/cases/{id}/callback-slots'), undefined, true)
      .then((answer) => {
        if (!answer.ok || !answer.json) throw new Error(String(answer.status));
        const slots = answer.json.slots;
        const own = booked && slots.find((slot) => slot.start === booked.start);
        if (own) bookedLine.textContent = bookedText(own.label);
        if (slots.length === 0 || (booked && slots.length === 1 && own)) {
          if (!booked) body.append(el('p', t.callback.noWindows));
          return;
        }
        const [label, select] = field('select', 'callback-window', t.callback.chooseWindow);
        for (const slot of slots) {
          const option = el('option', slot.label);
          option.value = slot.start;
          if (own && slot.start === own.start) option.selected = true;
          select.append(option);
        }
        const chooser = el('div');
        chooser.append(
          label,
          select,
          button(t.callback.book, () => act('PUT', '/cases/{id}/callback', { start: select.value })),
        );
        if (!booked) return body.append(chooser);
        body.append(button(t.callback.move, () => body.replaceChildren(bookedLine, chooser)));
      })
      .catch(() => {
        body.append(el('p', t.failed));
      });
    return section;
  }

  function missing(facts) {
    const list = el('ul');
    for (const fact of facts) list.append(el('li', t.facts[fact] || fact));
    const section = el('section');
    section.append(el('h2', t.missingHeading), list);
    return section;
  }

  function addInformation() {
    const { note, button, act } = actions();
    const section = el('section');
    const [label, text] = field('textarea', 'information', t.addInfo.label, 20000);
    section.append(
      el('h2', t.addInfo.heading),
      label,
      text,
      button(t.addInfo.button, () => {
        const value = text.value.trim();
        if (!value) return text.focus();
        return act('POST', '/cases/{id}/information', { text: value }, t.addInfo.done);
      }),
      note,
    );
    return section;
  }

  async function load() {
    if (!token) return show(el('p', t.linkIncomplete));
    try {
      const answer = await call('GET', apiPath('/cases/{id}'), undefined, true);
      // A link without a language we speak (shortened, edited) shows the case's own language.
      const requested = new URLSearchParams(location.search).get('lang');
      const language = answer.json && answer.json.language;
      if (answer.ok && language && !t.languages.includes(requested) && language !== document.documentElement.lang) {
        return location.replace(location.pathname + '?lang=' + encodeURIComponent(language) + location.hash);
      }
      if (answer.ok && answer.json) return render(answer.json);
      show(el('p', answer.status >= 400 && answer.status < 500 ? t.notFound : t.failed));
    } catch {
      show(el('p', t.failed));
    }
  }
  load();
})();`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Nothing but this page's own script and style, and calls to the API beside it. */
export const CASE_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const WINDOW = '\u0000window\u0000';

/**
 * A message with a parameter as the text around it: the page fills in what the API gives
 * (the booked window's label) as text, so a label can never become markup or a pattern.
 */
function around(message: (value: string) => string): [string, string] {
  const parts = message(WINDOW).split(WINDOW);
  if (parts.length !== 2) throw new Error('a page message must use its parameter exactly once');
  return [parts[0] ?? '', parts[1] ?? ''];
}

/** Functions do not survive JSON: one left in the page's texts would vanish without a word. */
function assertPlainText(value: unknown, at: string): void {
  if (typeof value === 'function') throw new Error(`${at} is a function: render it for the page`);
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) assertPlainText(inner, `${at}.${key}`);
}

/** What the script says, as JSON that cannot end its <script> element early. */
function pageStrings(language: Language) {
  const m = messagesFor(language);
  const openSteps = Object.fromEntries(QUEUED_LEVELS.map((level) => [level, m.ack.nextSteps[level]]));
  const strings = {
    ...m.portal,
    callback: { ...m.portal.callback, booked: around(m.portal.callback.booked) },
    openSteps,
    missingHeading: m.ack.missingHeading,
    facts: m.facts,
    languages: LANGUAGES,
  };
  assertPlainText(strings, `${language}.portal`);
  return strings;
}

function stringsJson(language: Language): string {
  return JSON.stringify(pageStrings(language)).replace(/</g, '\\u003c');
}

function render(language: Language): string {
  const m = messagesFor(language);
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(m.portal.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(m.portal.title)}</h1>
<div id="case" aria-live="polite"><p>${escapeHtml(m.portal.loading)}</p></div>
</main>
<script id="portal-strings" type="application/json">${stringsJson(language)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const PAGES = Object.fromEntries(LANGUAGES.map((language) => [language, render(language)])) as Record<
  Language,
  string
>;

/** The case page in the customer's language; the case id and token come from the URL. */
export function casePage(language: Language): string {
  return PAGES[language];
}
