// The emails the support ladder sends a customer after the acknowledgement, composed in their
// language. Like the acknowledgement: what an agent, a vendor or the customer wrote goes into
// the HTML escaped and into a subject stripped of line breaks, so it can never inject markup or
// a header; every subject keeps the reference ("[REF] …") so that replies find the case.
// Pure: the caller sends the result (and attaches the calendar invitation of a booked call).
import type { Messages } from '../i18n/messages.ts';
import { type ComposedEmail, escapeHtml, MAX_SUBJECT, oneLine } from './acknowledgement.ts';

export type LadderMailBase = {
  reference: string;
  /** Quoted only in the subject of an agent's reply. */
  caseSubject: string;
  customerName: string;
  messages: Messages;
  /** The case page; carries the customer's access token. */
  caseUrl: string;
};

/** A vendor's answer is quoted at most this long. */
const MAX_EXCERPT = 1500;

/** An agent answered; `waitingForCustomer` adds that the case waits for their answer. */
export function composeReplyMail(
  b: LadderMailBase & { text: string; waitingForCustomer: boolean },
): ComposedEmail {
  const l = b.messages.ladder;
  return compose(b, l.reply.subject(oneLine(b.reference), oneLine(b.caseSubject).slice(0, MAX_SUBJECT)), [
    { lines: [l.reply.intro] },
    { written: b.text },
    ...(b.waitingForCustomer ? [{ lines: [l.reply.waitingForYou] }] : []),
    caseLink(b),
  ]);
}

/** The case is resolved: the resolution, and how to confirm or object within `objectionDays`. */
export function composeResolvedMail(
  b: LadderMailBase & { resolution: string; objectionDays: number },
): ComposedEmail {
  const l = b.messages.ladder.resolved;
  return compose(b, l.subject(oneLine(b.reference)), [
    { lines: [l.intro] },
    { heading: l.resolutionHeading, written: b.resolution },
    { lines: [l.confirmOrObject(b.objectionDays)] },
    caseLink(b),
  ]);
}

/**
 * The technician's call is booked for `window` (already formatted for the customer). The text
 * mentions the attached invitation: the caller attaches it.
 */
export function composeCallbackBookedMail(
  b: LadderMailBase & { window: string; phone?: string },
): ComposedEmail {
  const l = b.messages.ladder.callbackBooked;
  return compose(b, l.subject(oneLine(b.reference)), [
    {
      lines: [l.booked(oneLine(b.window)), ...(b.phone?.trim() ? [l.phone(oneLine(b.phone))] : []), l.invite],
    },
    { lines: [l.move], link: { label: b.messages.ladder.caseLink, url: b.caseUrl } },
  ]);
}

/** Reminds the customer of the booked call; they can still move it on the case page. */
export function composeCallbackReminderMail(b: LadderMailBase & { window: string }): ComposedEmail {
  const l = b.messages.ladder;
  return compose(b, l.callbackReminder.subject(oneLine(b.reference)), [
    { lines: [l.callbackReminder.text(oneLine(b.window))] },
    { lines: [l.callbackBooked.move], link: { label: l.caseLink, url: b.caseUrl } },
  ]);
}

/** The technician could not reach the customer: choose a new window on the case page. */
export function composeCallbackMissedMail(b: LadderMailBase): ComposedEmail {
  const l = b.messages.ladder.callbackMissed;
  return compose(b, l.subject(oneLine(b.reference)), [
    { lines: [l.text] },
    { link: { label: l.linkLabel, url: b.caseUrl } },
  ]);
}

/** Level 4: may the request go to the vendor? What is shared, and how to answer (page, or YES/NO). */
export function composeConsentRequestMail(
  b: LadderMailBase & { vendorName: string; maintains: string },
): ComposedEmail {
  const l = b.messages.ladder.consent;
  return compose(b, l.subject(oneLine(b.reference)), [
    { lines: [l.request(oneLine(b.vendorName), oneLine(b.maintains))] },
    { lines: [l.shared] },
    { lines: [l.how] },
    caseLink(b),
  ]);
}

/** The vendor was contacted, or answered (optionally quoting an excerpt of the answer). */
export function composeVendorProgressMail(
  b: LadderMailBase & {
    vendorName: string;
    kind: 'contacted' | 'answered';
    vendorReference?: string;
    excerpt?: string;
  },
): ComposedEmail {
  const l = b.messages.ladder.vendorProgress;
  const vendor = oneLine(b.vendorName);
  const excerpt = b.excerpt?.trim() ? b.excerpt.trim().slice(0, MAX_EXCERPT) : undefined;
  return compose(b, l.subject(oneLine(b.reference)), [
    { lines: [b.kind === 'contacted' ? l.contacted(vendor) : l.answered(vendor)] },
    ...(excerpt ? [{ quoted: excerpt }] : []),
    ...(b.vendorReference?.trim() ? [{ lines: [l.vendorReference(oneLine(b.vendorReference))] }] : []),
    caseLink(b),
  ]);
}

/** The case is closed; a reply reopens it (the text says so, so no separate reply hint). */
export function composeClosedMail(b: LadderMailBase): ComposedEmail {
  const l = b.messages.ladder.closed;
  return compose(b, l.subject(oneLine(b.reference)), [{ lines: [l.text] }, caseLink(b)], {
    replyHint: false,
  });
}

/**
 * One part of a mail: our own lines (from the messages), text someone wrote (`written`: an
 * agent's answer or resolution, shown with its line breaks), a quoted excerpt, and a link.
 */
type Block = {
  heading?: string;
  lines?: string[];
  written?: string;
  quoted?: string;
  link?: { label: string; url: string };
};

function caseLink(b: LadderMailBase): Block {
  return { link: { label: b.messages.ladder.caseLink, url: b.caseUrl } };
}

function compose(
  b: LadderMailBase,
  subject: string,
  blocks: Block[],
  options: { replyHint: boolean } = { replyHint: true },
): ComposedEmail {
  const m = b.messages;
  const greeting = m.ack.greeting(oneLine(b.customerName));
  const footer = options.replyHint ? [m.ack.replyHint] : [];

  const text = [
    greeting,
    '',
    ...blocks.flatMap((block) => [
      ...(block.heading ? [block.heading, '-'.repeat(block.heading.length)] : []),
      ...(block.lines ?? []),
      ...(block.written !== undefined ? [writtenText(block.written)] : []),
      ...(block.quoted !== undefined
        ? writtenText(block.quoted)
            .split('\n')
            .map((line) => `    ${line}`.trimEnd())
        : []),
      ...(block.link ? [block.link.label, block.link.url] : []),
      '',
    ]),
    ...footer.flatMap((line) => [line, '']),
    m.ack.signature,
  ].join('\n');

  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...blocks.map((block) =>
      [
        block.heading ? `<h3>${escapeHtml(block.heading)}</h3>` : '',
        ...(block.lines ?? []).map((line) => `<p>${escapeHtml(line)}</p>`),
        block.written !== undefined ? writtenHtml(block.written) : '',
        block.quoted !== undefined
          ? `<blockquote style="margin:0 0 1em 1em;padding-left:1em;border-left:3px solid #ccc">${writtenHtml(block.quoted)}</blockquote>`
          : '',
        block.link
          ? `<p>${escapeHtml(block.link.label)}<br><a href="${escapeHtml(block.link.url)}">${escapeHtml(block.link.url)}</a></p>`
          : '',
      ].join(''),
    ),
    ...footer.map((line) => `<p><small>${escapeHtml(line)}</small></p>`),
    `<p>${escapeHtml(m.ack.signature)}</p>`,
    '</body></html>',
  ].join('\n');

  // The message functions are ours, but the subject is a header: it must stay one line.
  return { subject: oneLine(subject), text, html };
}

/**
 * Text someone wrote, for the plain-text part: its own line breaks (CRLF or CR folded to LF),
 * without other control characters or bidirectional overrides, and without blank runs.
 */
function writtenText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029]/g, '\n')
      // Bidirectional overrides: the text must read as it was written.
      .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[\p{Cc}]/gu, (ch) => (ch === '\n' || ch === '\t' ? ch : ' '))
      .replace(/\n\s*\n/g, '\n\n')
      .trim()
  );
}

/** The same text as HTML: escaped, one paragraph per blank-line-separated part, line breaks kept. */
function writtenHtml(value: string): string {
  return writtenText(value)
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}
