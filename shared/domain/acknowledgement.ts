// The acknowledgement email, composed in the customer's language. Customer text goes into
// the body escaped (HTML) and into the subject stripped of line breaks, so it can never
// inject markup or a header.
import type { Messages } from '../i18n/messages.ts';
import type { Duration, SlaTarget } from './sla-policy.ts';
import type { SupportCase } from './support-case.ts';

export type AcknowledgementInput = {
  supportCase: SupportCase;
  messages: Messages;
  sla: SlaTarget;
  /** Where the customer sees the case; carries their access token. */
  caseUrl: string;
  /**
   * Level 0: where the customer reads the articles' steps and confirms that one solved it, or
   * asks for a person (the case page, usually the same link as `caseUrl`).
   */
  confirmUrl?: string;
};

export type ComposedEmail = { subject: string; text: string; html: string };

export const MAX_SUBJECT = 120;

export function composeAcknowledgement(input: AcknowledgementInput): ComposedEmail {
  const { supportCase: c, messages: m, sla } = input;
  const level = c.classification?.level ?? 1;
  const subject = m.ack.subject(c.reference, oneLine(c.problem.subject).slice(0, MAX_SUBJECT));
  // The classifier found them in the customer's language, with their summaries.
  const articles = level === 0 ? (c.classification?.articles ?? []) : [];
  // Nobody answers a self-help case: its targets start once the customer asks for a person.
  const slaLine = level === 0 ? m.ack.slaSelfHelp : m.ack.sla;
  const sections: Array<{ heading: string; lines: string[]; link?: string }> = [
    {
      heading: m.ack.summaryHeading,
      lines: [oneLine(c.problem.subject), c.problem.description.slice(0, 1500)],
    },
    { heading: m.ack.nextStepsHeading, lines: [m.ack.nextSteps[level]] },
    {
      heading: m.ack.slaHeading,
      lines: [
        m.priorityName[c.classification?.priority ?? 'P4'],
        slaLine(durationText(sla.firstResponse, m), durationText(sla.resolution, m)),
      ],
    },
  ];
  if (c.missingFacts.length > 0) {
    sections.push({
      heading: m.ack.missingHeading,
      lines: [m.ack.missingIntro, ...c.missingFacts.map((fact) => `• ${m.facts[fact]}`)],
    });
  }
  if (articles.length > 0) {
    sections.push({
      heading: m.ack.articlesHeading,
      lines: articles.map((a) => `• ${oneLine(a.title)}${a.summary ? ` — ${oneLine(a.summary)}` : ''}`),
    });
  }
  if (input.confirmUrl) {
    sections.push({ heading: m.ack.selfHelpHeading, lines: [m.ack.selfHelpLink], link: input.confirmUrl });
  }
  // The same page twice would only make the customer wonder which link to use.
  if (input.confirmUrl !== input.caseUrl) {
    sections.push({ heading: m.ack.viewHeading, lines: [m.ack.viewCase], link: input.caseUrl });
  }

  const greeting = m.ack.greeting(oneLine(c.customer.name));
  const received = m.ack.received(c.reference);
  const text = [
    greeting,
    '',
    received,
    '',
    ...sections.flatMap((s) => [
      ...(s.heading ? [s.heading, '-'.repeat(s.heading.length)] : []),
      ...s.lines,
      ...(s.link ? [s.link] : []),
      '',
    ]),
    m.ack.replyHint,
    '',
    m.ack.signature,
  ].join('\n');

  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(received)}</p>`,
    ...sections.map(
      (s) =>
        `${s.heading ? `<h3>${escapeHtml(s.heading)}</h3>` : ''}${s.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}${
          s.link ? `<p><a href="${escapeHtml(s.link)}">${escapeHtml(s.link)}</a></p>` : ''
        }`,
    ),
    `<p><small>${escapeHtml(m.ack.replyHint)}</small></p>`,
    `<p>${escapeHtml(m.ack.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/**
 * The first mail to an address the desk has not seen verified. A public form lets anyone name
 * any address, so this mail carries nothing the caller wrote — no subject, no description, no
 * name — only our reference and the link to the case page, where the owner of the mailbox
 * confirms it (relay spam: help desks that quoted requesters' text were used to mail strangers).
 */
export function composeFirstContact(input: {
  reference: string;
  messages: Messages;
  caseUrl: string;
}): ComposedEmail {
  const m = input.messages.ack;
  const lines = [
    m.firstContact.greeting,
    '',
    m.firstContact.received(input.reference),
    '',
    m.firstContact.confirmLink,
    input.caseUrl,
    '',
    m.firstContact.notYou,
    '',
    m.signature,
  ];
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">',
    `<p>${escapeHtml(m.firstContact.greeting)}</p>`,
    `<p>${escapeHtml(m.firstContact.received(input.reference))}</p>`,
    `<p>${escapeHtml(m.firstContact.confirmLink)}</p>`,
    `<p><a href="${escapeHtml(input.caseUrl)}">${escapeHtml(input.caseUrl)}</a></p>`,
    `<p>${escapeHtml(m.firstContact.notYou)}</p>`,
    `<p>${escapeHtml(m.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: m.firstContact.subject(input.reference), text: lines.join('\n'), html };
}

export function durationText(d: Duration, m: Messages): string {
  return m.duration[d.unit](d.amount);
}

/** Collapses line breaks and control characters: a subject or name stays one line. */
export function oneLine(value: string): string {
  return (
    value
      // Control characters and bidirectional overrides: a subject must read as it was written.
      .replace(/[\p{Cc}\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
