/**
 * Receive an email (email-to-ticket).
 *
 * Input: the raw MIME message that SES (or the local SMTP intake) stored, and its key.
 * Output: a new case, a follow-up on an existing case, or a recorded rejection with its
 * reason — never a crash, never a second case for the same Message-ID.
 * Primary course:
 *  1. Parse the MIME; an unreadable message is rejected, not retried forever. What the
 *     customer wrote is kept apart from the quoted thread and the signature (whose phone
 *     number intake records): a long English footer must not decide the language.
 * A message without a Message-ID is known by its stored object's key instead, so a
 * redelivery of the same object never opens a second case or adds a second follow-up.
 *  2. Reject what must never open a case: what SES judged a virus or spam, or sent by
 *     someone it could not verify (answering a forged sender is backscatter), bounces,
 *     auto-replies, mail loops, no sender.
 *  3. A reference `[TD-…]` in the subject from the case's customer adds a follow-up; a reply
 *     to a self-help case hands it to the ticket desk (level 1) and its queue.
 *  4. Anything else opens a case through the same intake as the web form.
 */
import EmailReplyParser from 'email-reply-parser';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { type Intake, IntakeSchema, normalizeEmail } from '../domain/intake-record.ts';
import { addFollowUp, wasHandedOver } from '../domain/support-case.ts';
import { queueHandOver } from './hand-over-to-desk.ts';
import { type OpenCaseDeps, openCaseUseCase } from './open-case.ts';
import type { MailRejections } from './ports.ts';

export type EmailOutcome =
  | { outcome: 'case-opened'; caseId: string; reference: string; replayed: boolean }
  | { outcome: 'follow-up'; caseId: string; reference: string }
  | { outcome: 'rejected'; reason: string };

export type ReceiveEmailDeps = OpenCaseDeps & { rejections: MailRejections; ownAddress: string };

const REFERENCE_IN_SUBJECT = /\[(TD-[0-9A-HJKMNP-TV-Z]{7})\]/i;
const MAX_DESCRIPTION = 20_000;
const MAX_NAME = 200;
/** A follow-up lives inside the case item (400 KB at most); the raw mail stays in S3. */
const MAX_FOLLOW_UP = 4_000;

/**
 * SES's verdicts on a message, as its receipt names them; each `status` is `PASS`, `FAIL`,
 * `GRAY` or `PROCESSING_FAILED`. A verdict SES did not give is absent.
 */
export type MailVerdicts = Partial<
  Record<'spamVerdict' | 'virusVerdict' | 'spfVerdict' | 'dkimVerdict' | 'dmarcVerdict', { status: string }>
>;

export async function receiveEmailUseCase(
  deps: ReceiveEmailDeps,
  raw: Buffer,
  rawKey: string,
  verdicts: MailVerdicts = {},
): Promise<EmailOutcome> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: false, maxHtmlLengthToParse: 2_000_000 });
  } catch (error) {
    return reject(deps, rawKey, undefined, undefined, `unreadable MIME: ${(error as Error).message}`);
  }
  // SES keeps the raw mail under one key per received message: a Lambda retry of the same
  // event reads the same key, so it stands in for a missing Message-ID.
  const messageId = mail.messageId?.trim() || `<no-message-id:${rawKey}>`;
  const sender = firstAddress(mail.from);
  const judged = verdictReason(verdicts);
  if (judged) return reject(deps, rawKey, messageId, sender?.address, judged);
  const automatic = automaticReason(mail, deps.ownAddress);
  if (automatic) return reject(deps, rawKey, messageId, sender?.address, automatic);
  if (!sender?.address) return reject(deps, rawKey, messageId, undefined, 'no sender address');

  const subject = (mail.subject ?? '').trim();
  const { text, signaturePhone } = customerWords(bodyText(mail));
  const reference = REFERENCE_IN_SUBJECT.exec(subject)?.[1]?.toUpperCase();
  if (reference) {
    const existing = await deps.store.findByReference(reference);
    if (existing && existing.customer.email.toLowerCase() === normalizeEmail(sender.address).toLowerCase()) {
      if (existing.followUps.some((f) => f.messageId === messageId)) {
        // Redelivered: the reply is on the case; only a lost queue message may be missing.
        if (wasHandedOver(existing)) await queueHandOver(deps.queues, existing);
        return { outcome: 'follow-up', caseId: existing.id, reference };
      }
      const now = deps.clock();
      const updated = addFollowUp(
        existing,
        {
          at: now.toISOString(),
          channel: 'email',
          from: sender.address,
          messageId,
          text: text.slice(0, MAX_FOLLOW_UP),
          rawKey,
        },
        now,
      );
      await deps.store.update(updated);
      // A reply to a self-help case hands it to the ticket desk, as the acknowledgement promised.
      if (wasHandedOver(updated)) await queueHandOver(deps.queues, updated);
      return { outcome: 'follow-up', caseId: existing.id, reference };
    }
  }

  const parsed = IntakeSchema.safeParse({
    customer: {
      name: (sender.name || sender.address.split('@')[0] || sender.address).slice(0, MAX_NAME),
      email: sender.address,
      ...(signaturePhone ? { phone: signaturePhone } : {}),
    },
    problem: {
      subject: (subject || firstLine(text) || '(no subject)').slice(0, 200),
      description: (text || '(empty message)').slice(0, MAX_DESCRIPTION),
    },
    channel: 'email',
    attachments: (mail.attachments ?? []).slice(0, 20).map((a, index) => ({
      name: (a.filename || `attachment-${index + 1}`).slice(0, 255),
      contentType: a.contentType || 'application/octet-stream',
      size: a.size ?? a.content?.length ?? 0,
      key: `${rawKey}#attachment-${index + 1}`,
    })),
  } satisfies Record<keyof Intake, unknown>);
  if (!parsed.success) {
    return reject(
      deps,
      rawKey,
      messageId,
      sender.address,
      `not a valid request: ${parsed.error.issues[0]?.message}`,
    );
  }
  const opened = await openCaseUseCase(deps, parsed.data, { messageId });
  return {
    outcome: 'case-opened',
    caseId: opened.id,
    reference: opened.reference,
    replayed: opened.replayed,
  };
}

/** What SES's scan says must not open a case; a verdict it could not give is no reason. */
function verdictReason(verdicts: MailVerdicts): string | undefined {
  const failed = (verdict: keyof MailVerdicts) => verdicts[verdict]?.status === 'FAIL';
  if (failed('virusVerdict')) return 'SES found a virus';
  if (failed('spamVerdict')) return 'SES judged it spam';
  // DMARC failing means the From domain's owner disowns it; so does failing both SPF and DKIM.
  if (failed('dmarcVerdict') || (failed('spfVerdict') && failed('dkimVerdict')))
    return 'the sender could not be verified (SPF/DKIM/DMARC): answering could reach a forged address';
  return undefined;
}

/** Messages a machine wrote in answer to something: answering them would start a mail loop. */
function automaticReason(mail: ParsedMail, ownAddress: string): string | undefined {
  const header = (name: string) => {
    const value = mail.headers.get(name);
    if (value === undefined) return '';
    return (
      typeof value === 'object' && value !== null && 'value' in value ? String(value.value) : String(value)
    ).toLowerCase();
  };
  const from = firstAddress(mail.from)?.address?.toLowerCase() ?? '';
  const contentType = header('content-type');
  if (contentType.includes('multipart/report') || contentType.includes('message/delivery-status'))
    return 'delivery status report (bounce)';
  if (/^(mailer-daemon|postmaster|no-?reply|bounces?)@/.test(from))
    return `sent by ${from.split('@')[0]}, not a person`;
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return `auto-submitted: ${autoSubmitted}`;
  if (header('x-autoreply') || header('x-autorespond') || header('x-auto-response-suppress').includes('all'))
    return 'automatic reply';
  if (/^(bulk|junk|list|auto_reply)$/.test(header('precedence')))
    return `precedence: ${header('precedence')}`;
  if (from === ownAddress.toLowerCase() || header('x-loop').includes('tierdesk'))
    return 'mail loop: sent by tierdesk itself';
  return undefined;
}

async function reject(
  deps: ReceiveEmailDeps,
  rawKey: string,
  messageId: string | undefined,
  from: string | undefined,
  reason: string,
): Promise<EmailOutcome> {
  await deps.rejections.record({
    rawKey,
    reason,
    at: deps.clock().toISOString(),
    ...(messageId ? { messageId } : {}),
    ...(from ? { from } : {}),
  });
  return { outcome: 'rejected', reason };
}

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((f) => f.value).find((a) => a.address);
}

/**
 * What the customer wrote, without the thread it quotes and without the signature; the
 * signature's phone number, if it has one (a technical callback needs it). When nothing is
 * left (a message that is only a signature), the whole text counts.
 */
function customerWords(body: string): { text: string; signaturePhone?: string } {
  const email = new EmailReplyParser().read(body);
  const said = email.getVisibleText().trim();
  const signature = email
    .getFragments()
    .filter((fragment) => fragment.isSignature())
    .map((fragment) => fragment.getContent())
    .join('\n');
  // Sign-offs the parser does not know ("С уважением, …") stay in what they said: look at
  // the signature first, then at the last lines.
  const signOff = said.split('\n').slice(-6).join('\n');
  const match = PHONE.exec(signature) ?? PHONE.exec(signOff);
  const phone = (match?.[1] ?? match?.[2])?.trim();
  return { text: said || body, ...(phone ? { signaturePhone: phone.slice(0, 40) } : {}) };
}

/**
 * A phone number as signatures write them: international (+…), or after a label in one of
 * our languages. A bare run of digits is not enough — it is as likely an error code.
 */
const PHONE =
  /(\+\d[\d ()./-]{6,}\d)|(?:tel|phone|mobile|mob|fon|telefon|tél|teléfono|móvil|тел)[\p{L}.]*\s*:?\s*(\d[\d ()./-]{5,}\d)/iu;

function bodyText(mail: ParsedMail): string {
  const text =
    mail.text?.trim() || (typeof mail.html === 'string' ? mail.html.replace(/<[^>]+>/g, ' ') : '') || '';
  return text.replace(/\r\n/g, '\n').trim();
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? ''
  );
}
