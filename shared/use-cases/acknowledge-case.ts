/**
 * Acknowledge a case, exactly once and never lost (the classify worker's second step, and what
 * the sweep's repair leads back to).
 *
 * Input: a classified case whose acknowledgement may be claimed.
 * Output: the case as stored afterwards.
 * Primary course:
 *  1. Claim: a conditional write on the case's version moves the acknowledgement from pending
 *     to claimed, with a fresh token for the email's link. A worker that loses the race sends
 *     nothing: Lambda runs batches concurrently, and Powertools processes a batch's records in
 *     parallel, so two workers can hold the same case.
 *  2. Check the address: one that bounced or complained, or one over a rate limit (per
 *     recipient, per source IP), gets nothing — the acknowledgement is withheld, and why is
 *     recorded.
 *  3. Compose: the full acknowledgement to an address the desk has seen verified; otherwise
 *     the first-contact mail, which carries nothing the caller wrote.
 *  4. Send (Auto-Submitted, the loop header, In-Reply-To the mail that opened the case), mark sent.
 * A failure worth retrying releases the claim and is thrown, so the queue retries; SES's
 * permanent refusal marks it undeliverable. A worker that dies after its claim leaves a claim
 * that goes stale, and the minute sweep puts the case back on the classify queue.
 */

import { ulid } from 'ulid';
import { DEFAULT_SLA_TARGETS } from '../config/this-deployment.ts';
import { newCustomerToken } from '../domain/access-token.ts';
import { composeAcknowledgement, composeFirstContact } from '../domain/acknowledgement.ts';
import { ConcurrentUpdateError } from '../domain/errors.ts';
import type { AckLimits } from '../domain/mail-policy.ts';
import {
  acknowledgementClaimable,
  claimAcknowledgement,
  markAcknowledged,
  releaseAcknowledgement,
  type SupportCase,
  settleAcknowledgement,
} from '../domain/support-case.ts';
import { messagesFor } from '../i18n/index.ts';
import {
  type AddressRecord,
  type CaseStore,
  type Clock,
  type Mailer,
  type Recipients,
  UndeliverableEmailError,
} from './ports.ts';

export type AcknowledgeDeps = {
  store: CaseStore;
  mailer: Mailer;
  recipients: Recipients;
  clock: Clock;
  publicBaseUrl: string;
  limits: AckLimits;
};

const WRITE_ATTEMPTS = 4;

export async function acknowledgeCase(deps: AcknowledgeDeps, c: SupportCase): Promise<SupportCase> {
  const token = newCustomerToken();
  const claimed = await claim(deps, c, token.hash);
  if (
    claimed.acknowledgement?.state !== 'claimed' ||
    claimed.acknowledgement.tokenHashes.at(-1) !== token.hash
  )
    return claimed;
  const settle = (change: (current: SupportCase) => SupportCase) =>
    settleOwnClaim(deps, claimed, token.hash, change);

  let outcome: { sent: { quoted: boolean } } | { withheld: string };
  try {
    outcome = await checkAndSend(deps, claimed, token.token);
  } catch (error) {
    if (error instanceof UndeliverableEmailError) {
      // Refused for good: retrying would only keep the case from its level. Record why.
      return settle((current) =>
        settleAcknowledgement(current, 'undeliverable', deps.clock(), error.message),
      );
    }
    // Worth another attempt (SES throttled, a table read failed): free the claim so the
    // queue's retry may take it at once.
    await settle((current) => releaseAcknowledgement(current, (error as Error).message, deps.clock())).catch(
      () => undefined,
    );
    throw error;
  }
  if ('withheld' in outcome) {
    const { withheld } = outcome;
    return settle((current) => settleAcknowledgement(current, 'withheld', deps.clock(), withheld));
  }
  const { quoted } = outcome.sent;
  return settle((current) => markAcknowledged(current, quoted, deps.clock()));
}

/** Steps 2–4 for a claimed case: check the address, compose, send. */
async function checkAndSend(
  deps: AcknowledgeDeps,
  claimed: SupportCase,
  token: string,
): Promise<{ sent: { quoted: boolean } } | { withheld: string }> {
  const address = await deps.recipients.get(claimed.customer.email);
  const withheld = await withholdReason(deps, claimed, address);
  if (withheld) return { withheld };

  const quoted = address?.verified !== undefined;
  const language = claimed.language;
  // The case page; the token travels in the URL fragment, which browsers never send to a
  // server or a log — the page's script reads it and calls the API with it.
  const caseUrl = `${deps.publicBaseUrl}/portal/cases/${claimed.id}?lang=${language}#token=${token}`;
  const messages = messagesFor(language);
  const email = quoted
    ? composeAcknowledgement({
        supportCase: claimed,
        messages,
        sla: DEFAULT_SLA_TARGETS[claimed.classification?.priority ?? 'P4'],
        caseUrl,
        ...(claimed.classification?.level === 0 ? { confirmUrl: caseUrl } : {}),
      })
    : composeFirstContact({ reference: claimed.reference, messages, caseUrl });
  await deps.mailer.send({
    to: claimed.customer.email,
    ...email,
    // RFC 3834: an answer to a message is auto-replied; a form's receipt answers none.
    autoSubmitted: claimed.channel === 'email' ? 'auto-replied' : 'auto-generated',
    ...(claimed.inboundMessageId ? { inReplyTo: [claimed.inboundMessageId] } : {}),
  });
  return { sent: { quoted } };
}

/** The conditional write that lets one worker send; the others see the claim and stand back. */
async function claim(deps: AcknowledgeDeps, c: SupportCase, tokenHash: string): Promise<SupportCase> {
  let current = c;
  for (let attempt = 1; ; attempt++) {
    if (!acknowledgementClaimable(current, deps.clock())) return current;
    const claimed = claimAcknowledgement(current, tokenHash, deps.clock());
    try {
      await deps.store.update(claimed);
      return claimed;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= WRITE_ATTEMPTS) throw error;
      // Another worker claimed it, or a customer's reply changed the case: read it again.
      current = (await deps.store.get(c.id)) ?? current;
    }
  }
}

/**
 * Writes the outcome of our own claim. The case may have changed meanwhile (a reply, an agent):
 * read it again and apply the outcome while the claim is still ours, so a sent mail is never
 * left looking unsent (which would send it twice).
 */
async function settleOwnClaim(
  deps: AcknowledgeDeps,
  claimed: SupportCase,
  tokenHash: string,
  change: (current: SupportCase) => SupportCase,
): Promise<SupportCase> {
  let current = claimed;
  for (let attempt = 1; ; attempt++) {
    const next = change(current);
    try {
      // The outcome joins the history: the acknowledgement sent, withheld or undeliverable.
      const ack = next.acknowledgement;
      const at = deps.clock();
      await deps.store.commit(next, [
        {
          id: ulid(at.getTime()),
          caseId: next.id,
          type: ack?.state === 'sent' ? 'email-sent' : 'email-failed',
          at: at.toISOString(),
          actor: { kind: 'system', id: 'acknowledgement' },
          visibility: 'internal',
          data: {
            for: 'acknowledgement',
            to: next.customer.email,
            state: ack?.state,
            ...(ack?.quoted !== undefined ? { quoted: ack.quoted } : {}),
            ...(ack?.reason && ack.state !== 'sent' ? { reason: ack.reason } : {}),
          },
        },
      ]);
      return next;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= WRITE_ATTEMPTS) throw error;
      const fresh = await deps.store.get(claimed.id);
      const ack = fresh?.acknowledgement;
      if (!fresh || ack?.state !== 'claimed' || ack.tokenHashes.at(-1) !== tokenHash) return fresh ?? current;
      current = fresh;
    }
  }
}

/** Why nothing may be sent to this address now, if so. */
async function withholdReason(
  deps: AcknowledgeDeps,
  c: SupportCase,
  address: AddressRecord | undefined,
): Promise<string | undefined> {
  if (address?.suppressed) return `the address is suppressed (${address.suppressed.reason})`;
  // Its owner said a case naming it was not theirs: only their own mail is answered now.
  if (address?.disowned && !c.source?.vouchedBy)
    return `its owner said a request naming it was not theirs (${address.disowned.reference})`;
  // The limits count acknowledgements, not attempts: a retry after a throttled send, or the
  // sweep's repair of a dead worker's claim, took its slots on the first attempt.
  if ((c.acknowledgement?.attempts ?? 1) > 1) return undefined;
  // The owner of the address asked, by a mail their domain vouched for: no stranger can spend
  // this budget, and the owner's own request is never left unanswered for it.
  if (c.source?.vouchedBy) return undefined;
  const now = deps.clock();
  const { perRecipient, perSourceIp } = deps.limits;
  if (
    !(await deps.recipients.takeSendSlot(
      'ack-recipient',
      rateLimitedAddress(c.customer.email),
      perRecipient,
      now,
    ))
  )
    return `rate limit: ${perRecipient.max} acknowledgements per address in ${perRecipient.windowMinutes} minutes`;
  const source = sourceOf(c);
  if (source && !(await deps.recipients.takeSendSlot('ack-source', source, perSourceIp, now)))
    return `rate limit: ${perSourceIp.max} acknowledgements per ${source.startsWith('user:') ? 'signed-in caller' : 'source IP'} in ${perSourceIp.windowMinutes} minutes`;
  return undefined;
}

/**
 * One mailbox, however it is written: `victim+1@…` and `victim+2@…` reach the same person, so
 * they share one budget.
 */
export function rateLimitedAddress(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).split('+')[0] ?? '';
  return `${local}@${address.slice(at + 1)}`.toLowerCase();
}

/**
 * Who is asking, for the per-source limit: a signed-in caller by who they are (an office behind
 * one address must not share one budget), otherwise the IP — an IPv6 client by its /64, which
 * one host may rotate through at will.
 */
export function sourceOf(c: SupportCase): string | undefined {
  if (c.source?.signedInAs) return `user:${c.source.signedInAs}`;
  const ip = c.source?.ip;
  if (!ip) return undefined;
  if (!ip.includes(':') || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip))
    return `ip:${ip.replace(/^::ffff:/i, '')}`;
  return `ip6:${expandIpv6(ip).slice(0, 4).join(':')}`;
}

function expandIpv6(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = ip.includes('::') ? Array(Math.max(0, 8 - left.length - right.length)).fill('0') : [];
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
