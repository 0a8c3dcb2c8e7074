/**
 * Do a level's work for a case (the level workers, one per level queue).
 *
 * Input: a message of the level's queue: the case arrived at the level (no event id: it was
 * classified, handed over or corrected to it), or an event of its history calls for the
 * level's work.
 * Output: what was done ('done', or 'stale' / 'case-missing' when there is nothing to do).
 * Primary course:
 *  1. An arrival is recorded as a 'queued' event whose work is the level's hand-off.
 *  2. The event's work, by its type:
 *     - a case arriving at level 2 tells the callback team; at level 3 the experts get the
 *       complete dossier; at level 4 the customer is asked for consent, or, consent given, the
 *       vendor gets the dossier (never internal notes) with a reply address that threads its
 *       answers into the case;
 *     - a reply, a resolution, a booked callback (with its iCalendar invite), a reminder, a
 *       missed call, a consent request, the vendor's progress: mailed to the customer in their
 *       language, threaded under their own mail;
 *     - a vendor's silence past its contract target: one reminder to the vendor.
 *  3. The event's pending work is removed from the case (a conditional write).
 * Every mail is claimed in the mail ledger before it is sent and marked sent after, keyed by
 * (case, event, recipient): a redelivered or concurrently processed message sends nothing
 * twice. A send that fails for now gives the claim back and fails the message (the queue
 * retries it; after maxReceiveCount it goes to the dead-letter queue, with an alarm); a
 * permanent refusal is recorded in the history and the work goes on.
 */
import { ulid } from 'ulid';
import { SLA_POLICY, TEAM_CALENDARS, TEAMS, VENDOR_CATALOGUE } from '../config/this-deployment.ts';
import { newCustomerToken } from '../domain/access-token.ts';
import { type ComposedEmail, escapeHtml } from '../domain/acknowledgement.ts';
import { addBusinessTime, formatWindow } from '../domain/business-calendar.ts';
import type { Actor, CaseEvent } from '../domain/case-history.ts';
import { askConsent, type Stamp, type Transition, vendorContacted } from '../domain/case-lifecycle.ts';
import { composeDossier } from '../domain/dossier.ts';
import { CaseNotFoundError, ConcurrentUpdateError } from '../domain/errors.ts';
import {
  composeCallbackBookedMail,
  composeCallbackMissedMail,
  composeCallbackReminderMail,
  composeClosedMail,
  composeConsentRequestMail,
  composeReplyMail,
  composeResolvedMail,
  composeVendorProgressMail,
} from '../domain/ladder-mail.ts';
import { isActive, next, type SupportCase, withLinkToken } from '../domain/support-case.ts';
import { LEVEL_NAMES, type Priority, type QueuedLevel } from '../domain/support-model.ts';
import { type Teams, teamOf } from '../domain/teams.ts';
import type { Vendor } from '../domain/vendor-catalogue.ts';
import { messagesFor } from '../i18n/index.ts';
import { callbackInviteIcs } from '../mail/callback-invite.ts';
import {
  type AddressRecord,
  type CaseStore,
  type Clock,
  type EscalationMessage,
  type Mailer,
  type MailLedger,
  type OutgoingEmail,
  type Recipients,
  UndeliverableEmailError,
} from './ports.ts';

export type LevelWorkDeps = {
  store: CaseStore;
  ledger: MailLedger;
  mailer: Mailer;
  recipients: Recipients;
  clock: Clock;
  publicBaseUrl: string;
  /** The desk's own address (MAIL_FROM): a vendor's replies come back to it, plus-tagged. */
  supportAddress: string;
  teams?: Teams;
  vendors?: readonly Vendor[];
};

export type LevelWorkOutcome = 'done' | 'stale' | 'case-missing' | 'already-done';

const SYSTEM: Actor = { kind: 'system', id: 'level-worker' };
/** Events the minute sweep re-queues are processed again; a bound keeps one worker's loop short. */
const MAX_CHAINED_EFFECTS = 5;
const WRITE_ATTEMPTS = 5;

export async function doLevelWork(
  deps: LevelWorkDeps,
  message: EscalationMessage,
): Promise<LevelWorkOutcome> {
  const c = await deps.store.get(message.caseId);
  if (!c) return 'case-missing';
  let eventId = message.eventId;
  if (!eventId) {
    // An arrival: classified, handed over or corrected to this level.
    if (c.classification?.level !== message.level || !isActive(c.status)) return 'stale';
    if (c.queuedLevel === message.level) return 'already-done';
    const arrived = await commitTransition(deps, c.id, (current) => arrive(current, message, stamp(deps)));
    if (!arrived) return 'already-done';
    eventId = arrived.events[0]?.id;
    if (!eventId) return 'already-done';
  }
  // Work an event calls for can call for more at the same level (consent given → vendor
  // contacted → the customer told): done in this one invocation.
  let pending: string | undefined = eventId;
  for (let step = 0; pending && step < MAX_CHAINED_EFFECTS; step++) {
    pending = await doEventWork(deps, message.caseId, message.level, pending);
  }
  return 'done';
}

/** The case took the level's queue: recorded as an event whose work is the level's hand-off. */
function arrive(c: SupportCase, message: EscalationMessage, s: Stamp): Transition {
  if (c.queuedLevel === message.level) return { kind: 'unchanged', case: c };
  const at = s.at.toISOString();
  const event: CaseEvent = {
    id: s.eventId,
    caseId: c.id,
    type: 'queued',
    at,
    actor: SYSTEM,
    visibility: 'internal',
    data: { level: message.level, reason: message.reason },
  };
  return {
    kind: 'changed',
    case: {
      ...next(c, s.at),
      queuedLevel: message.level,
      queuedAt: at,
      pendingEffects: [...(c.pendingEffects ?? []), { eventId: event.id, level: message.level, since: at }],
    },
    events: [event],
  };
}

/** Does one event's work; returns the id of an event that work recorded and that calls for more. */
async function doEventWork(
  deps: LevelWorkDeps,
  caseId: string,
  level: QueuedLevel,
  eventId: string,
): Promise<string | undefined> {
  const c = await deps.store.get(caseId);
  if (!c) throw new CaseNotFoundError(caseId);
  const pending = (c.pendingEffects ?? []).find((e) => e.eventId === eventId);
  if (!pending) return undefined; // done before (a redelivery, or the sweep's copy)
  const event = await deps.store.getEvent(caseId, eventId);
  if (!event) return finish(deps, c.id, eventId); // cannot happen: the event is written with its effect

  let followUp: ((current: SupportCase) => Transition) | undefined;
  switch (event.type) {
    case 'queued':
    case 'escalated':
    case 'reclassified':
    case 'consent-refused': {
      const handOff = await arrivalWork(deps, c, event, level);
      // The level's queue has the case now (its agents list it either way; this records when).
      followUp = (current) => {
        const at = deps.clock();
        const taken =
          current.classification?.level === level && current.queuedLevel !== level
            ? { ...current, queuedLevel: level, queuedAt: at.toISOString() }
            : current;
        const handedOff = handOff?.(taken);
        return handedOff?.kind === 'changed'
          ? handedOff
          : { kind: 'changed', case: next(taken, at), events: [] };
      };
      break;
    }
    case 'replied': {
      const text = String(event.data.text ?? '');
      const waitingForCustomer = event.data.waitForCustomer === true;
      await mailCustomer(deps, c, event, (base) => composeReplyMail({ ...base, text, waitingForCustomer }));
      break;
    }
    case 'resolved': {
      const resolution = String(event.data.resolution ?? '');
      const objectionDays = Number(event.data.objectionDays ?? 5);
      await mailCustomer(deps, c, event, (base) =>
        composeResolvedMail({ ...base, resolution, objectionDays }),
      );
      break;
    }
    case 'callback-booked':
      await callbackBooked(deps, c, event);
      break;
    case 'callback-reminded':
      if (c.callback)
        await mailCustomer(deps, c, event, (base) =>
          composeCallbackReminderMail({ ...base, window: windowText(c) }),
        );
      break;
    case 'callback-missed':
      await mailCustomer(deps, c, event, (base) => composeCallbackMissedMail(base));
      break;
    case 'consent-asked': {
      const vendor = vendorOf(deps, c);
      if (vendor)
        await mailCustomer(deps, c, event, (base) =>
          composeConsentRequestMail({ ...base, vendorName: vendor.name, maintains: vendor.maintains }),
        );
      break;
    }
    case 'consent-given':
      followUp = await contactVendor(deps, c, event);
      break;
    case 'vendor-contacted':
    case 'vendor-answered': {
      const vendor = vendorOf(deps, c);
      const reference =
        typeof event.data.vendorReference === 'string' ? event.data.vendorReference : undefined;
      if (vendor)
        await mailCustomer(deps, c, event, (base) =>
          composeVendorProgressMail({
            ...base,
            vendorName: vendor.name,
            kind: event.type === 'vendor-contacted' ? 'contacted' : 'answered',
            ...(reference ? { vendorReference: reference } : {}),
          }),
        );
      break;
    }
    case 'vendor-reminded':
      await remindVendor(deps, c, event);
      break;
    case 'sla-warning':
    case 'sla-breached':
      await slaAlert(deps, c, event);
      break;
    case 'closed':
      await mailCustomer(deps, c, event, (base) => composeClosedMail(base));
      break;
    case 'callback-cancelled':
      await callbackCalledOff(deps, c, event);
      break;
    default:
      break;
  }
  const followed = await finish(deps, c.id, eventId, followUp);
  return followed;
}

/** The hand-off a level does when a case reaches it. */
async function arrivalWork(
  deps: LevelWorkDeps,
  c: SupportCase,
  event: CaseEvent,
  level: QueuedLevel,
): Promise<((current: SupportCase) => Transition) | undefined> {
  if (c.classification?.level !== level) return undefined; // moved on since: the new level's event does it
  const teams = deps.teams ?? TEAMS;
  if (level === 2 || level === 3) {
    const team = teamOf(level, teams);
    const purpose =
      level === 2
        ? 'New case for a technical callback (level 2)'
        : `Escalated to level 3 (${LEVEL_NAMES[3]}): the complete dossier`;
    const dossier = await dossierOf(deps, c, {
      audience: 'team',
      purpose,
      caseUrl: `${deps.publicBaseUrl}/cases/${c.id}`,
    });
    await sendOnce(deps, c, event, team.address, () => ({
      to: team.address,
      ...dossier,
      autoSubmitted: 'auto-generated',
    }));
    return undefined;
  }
  if (level === 4) {
    const vendorId = c.classification?.vendorId;
    if (!vendorId) return undefined;
    if (c.status === 'awaiting-consent') return (current) => askConsent(current, vendorId, stamp(deps));
    if (c.status === 'waiting-on-vendor') return await contactVendor(deps, c, event);
  }
  return undefined;
}

/** The case's dossier for a team or a vendor: its history and its customer's follow-ups read once. */
async function dossierOf(
  deps: LevelWorkDeps,
  c: SupportCase,
  about: Omit<Parameters<typeof composeDossier>[0], 'supportCase' | 'history' | 'followUps'>,
) {
  const [history, followUps] = await Promise.all([
    deps.store.listHistory(c.id, { limit: 200 }),
    deps.store.listFollowUps(c.id, { limit: 50 }),
  ]);
  return composeDossier({
    supportCase: c,
    history: history.events,
    followUps: followUps.followUps,
    ...about,
  });
}

/** Consent given: the vendor gets the dossier, and its answers thread into the case. */
async function contactVendor(
  deps: LevelWorkDeps,
  c: SupportCase,
  event: CaseEvent,
): Promise<((current: SupportCase) => Transition) | undefined> {
  const vendor = vendorOf(deps, c);
  if (!vendor || c.consent?.state !== 'given' || c.consent.vendorId !== vendor.id) return undefined;
  // Contacted already since this work was called for (the consent and the case's arrival at
  // level 4 both call for it, in either order): one dossier. A case back at level 4 for the same
  // vendor after its last contact is contacted anew.
  // (A 'queued' arrival is the classification's: it called for the work when the case was classified.)
  const calledFor = event.type === 'queued' ? (c.classification?.classifiedAt ?? event.at) : event.at;
  if (c.vendor?.vendorId === vendor.id && c.vendor.contactedAt >= calledFor) return undefined;
  const dossier = await dossierOf(deps, c, {
    audience: 'vendor',
    purpose: `Service request for ${vendor.name}`,
  });
  const sent = await sendOnce(deps, c, event, vendor.contact, () => ({
    to: vendor.contact,
    subject: dossier.subject,
    text: `${dossier.text}\nPlease answer by replying to this email and keep [${c.reference}] in the subject; your reference number helps us follow up.\n`,
    html: `${dossier.html}\n<p>Please answer by replying to this email and keep [${c.reference}] in the subject.</p>`,
    replyTo: vendorReplyAddress(deps.supportAddress, c.reference),
    autoSubmitted: 'auto-generated',
  }));
  const answerDueAt = addBusinessTime(
    TEAM_CALENDARS[4],
    deps.clock(),
    vendor.contract.responseHours * 3_600_000,
  ).toISOString();
  return (current) =>
    vendorContacted(
      current,
      {
        vendorId: vendor.id,
        vendorName: vendor.name,
        answerDueAt,
        ...(sent.messageId ? { messageId: sent.messageId } : {}),
      },
      stamp(deps),
    );
}

async function remindVendor(deps: LevelWorkDeps, c: SupportCase, event: CaseEvent): Promise<void> {
  const vendor = vendorOf(deps, c);
  if (!vendor) return;
  const subject = `[${c.reference}] Reminder: we are waiting for your answer`;
  const text = `We sent you the service request ${c.reference} on ${c.vendor?.contactedAt}. Your contract promises a first answer within ${vendor.contract.responseHours} business hours, and we have not received one yet. Please reply to this email, keeping [${c.reference}] in the subject.`;
  await sendOnce(deps, c, event, vendor.contact, () => ({
    to: vendor.contact,
    subject,
    text,
    html: `<p>${text}</p>`,
    replyTo: vendorReplyAddress(deps.supportAddress, c.reference),
    autoSubmitted: 'auto-generated',
  }));
}

/** A booked callback: the customer gets the confirmation with the invite, the team is told. */
async function callbackBooked(deps: LevelWorkDeps, c: SupportCase, event: CaseEvent): Promise<void> {
  const callback = c.callback;
  if (callback?.state !== 'booked') return;
  const window = windowText(c);
  const team = teamOf(2, deps.teams ?? TEAMS);
  const ics = callbackInviteIcs({
    uid: `${callback.bookingEventId}@tierdesk`,
    sequence: callback.sequence,
    method: 'REQUEST',
    start: new Date(callback.start),
    end: new Date(callback.end),
    timeZone: callback.timeZone,
    summary: messagesFor(c.language).ladder.callbackBooked.subject(c.reference),
    description: c.problem.subject,
    organizer: { name: team.name, email: addressOf(deps.supportAddress) },
    attendee: { name: c.customer.name, email: c.customer.email },
  });
  await mailCustomer(
    deps,
    c,
    event,
    (base) =>
      composeCallbackBookedMail({
        ...base,
        window,
        ...(c.customer.phone ? { phone: c.customer.phone } : {}),
      }),
    [{ filename: 'callback.ics', contentType: 'text/calendar; method=REQUEST; charset=UTF-8', content: ics }],
  );
  const text = `Callback ${callback.sequence > 0 ? 'moved' : 'booked'} for ${c.reference}: ${formatWindow(
    { start: new Date(callback.start), end: new Date(callback.end) },
    TEAM_CALENDARS[2].timeZone,
    'en-GB',
  )}. Phone: ${c.customer.phone ?? '(missing: ask the customer)'}. Subject: ${c.problem.subject}`;
  await sendOnce(deps, c, event, team.address, () => ({
    to: team.address,
    subject: `[${c.reference}] Callback ${callback.sequence > 0 ? 'moved' : 'booked'}`,
    text,
    html: `<p>${text.replace(/[<>&]/g, '')}</p>`,
    autoSubmitted: 'auto-generated',
  }));
}

/**
 * A warning (75 %) or a breach (100 %) of a clock: the lead of the level the case was at is
 * alerted, once per clock and threshold (the event is recorded once; each mail goes once); a
 * breach also goes to whom the priority's policy names (management).
 */
async function slaAlert(deps: LevelWorkDeps, c: SupportCase, event: CaseEvent): Promise<void> {
  const level = Number(event.data.level) as QueuedLevel;
  const lead = teamOf(level, deps.teams ?? TEAMS).lead;
  const priority = String(event.data.priority);
  const breach = event.type === 'sla-breached';
  const notify = breach ? (SLA_POLICY.breach[priority as Priority]?.notify ?? []) : [];
  const clock = String(event.data.clock);
  const minutes = (ms: unknown) => Math.round(Number(ms) / 60_000);
  const subject = `[${c.reference}] SLA ${breach ? 'BREACHED' : 'warning'}: ${clock} clock of a ${priority} case at level ${level}`;
  const text = [
    `${breach ? 'Breached' : 'Warning'}: the ${clock} clock of ${c.reference} (${priority}, level ${level}) has counted ${minutes(event.data.elapsedMs)} of its ${minutes(event.data.targetMs)} business minutes${event.data.dueAt ? `; due ${event.data.dueAt}` : ''}.`,
    `Subject: ${c.problem.subject}`,
    `Status: ${c.status}${c.assignee ? `, assigned to ${c.assignee}` : ', nobody has taken it'}.`,
    `${deps.publicBaseUrl}/cases/${c.id}`,
  ].join('\n');
  for (const to of [lead, ...notify]) {
    await sendOnce(deps, c, event, to, () => ({
      to,
      subject,
      text,
      html: text
        .split('\n')
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join(''),
      autoSubmitted: 'auto-generated',
    }));
  }
}

/** A withdrawn case's call: the team is told, the customer's calendar entry is cancelled. */
async function callbackCalledOff(deps: LevelWorkDeps, c: SupportCase, event: CaseEvent): Promise<void> {
  const window = event.data.window as { start: string; end: string } | undefined;
  if (!window) return;
  const team = teamOf(2, deps.teams ?? TEAMS);
  const text = `The callback for ${c.reference} on ${formatWindow(
    { start: new Date(window.start), end: new Date(window.end) },
    TEAM_CALENDARS[2].timeZone,
    'en-GB',
  )} is called off: the case is now ${c.status} at level ${c.classification?.level}.`;
  await sendOnce(deps, c, event, team.address, () => ({
    to: team.address,
    subject: `[${c.reference}] Callback called off`,
    text,
    html: `<p>${text.replace(/[<>&]/g, '')}</p>`,
    autoSubmitted: 'auto-generated',
  }));
}

type MailBase = {
  reference: string;
  caseSubject: string;
  customerName: string;
  messages: ReturnType<typeof messagesFor>;
  caseUrl: string;
};

/**
 * Mails the customer once for this event, in their language, threaded under their own mail; the
 * link carries a fresh token whose hash is on the case before the mail leaves.
 */
async function mailCustomer(
  deps: LevelWorkDeps,
  c: SupportCase,
  event: CaseEvent,
  compose: (base: MailBase) => ComposedEmail,
  attachments?: OutgoingEmail['attachments'],
): Promise<void> {
  const to = c.customer.email;
  // Checked once the mail is claimed, so a redelivery spends no budget twice.
  const refusal = async () => {
    const address = await deps.recipients.get(to);
    if (address?.suppressed) return `suppressed: ${address.suppressed.reason}`;
    if (address?.disowned) return 'the owner of the address said the case is not theirs';
    // An agent's reply, resolution or booking: a person of the desk wrote it, it always goes.
    return event.actor.kind === 'agent' ? undefined : unpromptedRefusal(deps, c, address);
  };
  await sendOnce(
    deps,
    c,
    event,
    to,
    async () => {
      const token = newCustomerToken();
      await commitTransition(deps, c.id, (current) => ({
        kind: 'changed',
        case: withLinkToken(current, token.hash, deps.clock()),
        events: [],
      }));
      const caseUrl = `${deps.publicBaseUrl}/portal/cases/${c.id}?lang=${c.language}#token=${token.token}`;
      const email = compose({
        reference: c.reference,
        caseSubject: c.problem.subject,
        customerName: c.customer.name,
        messages: messagesFor(c.language),
        caseUrl,
      });
      const thread = [c.inboundMessageId, c.lastCustomerMessageId].filter((id): id is string => Boolean(id));
      return {
        to,
        ...email,
        autoSubmitted: 'auto-generated',
        ...(thread.length ? { inReplyTo: [...new Set(thread)] } : {}),
        ...(attachments ? { attachments } : {}),
      };
    },
    refusal,
  );
}

/**
 * A mail no agent wrote — the consent request after a classification, a booking made with the
 * form's token, a reminder, the vendor's progress — goes only to an address whose owner is known
 * to read it (confirmed by its link or a vouched mail, or a case an agent or a vouched mail
 * opened), only for a case whose acknowledgement went out (the per-address budget decided that),
 * and at most UNPROMPTED_PER_CASE an hour per case: whoever holds a form's token cannot make the
 * desk mail a stranger, nor mail a confirmed owner without end (a callback moved again and again).
 */
async function unpromptedRefusal(
  deps: LevelWorkDeps,
  c: SupportCase,
  address: AddressRecord | undefined,
): Promise<string | undefined> {
  const vouched = c.source?.vouchedBy !== undefined || c.channel === 'phone';
  if (vouched) return undefined;
  if (!address?.verified) return 'the address is not confirmed: the request waits on the case page';
  if (c.acknowledgement && c.acknowledgement.state !== 'sent')
    return `the acknowledgement was ${c.acknowledgement.state}: no further mail without an agent`;
  const slot = await deps.recipients.takeSendSlot('case-mail', c.id, UNPROMPTED_PER_CASE, deps.clock());
  return slot
    ? undefined
    : `rate limit: ${UNPROMPTED_PER_CASE.max} mails no agent wrote per case in ${UNPROMPTED_PER_CASE.windowMinutes} minutes`;
}

/** Mails no agent wrote, per case and hour (see unpromptedRefusal). */
export const UNPROMPTED_PER_CASE = { max: 10, windowMinutes: 60 };

/** Sends a mail once per (case, event, recipient), and records it in the history. */
async function sendOnce(
  deps: LevelWorkDeps,
  c: SupportCase,
  event: CaseEvent,
  recipient: string,
  compose: () => OutgoingEmail | Promise<OutgoingEmail>,
  refusalOf?: () => Promise<string | undefined>,
): Promise<{ messageId?: string }> {
  const key = { caseId: c.id, eventId: event.id, recipient };
  const claim = await deps.ledger.claim(key, deps.clock());
  if (claim === 'sent') return {};
  if (claim === 'busy')
    throw new Error(`another worker is sending ${event.type} mail of ${c.id}; retry later`);
  const record = (type: 'email-sent' | 'email-failed', data: Record<string, unknown>): CaseEvent => ({
    id: ulid(deps.clock().getTime()),
    caseId: c.id,
    type,
    at: deps.clock().toISOString(),
    actor: SYSTEM,
    visibility: 'internal',
    data: { for: event.type, forEvent: event.id, to: recipient, ...data },
  });
  const refusal = await refusalOf?.().catch(async (error: unknown) => {
    await deps.ledger.release(key);
    throw error;
  });
  if (refusal) {
    await deps.ledger.markSent(key, record('email-failed', { reason: refusal }));
    return {};
  }
  let email: OutgoingEmail;
  let messageId: string;
  try {
    email = await compose();
    ({ messageId } = await deps.mailer.send(email));
  } catch (error) {
    if (error instanceof UndeliverableEmailError) {
      await deps.ledger.markSent(key, record('email-failed', { reason: error.message.slice(0, 500) }));
      return {};
    }
    await deps.ledger.release(key);
    throw error;
  }
  // SES took it: recording that must not fail for a blip (a stale claim would send it again).
  const sent = record('email-sent', { subject: email.subject, messageId });
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.ledger.markSent(key, sent);
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
  return { messageId };
}

/** Removes the event's pending work from the case and applies what the work recorded. */
async function finish(
  deps: LevelWorkDeps,
  caseId: string,
  eventId: string,
  followUp?: (current: SupportCase) => Transition,
): Promise<string | undefined> {
  const done = await commitTransition(deps, caseId, (current) => {
    // Another worker finished this work meanwhile (a duplicate message): nothing more to record.
    if (!(current.pendingEffects ?? []).some((e) => e.eventId === eventId))
      return { kind: 'unchanged', case: current };
    const remaining = (current.pendingEffects ?? []).filter((e) => e.eventId !== eventId);
    const base: SupportCase = { ...current, pendingEffects: remaining.length ? remaining : undefined };
    const followed = followUp?.(base);
    if (followed?.kind === 'changed') return followed;
    if (remaining.length === (current.pendingEffects ?? []).length)
      return { kind: 'unchanged', case: current };
    return { kind: 'changed', case: next(base, deps.clock()), events: [] };
  });
  // The work recorded an event that calls for more work at this level: the caller goes on.
  const chained = done?.events.find((e) => done.case.pendingEffects?.some((p) => p.eventId === e.id));
  return chained?.id;
}

/** Applies a transition to the stored case, re-reading it when someone changed it meanwhile. */
async function commitTransition(
  deps: LevelWorkDeps,
  caseId: string,
  change: (current: SupportCase) => Transition,
): Promise<{ case: SupportCase; events: CaseEvent[] } | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.store.get(caseId);
    if (!current) throw new CaseNotFoundError(caseId);
    const t = change(current);
    if (t.kind === 'unchanged') return undefined;
    try {
      await deps.store.commit(t.case, t.events);
      return { case: t.case, events: t.events };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= WRITE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}

function stamp(deps: LevelWorkDeps): Stamp {
  return { at: deps.clock(), eventId: ulid(deps.clock().getTime()), actor: SYSTEM };
}

function vendorOf(deps: LevelWorkDeps, c: SupportCase): Vendor | undefined {
  const id = c.consent?.vendorId ?? c.classification?.vendorId;
  return (deps.vendors ?? VENDOR_CATALOGUE).find((v) => v.id === id);
}

function windowText(c: SupportCase): string {
  const callback = c.callback;
  if (!callback) return '';
  return formatWindow(
    { start: new Date(callback.start), end: new Date(callback.end) },
    callback.timeZone,
    c.language,
  );
}

/**
 * Where a vendor's answers go: the desk's address, plus-tagged with the case reference
 * (support+TD-AB12CD@…), so email intake threads them into the case's vendor conversation.
 */
export function vendorReplyAddress(supportAddress: string, reference: string): string {
  const address = addressOf(supportAddress);
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}+${reference.toLowerCase()}${address.slice(at)}`;
}

function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}
