// The dossier: everything a level that takes a case over must know, so nobody asks the customer
// twice. The experts (level 3) get all of it — every documented fact, the history with the
// internal notes, the classification with its reasons, what levels 1–2 tried. A vendor gets the
// facts and what was tried in public, never an internal note or a classification reason.
// Team mail is in English (the desk's working language); the customer's own words are quoted
// as they wrote them.
import { type ComposedEmail, escapeHtml, oneLine } from './acknowledgement.ts';
import type { CaseEvent } from './case-history.ts';
import type { FollowUp, SupportCase } from './support-case.ts';
import { LEVEL_NAMES } from './support-model.ts';

export type DossierInput = {
  supportCase: SupportCase;
  /** The case's history, oldest first (the caller reads it from the store). */
  history: readonly CaseEvent[];
  /** The customer's later messages, newest first, as the store lists them. */
  followUps: readonly FollowUp[];
  audience: 'team' | 'vendor';
  /** Heading line: why the mail is sent (e.g. "Escalated to level 3 (experts)"). */
  purpose: string;
  /** The agents' link to the case (GET /cases/{id}); never in a vendor's mail. */
  caseUrl?: string;
};

type Section = { heading: string; lines: string[] };

const MAX_QUOTE = 2000;

export function composeDossier(input: DossierInput): ComposedEmail {
  const { supportCase: c, audience } = input;
  const sections: Section[] = [
    { heading: 'Request', lines: factLines(c) },
    { heading: 'Customer', lines: customerLines(c) },
  ];
  if (audience === 'team' && c.classification) {
    const k = c.classification;
    sections.push({
      heading: 'Classification',
      lines: [
        `${k.category}, ${k.priority}, level ${k.level} (${LEVEL_NAMES[k.level]}), confidence ${k.confidence}`,
        ...k.reasons.map((r) => `• ${r}`),
        ...c.corrections.map((k2) => `• corrected ${k2.at} by ${k2.by}: ${k2.reason}`),
      ],
    });
  }
  if (c.missingFacts.length)
    sections.push({ heading: 'Still missing', lines: c.missingFacts.map((f) => `• ${f}`) });
  const tried = triedLines(input.history, audience);
  if (tried.length) sections.push({ heading: 'What was tried so far', lines: tried });
  if (input.followUps.length) {
    sections.push({
      heading: "The customer's later messages",
      lines: [...input.followUps]
        .reverse()
        .map((f) => `${f.at} (${f.channel}): ${f.text.slice(0, MAX_QUOTE)}`),
    });
  }
  if (c.attachments.length)
    sections.push({
      heading: 'Attachments',
      lines: c.attachments.map((a) => `• ${a.name} (${a.contentType}, ${a.size} bytes)`),
    });
  if (audience === 'team' && c.defect)
    sections.push({
      heading: 'Linked defect',
      lines: [`${c.defect.reference}${c.defect.url ? ` ${c.defect.url}` : ''}`],
    });
  if (audience === 'team' && input.caseUrl) sections.push({ heading: 'Case', lines: [input.caseUrl] });

  const subject = `[${c.reference}] ${input.purpose}: ${oneLine(c.problem.subject).slice(0, 120)}`;
  const text = [input.purpose, '', ...sections.flatMap((s) => [s.heading, ...s.lines, ''])].join('\n');
  const html = [
    `<p>${escapeHtml(input.purpose)}</p>`,
    ...sections.map(
      (s) =>
        `<h3>${escapeHtml(s.heading)}</h3>${s.lines.map((l) => `<p style="white-space:pre-wrap">${escapeHtml(l)}</p>`).join('')}`,
    ),
  ].join('\n');
  return { subject, text, html };
}

function factLines(c: SupportCase): string[] {
  const p = c.problem;
  const facts: Array<[string, string | number | undefined]> = [
    ['Reference', c.reference],
    ['Opened', `${c.createdAt} by ${c.channel}`],
    ['Subject', oneLine(p.subject)],
    ['Product', p.product],
    ['Version', p.version],
    ['Asset', p.asset],
    ['Error', p.errorText],
    ['Steps', p.steps],
    ['Since', p.since],
    ['People affected', p.affectedUsers],
  ];
  return [
    ...facts
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([name, value]) => `${name}: ${value}`),
    'Description:',
    p.description.slice(0, 10_000),
  ];
}

function customerLines(c: SupportCase): string[] {
  const k = c.customer;
  return [
    `${k.name} <${k.email}>`,
    ...(k.phone ? [`Phone: ${k.phone}`] : []),
    ...(k.organisation ? [`Organisation: ${k.organisation}`] : []),
    `Language: ${c.language}${k.timeZone ? `, time zone ${k.timeZone}` : ''}`,
  ];
}

/** The history told as what levels 1–2 tried: replies, callbacks and (for the team) notes. */
function triedLines(history: readonly CaseEvent[], audience: DossierInput['audience']): string[] {
  const shown = history.filter((e) => audience === 'team' || e.visibility === 'public');
  return shown.flatMap((e) => {
    const text = typeof e.data.text === 'string' ? e.data.text.slice(0, MAX_QUOTE) : undefined;
    switch (e.type) {
      case 'noted':
        return [`${e.at} note: ${text ?? ''}`];
      case 'replied':
        return [`${e.at} reply to the customer: ${text ?? ''}`];
      case 'callback-held':
      case 'callback-missed':
        return [
          `${e.at} callback ${e.data.outcome}${e.data.note && audience === 'team' ? `: ${e.data.note}` : ''}`,
        ];
      case 'escalated':
        return [
          `${e.at} escalated from level ${e.data.fromLevel} to ${e.data.level}${audience === 'team' ? `: ${e.data.reason}` : ''}`,
        ];
      case 'resolution-objected':
        return [`${e.at} the customer objected to a resolution${text ? `: ${text}` : ''}`];
      default:
        return [];
    }
  });
}
