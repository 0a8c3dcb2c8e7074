/**
 * Receive an email (email-to-ticket).
 *
 * Input: the raw MIME message that SES (or the local SMTP intake) stored, and its key.
 * Output: a new case, a follow-up on an existing case, or a recorded rejection with its
 * reason — never a crash, never a second case for the same Message-ID.
 * Primary course:
 *  1. Parse the MIME; an unreadable message is rejected, not retried forever.
 *  2. Reject what must never open a case: bounces, auto-replies, mail loops, no sender.
 *  3. A reference `[TD-…]` in the subject from the case's customer adds a follow-up; a reply
 *     to a self-help case hands it to the ticket desk (level 1) and its queue.
 *  4. Anything else opens a case through the same intake as the web form.
 */
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { type Intake, IntakeSchema } from '../domain/intake-record.ts';
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

export async function receiveEmailUseCase(
  deps: ReceiveEmailDeps,
  raw: Buffer,
  rawKey: string,
): Promise<EmailOutcome> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: false, maxHtmlLengthToParse: 2_000_000 });
  } catch (error) {
    return reject(deps, rawKey, undefined, undefined, `unreadable MIME: ${(error as Error).message}`);
  }
  const messageId = mail.messageId?.trim() || undefined;
  const sender = firstAddress(mail.from);
  const automatic = automaticReason(mail, deps.ownAddress);
  if (automatic) return reject(deps, rawKey, messageId, sender?.address, automatic);
  if (!sender?.address) return reject(deps, rawKey, messageId, undefined, 'no sender address');

  const subject = (mail.subject ?? '').trim();
  const text = bodyText(mail);
  const reference = REFERENCE_IN_SUBJECT.exec(subject)?.[1]?.toUpperCase();
  if (reference) {
    const existing = await deps.store.findByReference(reference);
    if (existing && existing.customer.email.toLowerCase() === sender.address.toLowerCase()) {
      if (messageId && existing.followUps.some((f) => f.messageId === messageId)) {
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
          ...(messageId ? { messageId } : {}),
          text: text.slice(0, MAX_DESCRIPTION),
        },
        now,
      );
      await deps.store.update(updated);
      // A reply to a self-help case hands it to the ticket desk, as the acknowledgement promised.
      if (existing.classification?.level === 0 && updated.classification?.level === 1) {
        await queueHandOver(deps.queues, updated);
      }
      return { outcome: 'follow-up', caseId: existing.id, reference };
    }
  }

  const parsed = IntakeSchema.safeParse({
    customer: { name: sender.name || sender.address.split('@')[0], email: sender.address },
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
  const opened = await openCaseUseCase(deps, parsed.data, messageId ? { messageId } : {});
  return {
    outcome: 'case-opened',
    caseId: opened.id,
    reference: opened.reference,
    replayed: opened.replayed,
  };
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
