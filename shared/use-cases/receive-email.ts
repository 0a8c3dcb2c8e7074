/**
 * Receive an email (email-to-ticket).
 *
 * Input: the raw MIME message that SES (or the local SMTP intake) stored, and its key.
 * Output: a new case, a follow-up on an existing case, or a recorded rejection with its
 * reason — never a crash, never a second case for the same Message-ID.
 * Primary course:
 *  1. Parse the MIME (undeclared 8-bit text decoded in its detected charset); an unreadable
 *     message is rejected, not retried forever. What the customer wrote is kept apart from
 *     the quoted thread and the signature (whose phone number intake records): a long
 *     English footer must not decide the language.
 * A message without a Message-ID is known by its stored object's key instead, so a
 * redelivery of the same object never opens a second case or adds a second follow-up.
 *  2. Reject what must never open a case: what SES judged a virus or spam, or sent by
 *     someone it could not verify (answering a forged sender is backscatter), automatic mail
 *     (bounces, receipts, auto-replies, list mail, fax and scanner notices — see
 *     mail/automatic-mail.ts), mail loops, no sender, or a sender address that must never be a
 *     recipient (control or bidi characters, an IP literal…).
 *  3. A reference `[TD-…]` in the subject from the case's customer adds a follow-up (the facts
 *     it gives leave missingFacts; a reply to a self-help case hands it to the ticket desk, to a
 *     resolved one reopens it); a YES or NO on its first line answers a consent request.
 *     From the case's vendor, to the case's plus-tagged reply address, it is the vendor's
 *     answer: it joins the case's vendor conversation (an automatic reply of the vendor's
 *     ticket system too — it carries the vendor's reference), and the customer is told.
 *  4. Anything else opens a case through the same intake as the web form.
 */
import EmailReplyParser from 'email-reply-parser';
import { type ParsedMail, simpleParser } from 'mailparser';
import { ulid } from 'ulid';
import { VENDOR_CATALOGUE } from '../config/this-deployment.ts';
import { answerConsent, customerWrote, vendorAnswered } from '../domain/case-lifecycle.ts';
import { CaseNotFoundError, ConcurrentUpdateError } from '../domain/errors.ts';
import { type Intake, IntakeSchema, normalizeEmail, unusableAddressReason } from '../domain/intake-record.ts';
import { LOOP_HEADER } from '../domain/mail-policy.ts';
import { bareAnswerIn, consentAnswerIn } from '../domain/reply-intent.ts';
import { type FollowUp, type SupportCase, wasHandedOver } from '../domain/support-case.ts';
import { vendorById, vendorReferenceIn } from '../domain/vendor-catalogue.ts';
import { automaticReason, firstAddress, mimePartTypes } from '../mail/automatic-mail.ts';
import { declareCharsets } from '../mail/decode-raw-mail.ts';
import { queueEffects } from './act-on-case.ts';
import { factReader } from './fact-reader.ts';
import { queueHandOver } from './hand-over-to-desk.ts';
import { vendorReplyAddress } from './level-work.ts';
import { type OpenCaseDeps, openCaseUseCase } from './open-case.ts';
import type { MailRejections, Recipients } from './ports.ts';

export type EmailOutcome =
  | { outcome: 'case-opened'; caseId: string; reference: string; replayed: boolean }
  | { outcome: 'follow-up'; caseId: string; reference: string }
  | { outcome: 'vendor-answer'; caseId: string; reference: string }
  | { outcome: 'rejected'; reason: string };

export type ReceiveEmailDeps = OpenCaseDeps & {
  rejections: MailRejections;
  recipients: Recipients;
  ownAddress: string;
};

/**
 * SES vouches that the From address's domain sent it: DMARC passed, which needs SPF or DKIM to
 * pass *aligned with the From domain*. SPF or DKIM alone may pass for another domain than the
 * one in From (an attacker's own), so they prove nothing about the mailbox.
 */
function fromDomainVouches(verdicts: MailVerdicts): boolean {
  return verdicts.dmarcVerdict?.status === 'PASS';
}

const REFERENCE_IN_SUBJECT = /\[(TD-[0-9A-HJKMNP-TV-Z]{7})\]/i;
const MAX_DESCRIPTION = 20_000;
const MAX_NAME = 200;
/** A follow-up is an item of its own, its text bounded; the raw mail stays in S3. */
const MAX_FOLLOW_UP = 4_000;
/** Tries of a reply whose case changed meanwhile (another reply, the classifier, an agent). */
const FOLLOW_UP_ATTEMPTS = 8;

/**
 * SES's verdicts on a message, as its receipt names them; each `status` is `PASS`, `FAIL`,
 * `GRAY` or `PROCESSING_FAILED`. GRAY says the check had nothing to check: no SPF record for
 * the MAIL FROM domain, no DKIM signature, no DMARC record for the From domain. `dmarcPolicy`
 * comes with a DMARC FAIL: what the From domain asks for such mail (`none`, `quarantine`,
 * `reject`). A verdict SES did not give is absent.
 */
export type MailVerdicts = Partial<
  Record<
    'spamVerdict' | 'virusVerdict' | 'spfVerdict' | 'dkimVerdict' | 'dmarcVerdict',
    { status: string }
  > & {
    dmarcPolicy: string;
  }
>;

/** The SMTP envelope as SES saw it: `sender` is MAIL FROM, '' or `<>` for a bounce. */
export type MailEnvelope = { sender?: string };

export async function receiveEmailUseCase(
  deps: ReceiveEmailDeps,
  raw: Buffer,
  rawKey: string,
  verdicts: MailVerdicts = {},
  envelope: MailEnvelope = {},
): Promise<EmailOutcome> {
  let mail: ParsedMail;
  try {
    // Undeclared 8-bit text would become U+FFFD: name its charset before mailparser reads it.
    mail = await simpleParser(await declareCharsets(raw), {
      skipHtmlToText: false,
      maxHtmlLengthToParse: 2_000_000,
    });
  } catch (error) {
    return reject(deps, rawKey, undefined, undefined, `unreadable MIME: ${(error as Error).message}`);
  }
  // SES keeps the raw mail under one key per received message: a Lambda retry of the same
  // event reads the same key, so it stands in for a missing Message-ID.
  const messageId = mail.messageId?.trim() || `<no-message-id:${rawKey}>`;
  const sender = firstAddress(mail.from);
  const judged = verdictReason(verdicts);
  if (judged) return reject(deps, rawKey, messageId, sender?.address, judged);
  const vendorAnswer = senderVouched(verdicts)
    ? await vendorAnswerUseCase(deps, mail, messageId, sender?.address)
    : undefined;
  if (vendorAnswer) return vendorAnswer;
  const automatic = automaticReason(mail, {
    ownAddress: deps.ownAddress,
    envelopeSender: envelope.sender,
    partTypes: await mimePartTypes(raw),
  });
  if (automatic) return reject(deps, rawKey, messageId, sender?.address, automatic);
  if (!sender?.address) return reject(deps, rawKey, messageId, undefined, 'no sender address');
  // Answering it would inject headers, spoof what agents read or mail a bare IP: never a recipient.
  const unusable = unusableAddressReason(sender.address);
  if (unusable)
    return reject(
      deps,
      rawKey,
      messageId,
      undefined,
      `sender address not usable: ${unusable}: ${visible(sender.address)}`,
    );

  const subject = (mail.subject ?? '').trim();
  const { text, signaturePhone } = customerWords(bodyText(mail));
  const reference = REFERENCE_IN_SUBJECT.exec(subject)?.[1]?.toUpperCase();
  if (reference) {
    const existing = await deps.store.findByReference(reference);
    if (existing && existing.customer.email.toLowerCase() === normalizeEmail(sender.address).toLowerCase()) {
      const followUp: FollowUp = {
        at: deps.clock().toISOString(),
        channel: 'email',
        from: sender.address,
        messageId,
        text: text.slice(0, MAX_FOLLOW_UP),
        rawKey,
      };
      const current = await joinCase(deps, existing, followUp, senderVouched(verdicts));
      // A reply from the mailbox confirms it — when its domain vouches for the From address
      // (whoever filed a form knows the reference and could forge the reply otherwise), and only
      // on a case its owner opened by mail: a stranger writing back "this was not me" to a form's
      // first mail must not thereby unlock quoting for that form's author.
      if (existing.channel === 'email' && fromDomainVouches(verdicts))
        await deps.recipients.markVerified(existing.customer.email, 'reply', deps.clock());
      // A reply to a self-help case hands it to the ticket desk, as the acknowledgement promised;
      // a redelivered reply tells the queue again, in case the first message was lost.
      if (wasHandedOver(current)) await queueHandOver(deps.queues, current);
      // "YES" or "NO" on the first line of a reply to the consent request answers it.
      // Only from a mailbox whose domain vouches for it: a forged YES would send the customer's
      // data to the vendor.
      const consent =
        current.status === 'awaiting-consent' && senderVouched(verdicts)
          ? consentAnswerIn(text, { wholeLine: true })
          : undefined;
      if (consent) await answerConsentByMail(deps, current.id, consent === 'yes');
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
  // A sender whose domain vouches for the message owns the mailbox: the acknowledgement may
  // quote what they wrote. Otherwise it carries only the reference and the confirmation link.
  const vouched = fromDomainVouches(verdicts);
  if (vouched)
    await deps.recipients.markVerified(parsed.data.customer.email, 'authenticated-mail', deps.clock());
  const opened = await openCaseUseCase(deps, parsed.data, {
    messageId,
    ...(vouched ? { source: { vouchedBy: 'dmarc' as const } } : {}),
    ...(mail.messageId?.trim() ? { inboundMessageId: mail.messageId.trim() } : {}),
  });
  return {
    outcome: 'case-opened',
    caseId: opened.id,
    reference: opened.reference,
    replayed: opened.replayed,
  };
}

/**
 * Stores the reply with the case it changes, in one transaction. When the case changed since
 * it was read, it is read again and the reply applied anew: two replies racing each other are
 * both kept. Returns the case as it now stands (unchanged when the reply was a redelivery).
 */
async function joinCase(
  deps: ReceiveEmailDeps,
  existing: SupportCase,
  followUp: FollowUp,
  /** The sender's domain vouches for the mail: a bare "yes" may confirm a resolution. */
  vouched: boolean,
): Promise<SupportCase> {
  let c = existing;
  const factsIn = factReader(deps.classifier);
  for (let attempt = 1; ; attempt++) {
    const stamp = {
      at: deps.clock(),
      eventId: ulid(deps.clock().getTime()),
      actor: { kind: 'customer' as const },
    };
    // "Yes" as the answer to a resolution confirms it; anything else the customer writes to a
    // resolved case is an objection (it is reopened).
    const confirms = c.status === 'resolved' && vouched && bareAnswerIn(followUp.text) === 'yes';
    const joined = customerWrote(c, followUp, factsIn(followUp.text, c), stamp, confirms);
    if (joined.kind !== 'changed') return c;
    const updated = joined.case;
    try {
      if ((await deps.store.addFollowUp(updated, followUp, joined.events)) === 'added') return updated;
      // Already stored — by a redelivery, or by this very write when the SDK retried a commit
      // whose answer was lost: what is stored now is the case, hand-over included.
      return (await deps.store.get(c.id)) ?? c;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= FOLLOW_UP_ATTEMPTS) throw error;
      // Jittered, so racing replies do not meet again at the same instant.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** Math.min(attempt, 5)));
      const fresh = await deps.store.get(c.id);
      if (!fresh) throw new CaseNotFoundError(c.id);
      c = fresh;
    }
  }
}

/** A YES or NO by mail to the consent request: the same action as on the case page. */
async function answerConsentByMail(deps: ReceiveEmailDeps, caseId: string, given: boolean): Promise<void> {
  for (let attempt = 1; attempt <= FOLLOW_UP_ATTEMPTS; attempt++) {
    const c = await deps.store.get(caseId);
    if (!c) return;
    const stamp = {
      at: deps.clock(),
      eventId: ulid(deps.clock().getTime()),
      actor: { kind: 'customer' as const },
    };
    const answered = answerConsent(c, { given, channel: 'email' }, stamp);
    if (answered.kind !== 'changed') return;
    try {
      await deps.store.commit(answered.case, answered.events);
      await queueEffects(deps, answered.case, new Set(answered.events.map((e) => e.id)));
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= FOLLOW_UP_ATTEMPTS) throw error;
    }
  }
}

/**
 * Whether the From address's own domain vouches for a mail that decides something (consent, a
 * confirmation, a vendor's answer): DMARC passed. SPF or DKIM alone may pass for another domain
 * than the From's. The local SMTP intake judges nothing (no verdict at all): taken as it comes
 * there; in AWS the receipt always carries the verdicts.
 */
function senderVouched(verdicts: MailVerdicts): boolean {
  const judged = verdicts.dmarcVerdict || verdicts.spfVerdict || verdicts.dkimVerdict;
  return !judged || fromDomainVouches(verdicts);
}

/**
 * The vendor's answer: a mail to the case's plus-tagged reply address (support+td-…@) from the
 * domain of the vendor the case was handed to. It joins the case's vendor conversation (an
 * internal event with the text and, read by the catalogue's pattern, the vendor's own
 * reference); the level 4 worker tells the customer. A redelivered mail is recorded once (its
 * Message-ID is the write's idempotency key). Anything else is not a vendor answer.
 */
async function vendorAnswerUseCase(
  deps: ReceiveEmailDeps,
  mail: ParsedMail,
  messageId: string,
  from: string | undefined,
): Promise<EmailOutcome | undefined> {
  const reference = REFERENCE_IN_SUBJECT.exec(mail.subject ?? '')?.[1]?.toUpperCase();
  if (!reference || !from || !deps.ownAddress) return undefined;
  const replyAddress = vendorReplyAddress(deps.ownAddress, reference).toLowerCase();
  const to = [mail.to, mail.cc]
    .flatMap((list) => (Array.isArray(list) ? list : list ? [list] : []))
    .flatMap((list) => list.value.map((a) => a.address?.toLowerCase() ?? ''));
  if (!to.includes(replyAddress)) return undefined;
  // Our own mail coming back (a forwarding loop) is never a vendor's answer.
  if (String(mail.headers.get(LOOP_HEADER.name.toLowerCase()) ?? '').includes(LOOP_HEADER.value))
    return undefined;
  const c = await deps.store.findByReference(reference);
  const vendor = c?.vendor ? vendorById(c.vendor.vendorId, VENDOR_CATALOGUE) : undefined;
  if (!c || !vendor) return undefined;
  const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  if (domainOf(from) !== domainOf(vendor.contact)) return undefined;
  const { text } = customerWords(bodyText(mail));
  const answerText = text.slice(0, MAX_FOLLOW_UP);
  const vendorReference = vendorReferenceIn(
    vendor,
    `${mail.subject ?? ''}
${answerText}`,
  );
  for (let attempt = 1; ; attempt++) {
    const current = (await deps.store.get(c.id)) ?? c;
    const stamp = {
      at: deps.clock(),
      eventId: ulid(deps.clock().getTime()),
      actor: { kind: 'vendor' as const, id: vendor.id },
    };
    const answered = vendorAnswered(
      current,
      {
        text: answerText,
        vendorName: vendor.name,
        messageId,
        ...(vendorReference ? { vendorReference } : {}),
      },
      stamp,
    );
    if (answered.kind !== 'changed') break;
    try {
      const written = await deps.store.commit(answered.case, answered.events, {
        idempotency: { key: `vendor-mail:${messageId}`, requestHash: 'vendor-mail' },
      });
      if (written === 'committed')
        await queueEffects(deps, answered.case, new Set(answered.events.map((e) => e.id)));
      break;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= FOLLOW_UP_ATTEMPTS) throw error;
    }
  }
  return { outcome: 'vendor-answer', caseId: c.id, reference };
}

/**
 * What SES's receipt says must not open a case; a check that failed to run (PROCESSING_FAILED)
 * or had nothing to check (GRAY) is no reason on its own. Answering a forged sender is
 * backscatter, and a forged reply could join someone else's case. The rules:
 *  - a virus, or spam;
 *  - DMARC FAIL, unless the From domain's policy is `none` (its owner asks for no action on
 *    failing mail, so the SPF/DKIM rule below decides);
 *  - SPF FAIL with no passing DKIM signature, when DMARC did not pass: the envelope domain
 *    disowns the sending server and no signature vouches for the message.
 */
function verdictReason(verdicts: MailVerdicts): string | undefined {
  const status = (verdict: Exclude<keyof MailVerdicts, 'dmarcPolicy'>) => verdicts[verdict]?.status;
  if (status('virusVerdict') === 'FAIL') return 'SES found a virus';
  if (status('spamVerdict') === 'FAIL') return 'SES judged it spam';
  const policy = verdicts.dmarcPolicy?.toLowerCase();
  if (status('dmarcVerdict') === 'FAIL' && policy !== 'none')
    return `the sender could not be verified: DMARC failed and the domain's policy is ${policy ?? 'not stated'} — answering could reach a forged address`;
  if (
    status('spfVerdict') === 'FAIL' &&
    status('dkimVerdict') !== 'PASS' &&
    status('dmarcVerdict') !== 'PASS'
  )
    return 'the sender could not be verified: SPF failed and no DKIM signature passed — answering could reach a forged address';
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

/** An address as text an agent can read safely: invisible and control characters spelled out. */
function visible(address: string): string {
  return address.replace(/\p{C}/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}
