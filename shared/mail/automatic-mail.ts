// Mail a machine wrote: bounces, read receipts, abuse reports, auto-replies, list traffic,
// mail flagged as spam on its way, fax and scanner notifications, and our own mail coming
// back. Answering any of it opens a case nobody asked for and can start a mail loop, so email
// intake rejects it, recording the reason given here (written for a person to read).
import { finished } from 'node:stream/promises';
import { Splitter } from '@zone-eu/mailsplit';
import type { AddressObject, ParsedMail } from 'mailparser';
import { LOOP_HEADER } from '../domain/mail-policy.ts';

/** What intake knows of a message besides its parsed MIME. */
export type MailContext = {
  /** The desk's own From address. */
  ownAddress: string;
  /** The SMTP envelope sender (MAIL FROM) SES saw; absent when unknown, empty or `<>` when null. */
  envelopeSender?: string;
  /** Content types of the message's MIME parts, from `mimePartTypes`. */
  partTypes: readonly string[];
};

/**
 * The content type of every MIME part, at any depth. mailparser folds a delivery-status part
 * into the text and shows nothing of the structure, so the raw message is split again. An
 * attached message (message/rfc822) is not opened: a person forwarding a bounce is asking
 * about it, not bouncing.
 */
export async function mimePartTypes(raw: Buffer): Promise<string[]> {
  const types: string[] = [];
  const splitter = new Splitter({ ignoreEmbedded: true });
  splitter.on('data', (chunk) => {
    if (chunk.type === 'node' && chunk.contentType) types.push(chunk.contentType.toLowerCase());
  });
  try {
    splitter.end(raw);
    await finished(splitter);
  } catch {
    // mailparser read the message; what the splitter saw before it stumbled still counts.
  }
  return types;
}

/** Why this message is automatic mail that must not open a case; undefined for a person's mail. */
export function automaticReason(mail: ParsedMail, context: MailContext): string | undefined {
  const headers = headerReader(mail);
  const from = firstAddress(mail.from)?.address?.toLowerCase() ?? '';
  if (
    (from && from === context.ownAddress.toLowerCase()) ||
    headers.value('x-loop').includes(LOOP_HEADER.value)
  )
    return 'mail loop: sent by tierdesk itself';
  const local = from.split('@')[0] ?? '';
  return (
    reportReason(headers, context.partTypes) ??
    responderReason(headers, mail.subject?.trim() ?? '', Boolean(mail.inReplyTo || mail.references)) ??
    senderReason(headers, local, context.envelopeSender) ??
    bulkReason(headers) ??
    deviceReason(mail, local, headers)
  );
}

/** A mailbox that belongs to a mail system, a failure notice, or the null sender of bounces. */
function senderReason(headers: HeaderReader, local: string, envelopeSender: string | undefined) {
  if (MAIL_SYSTEM_SENDER.test(local) || NO_REPLY_SENDER.test(local)) return `sent by ${local}, not a person`;
  if (headers.first('x-failed-recipients') !== undefined)
    return 'delivery failure notice (X-Failed-Recipients)';
  const returnPath = headers.first('return-path');
  if (isNullSender(envelopeSender) || (returnPath !== undefined && /^<\s*>$/.test(returnPath)))
    return 'null envelope sender (<>): a bounce or another automatic notification';
  return undefined;
}

/** RFC 3834 auto-responders, the headers other responders use, and their subjects. */
function responderReason(headers: HeaderReader, subject: string, isReply: boolean) {
  const autoSubmitted = headers.value('auto-submitted').split(';')[0]?.trim() ?? '';
  if (autoSubmitted && autoSubmitted !== 'no') return `auto-submitted: ${autoSubmitted}`;
  const autoReply = headers.find(
    (key, value) => AUTO_REPLY_HEADERS.has(key) && !/^(no|false|0)?$/i.test(value),
  );
  if (autoReply) return `automatic mail (${autoReply.name}: ${autoReply.value.slice(0, 40)})`;
  const suppress = headers.value('x-auto-response-suppress');
  // Outlook's own auto-replies and bulk senders ask for no OOF/auto-reply; DR/NDR/RN/NRN only
  // decline receipts, which a person's client may do.
  if (/\b(all|oof|autoreply)\b/.test(suppress))
    return `asks not to be answered automatically (X-Auto-Response-Suppress: ${suppress})`;
  // Only as the answer to a message: a person may well ask about "Automatic reply: …".
  if (isReply && AUTO_REPLY_SUBJECT.test(subject))
    return `automatic reply (subject "${subject.slice(0, 60)}")`;
  // Outlook's own read receipts travel as TNEF, not as RFC 8098 reports.
  if (READ_RECEIPT_SUBJECT.test(subject) && headers.value('content-type').startsWith('application/ms-tnef'))
    return 'read receipt (Outlook)';
  // RFC 7489's subject for aggregate reports; their XML travels zipped, with no report part.
  if (/^report domain:\s*\S+\s+submitter:\s*\S+/i.test(subject)) return 'DMARC aggregate report';
  return undefined;
}

/** Bulk and list mail, and mail a filter on its way flagged as spam. */
function bulkReason(headers: HeaderReader) {
  const precedence = headers.value('precedence').trim();
  if (/^(bulk|junk|list|auto_reply)$/.test(precedence)) return `precedence: ${precedence}`;
  // Sent to a list we are on, not to us: the author asked the list, not the desk (RFC 2369/2919).
  const list = headers.find(
    (key) => key.startsWith('list-') || key === 'mailing-list' || key === 'x-mailing-list',
  );
  if (list) return `mailing-list traffic (${list.name})`;
  const spam = headers.find(
    (key, value) =>
      (SPAM_FLAG_HEADERS.has(key) && /^yes\b/i.test(value)) ||
      (key.endsWith('mailscanner-spamcheck') && /^spam\b/i.test(value)),
  );
  if (spam) return `flagged as spam on its way (${spam.name}: ${spam.value.slice(0, 40)})`;
  return undefined;
}

/** RFC 3464 bounces, RFC 8098 read receipts, RFC 5965 feedback reports: their parts at any depth. */
function reportReason(headers: HeaderReader, partTypes: readonly string[]): string | undefined {
  for (const type of partTypes) {
    const reason = REPORT_PARTS[type];
    if (reason) return reason;
  }
  // multipart/report is written by machines only (RFC 6522), even when its report part is lost.
  const contentType = headers.value('content-type');
  if (!contentType.startsWith('multipart/report') && !partTypes.includes('multipart/report'))
    return undefined;
  const reportType = /report-type\s*=\s*"?([\w-]+)/.exec(contentType)?.[1];
  if (!reportType) return 'automatic report (multipart/report)';
  return REPORT_PARTS[`message/${reportType}`] ?? `automatic report (${reportType})`;
}

/**
 * A fax server's or a multifunction device's message, told by its sender, its mailer, or the
 * sentence such devices open with. A person writing about their scanner matches none of them.
 */
function deviceReason(mail: ParsedMail, local: string, headers: HeaderReader): string | undefined {
  if (DEVICE_SENDER.test(local)) return `sent by a fax or scanner device (${local}@…), not a person`;
  const mailer = `${headers.value('x-mailer')} ${headers.value('user-agent')}`;
  const device = DEVICE_MAILER.exec(mailer);
  if (device) return `sent by a fax or scanner device (mailer ${device[0]}), not a person`;
  const opening = (mail.text ?? '').trim().split('\n')[0]?.trim() ?? '';
  if (DEVICE_OPENING.test(opening)) return `fax or scanner notification ("${opening.slice(0, 60)}")`;
  return undefined;
}

const REPORT_PARTS: Record<string, string> = {
  'message/delivery-status': 'delivery status report (bounce)',
  'message/global-delivery-status': 'delivery status report (bounce)',
  'message/disposition-notification': 'read receipt (message disposition notification)',
  'message/global-disposition-notification': 'read receipt (message disposition notification)',
  'message/feedback-report': 'abuse feedback report (ARF)',
};

/** Mailboxes of mail systems and bulk senders (VERP suffixes allowed: bounces+x@, bounce-7@). */
const MAIL_SYSTEM_SENDER = /^(mailer[-_.]?daemon|post[-_.]?master|bounces?|newsletters?)([-+_.].*)?$/;
/** "Do not reply" mailboxes, also as part of a name (gmail-noreply@) and in our languages. */
const NO_REPLY_SENDER =
  /(^|[-_.+])(no[-_.]?reply|do[-_.]?not[-_.]?reply|dont[-_.]?reply|ne[-_.]?pas[-_.]?repondre|nicht[-_.]?antworten|keine[-_.]?antwort|no[-_.]?responder|no[-_.]?contestar|niet[-_.]?beantwoorden|geen[-_.]?antwoord)([-_.+\d]|$)/;
const AUTO_REPLY_HEADERS = new Set([
  'x-autoreply',
  'x-autorespond',
  'x-autogenerated',
  'x-autoreply-from',
  'x-mail-autoreply',
]);
/** Outlook's localised "Read:" / "Not read:" prefixes. */
const READ_RECEIPT_SUBJECT =
  /^(not read|read|nicht gelesen|gelesen|non lu|lu|no leído|leído|niet gelezen|gelezen|не прочитано|прочитано)\s*:/i;
const SPAM_FLAG_HEADERS = new Set(['x-spam-flag', 'x-spam-status', 'x-spam']);
/** Prefixes auto-responders put before the subject they answer, in our six languages. */
const AUTO_REPLY_SUBJECT =
  /^(auto(matic)?[ -]?(reply|response|answer)|autoreply|out of (the )?office( reply| autoreply)?|abwesenheitsnotiz|automatische antwort|r[ée]ponse automatique|respuesta autom[áa]tica|automatisch antwoord|afwezigheidsmelding|автоответ|автоматический ответ)\s*:/i;
/** A device's mailbox: scanner@, scan-3rdfloor@, fax@, efax@, mfp@… ("faxon" is a surname). */
const DEVICE_SENDER =
  /^(scan|scans|scanner|scanners|scan2mail|scan2email|scantoemail|scan-to-e?mail|fax|faxes|efax|faxserver|fax-server|fax2mail|faxmail|mfp|mfd|copier)([-_.+][^@]*|\d*)$/;
/** Mailer names of multifunction devices and fax servers. */
const DEVICE_MAILER =
  /\b(km-mfp|aficio|workcentre|versalink|altalink|primelink|bizhub|taskalfa|ecosys|imagerunner|e-studio|digital sending|rightfax|faxmaker|xmediusfax|mfp)\b/i;
/** First lines of fax-server and scan-to-email messages. */
const DEVICE_OPENING =
  /^(a (new )?fax has arrived|you have (received|got) a (new )?fax\b|scanned (from|by|with) (a|an|the) .*(printer|scanner|device|mfp|copier)|please open the attached document\. it was scanned|this e-?mail was sent from ".*" \()/i;

type HeaderReader = ReturnType<typeof headerReader>;

/** Top-level header fields as written (mailparser folds `List-*` into one object), unfolded. */
function headerReader(mail: ParsedMail) {
  const fields = (mail.headerLines ?? []).map(({ key, line }) => {
    const colon = line.indexOf(':');
    return {
      key,
      name: line.slice(0, colon).trim(),
      value: line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    };
  });
  return {
    /** The first field of that name (lower case), or undefined. */
    first: (key: string) => fields.find((f) => f.key === key)?.value,
    /** Every field of that name, joined, in lower case; '' when there is none. */
    value: (key: string) =>
      fields
        .filter((f) => f.key === key)
        .map((f) => f.value)
        .join(', ')
        .toLowerCase(),
    find: (test: (key: string, value: string) => boolean) => fields.find((f) => test(f.key, f.value)),
  };
}

function isNullSender(envelopeSender: string | undefined): boolean {
  return envelopeSender !== undefined && /^<?\s*>?$/.test(envelopeSender.trim());
}

/** The first address of a From (or any address) header that names one. */
export function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((f) => f.value).find((a) => a.address);
}
