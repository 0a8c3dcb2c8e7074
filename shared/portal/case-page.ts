// The customer's case page (GET /portal/cases/{id}?lang=): one small static page per language.
// It holds no case data. Its script reads the case token from the URL fragment (#token=…),
// which browsers never send to a server, and calls the JSON API with it: GET /cases/{id},
// GET /kb/articles/{id}, POST /cases/{id}/deflection and POST /cases/{id}/escalation.
//
// The Content-Security-Policy allows nothing but that one inline script and style, by their
// SHA-256 (computed here at module load), and fetches to this origin. The script renders with
// textContent only, never markup, and Trusted Types are required so that an innerHTML slipped
// in later fails in the browser instead of opening a hole.
import { createHash } from 'node:crypto';
import { escapeHtml } from '../domain/acknowledgement.ts';
import { LANGUAGES, type Language, QUEUED_LEVELS } from '../domain/support-model.ts';
import { messagesFor } from '../i18n/index.ts';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
article{border-top:1px solid #ccc;padding:.5rem 0 1rem}h3{margin-bottom:.25rem}
button{font:inherit;padding:.4rem .9rem;margin:.25rem 0;cursor:pointer}
textarea{display:block;width:100%;box-sizing:border-box;font:inherit;margin:.25rem 0}
.note{color:#a00}`;

// Plain ES2020 for the browser, kept as text: its hash goes into the CSP.
const SCRIPT = `(() => {
  'use strict';
  const t = JSON.parse(document.getElementById('portal-strings').textContent);
  const root = document.getElementById('case');
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  // The API is served where this page is: whatever precedes /portal/cases/{id}.
  const at = location.pathname.lastIndexOf('/portal/cases/');
  const base = location.pathname.slice(0, at);
  const caseId = decodeURIComponent(location.pathname.slice(at + '/portal/cases/'.length));
  const casePath = base + '/cases/' + encodeURIComponent(caseId);

  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const show = (...nodes) => root.replaceChildren(...nodes);

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

  function nextStep(c) {
    if (c.status === 'self-help') return t.nextSteps.selfHelp;
    if (c.status === 'open') return t.openSteps[c.classification ? c.classification.level : 1] || t.openSteps[1];
    if (c.status === 'deflected') return t.nextSteps.deflected;
    if (c.status === 'new') return t.nextSteps.new;
    return t.nextSteps.closed;
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
    if (c.status === 'self-help' && c.classification) nodes.push(...selfHelp(c));
    show(...nodes);
  }

  // A click, not the page load, answers: mail scanners open links but do not press buttons.
  // The question is whether they opened the request, not whether the address is theirs: a
  // stranger whose address someone typed would truthfully say yes to that.
  function confirmAddress() {
    const section = el('section');
    const note = el('p', '', 'note');
    note.setAttribute('role', 'alert');
    const buttons = [];
    const answer = (openedByMe, done) => async () => {
      for (const b of buttons) b.disabled = true;
      note.textContent = '';
      try {
        const reply = await call('POST', casePath + '/address-confirmation', { openedByMe }, true);
        if (reply.ok && reply.json) return render(reply.json, done);
      } catch {}
      note.textContent = t.actionFailed;
      for (const b of buttons) b.disabled = false;
    };
    for (const [label, openedByMe, done] of [
      [t.confirmAddress.button, true, t.confirmAddress.done],
      [t.confirmAddress.notMine, false, t.confirmAddress.notMineDone],
    ]) {
      const b = el('button', label);
      b.type = 'button';
      b.addEventListener('click', answer(openedByMe, done));
      buttons.push(b);
    }
    section.append(el('h2', t.confirmAddress.heading), el('p', t.confirmAddress.text), ...buttons, note);
    return section;
  }

  function selfHelp(c) {
    const buttons = [];
    const note = el('p', '', 'note');
    note.setAttribute('role', 'alert');
    const act = async (path, body) => {
      for (const b of buttons) b.disabled = true;
      note.textContent = '';
      try {
        const answer = await call('POST', path, body, true);
        if (answer.ok && answer.json) return render(answer.json);
      } catch {}
      note.textContent = t.actionFailed;
      for (const b of buttons) b.disabled = false;
    };
    const button = (label, onClick) => {
      const b = el('button', label);
      b.type = 'button';
      b.addEventListener('click', onClick);
      buttons.push(b);
      return b;
    };

    const list = el('section');
    list.append(el('h2', t.articlesHeading));
    for (const suggestion of c.classification.articles) {
      const summary = el('p');
      const steps = el('ol');
      const article = el('article');
      article.append(el('h3', suggestion.title), summary, el('h4', t.stepsHeading), steps);
      article.append(button(t.solved, () => act(casePath + '/deflection', { articleId: suggestion.id })));
      list.append(article);
      const path = base + '/kb/articles/' + encodeURIComponent(suggestion.id) + '?lang=' + encodeURIComponent(c.language);
      call('GET', path, undefined, false)
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
    const comment = el('textarea');
    comment.id = 'comment';
    comment.rows = 3;
    comment.maxLength = 4000;
    const label = el('label', t.commentLabel);
    label.htmlFor = 'comment';
    help.append(
      el('h2', t.needHelpHeading),
      label,
      comment,
      button(t.needHelp, () => {
        const text = comment.value.trim();
        return act(casePath + '/escalation', text ? { comment: text } : {});
      }),
    );
    return [list, help, note];
  }

  async function load() {
    if (!token) return show(el('p', t.linkIncomplete));
    try {
      const answer = await call('GET', casePath, undefined, true);
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

/** What the script says, as JSON that cannot end its <script> element early. */
function stringsJson(language: Language): string {
  const m = messagesFor(language);
  const openSteps = Object.fromEntries(QUEUED_LEVELS.map((level) => [level, m.ack.nextSteps[level]]));
  return JSON.stringify({ ...m.portal, openSteps, languages: LANGUAGES }).replace(/</g, '\\u003c');
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
