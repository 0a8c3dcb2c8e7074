// The case's lifecycle after classification, as one state machine:
//
//   new → open → in-progress → waiting-on-customer | waiting-on-vendor | awaiting-consent
//       → resolved → closed, and reopened, deflected (self-help), cancelled.
//
// Each action is a pure function of the case: it checks that the case's status allows it
// (else InvalidTransitionError, which the API answers 409 naming the current status), and
// returns the next case (version + 1) with the history events it records. An action that
// already took effect — the same agent taking a case they hold, a resolution confirmed twice —
// returns `unchanged`: an honest retry answers as the first time did, with no second effect.
// The store writes the case and its events in one conditional transaction.

import { DESK_POLICY, SLA_POLICY, VENDOR_CATALOGUE } from '../config/this-deployment.ts';
import { type Actor, actorLabel, type CaseEvent, type CaseEventType } from './case-history.ts';
import { InvalidTransitionError, ValidationError } from './errors.ts';
import type { Fact } from './required-facts.ts';
import { CLOCK_KINDS, crossedThresholds, elapsedMs, reconcileClocks, type SlaClock } from './sla-clock.ts';
import type { SlaPolicy } from './sla-policy.ts';
import {
  type ActiveStatus,
  addFollowUp,
  CALLBACK_REMINDER_BEFORE_MS,
  type CaseStatus,
  type ClassificationFields,
  CUSTOMER_SILENCE_MS,
  correctClassification,
  type FollowUp,
  isActive,
  next,
  type PendingEffect,
  type SupportCase,
  staleAfter,
  statusAtLevel,
} from './support-case.ts';
import type { Priority, QueuedLevel } from './support-model.ts';
import { vendorById } from './vendor-catalogue.ts';

/** Who acts, when, and the id of the first event the action records (more get `-2`, `-3`). */
export type Stamp = { at: Date; eventId: string; actor: Actor };

export type Transition =
  /** `followUp`: a message of the customer, stored as an item of its own with the change. */
  | { kind: 'changed'; case: SupportCase; events: CaseEvent[]; followUp?: FollowUp }
  /** It already took effect: nothing to write, answer as the first time did. */
  | { kind: 'unchanged'; case: SupportCase }
  /**
   * Only history is written, the case is not (an internal note): it needs no version check, so
   * agents writing notes at once never meet each other's writes.
   */
  | { kind: 'appended'; case: SupportCase; events: CaseEvent[] };

/** Days a resolved case waits for an objection before it closes by itself (desk-policy.json). */
export const OBJECTION_DAYS = DESK_POLICY.objectionDays;

type EventSpec = {
  type: CaseEventType;
  visibility: 'public' | 'internal';
  data?: Record<string, unknown>;
  /** The level whose worker does the work this event calls for (mail, a hand-off). */
  effectAt?: QueuedLevel;
};

/** Applies a change and records its events; effects join the case's pending work. */
function changed(
  given: SupportCase,
  stamp: Stamp,
  patch: Partial<SupportCase>,
  specs: EventSpec[],
): Transition {
  // The clocks as they stood before the change (a case fresh from an earlier transition in
  // memory may not have them in line yet), then as they stand after it.
  const c = reconcileClocks(given);
  const at = stamp.at.toISOString();
  const events: CaseEvent[] = specs.map((spec, index) => ({
    id: index === 0 ? stamp.eventId : `${stamp.eventId}-${index + 1}`,
    caseId: c.id,
    type: spec.type,
    at,
    actor: stamp.actor,
    visibility: spec.visibility,
    data: spec.data ?? {},
  }));
  const effects: PendingEffect[] = specs.flatMap((spec, index) => {
    const event = events[index];
    return spec.effectAt && event ? [{ eventId: event.id, level: spec.effectAt, since: at }] : [];
  });
  const pendingEffects = [...(patch.pendingEffects ?? c.pendingEffects ?? []), ...effects];
  const after = reconcileClocks({
    ...next(c, stamp.at),
    ...patch,
    ...(pendingEffects.length ? { pendingEffects } : { pendingEffects: undefined }),
  });
  return {
    kind: 'changed',
    case: after,
    events: [...events, ...clockStops(reconcileClocks(c), after, stamp)],
  };
}

/**
 * A clock that stops (the first response, a resolution, a cancellation) is recorded with what it
 * counted and whether its target was met: the SLA report is computed from these events.
 */
function clockStops(before: SupportCase, after: SupportCase, stamp: Stamp): CaseEvent[] {
  const k = after.classification;
  if (!k) return [];
  return CLOCK_KINDS.flatMap((kind, index) => {
    const was = before.clocks?.[kind];
    const now = after.clocks?.[kind];
    if (!now?.stoppedAt || was?.stoppedAt) return [];
    return [
      {
        id: `${stamp.eventId}-c${index}`,
        caseId: after.id,
        type: 'clock-stopped' as const,
        at: stamp.at.toISOString(),
        actor: stamp.actor,
        visibility: 'internal' as const,
        data: {
          clock: kind,
          level: k.level,
          priority: k.priority,
          elapsedMs: now.accruedMs,
          targetMs: now.targetMs,
          met: now.accruedMs <= now.targetMs,
          // Stopped because the case was withdrawn: nobody answered or solved anything.
          ...(after.status === 'cancelled' ? { cancelled: true } : {}),
        },
      },
    ];
  });
}

/**
 * The sweep: warnings and breaches the case's clocks crossed by `stamp.at`, each recorded once
 * (warnedAt / breachedAt on the clock, written over the version read). The level's worker mails
 * the lead; a breach of a priority whose policy says so also moves the case to the next level
 * (up to the experts: a vendor needs the customer's consent) and mails management.
 */
export function recordSlaThresholds(
  c: SupportCase,
  stamp: Stamp,
  policy: SlaPolicy = SLA_POLICY,
): Transition {
  const current = reconcileClocks(c);
  const k = current.classification;
  const level = k?.level;
  if (!k) return unchanged(c);
  if (!level) {
    // Moved to self-help past a threshold: no level's lead to alert; marked, so the sweep stops.
    const at = stamp.at.toISOString();
    const marked = Object.fromEntries(
      Object.entries(current.clocks ?? {}).map(([kind, clock]) => {
        const crossed = crossedThresholds(clock, stamp.at, policy);
        return [
          kind,
          {
            ...clock,
            ...(crossed.includes('warning') ? { warnedAt: at } : {}),
            ...(crossed.includes('breach') ? { breachedAt: at } : {}),
          },
        ];
      }),
    );
    return { kind: 'changed', case: { ...next(current, stamp.at), clocks: marked }, events: [] };
  }
  const at = stamp.at.toISOString();
  const clocks = { ...current.clocks };
  const specs: EventSpec[] = [];
  let breached = false;
  for (const kind of CLOCK_KINDS) {
    const clock = clocks[kind];
    if (!clock) continue;
    for (const threshold of crossedThresholds(clock, stamp.at, policy)) {
      clocks[kind] =
        threshold === 'warning'
          ? ({ ...clocks[kind], warnedAt: at } as SlaClock)
          : ({ ...clocks[kind], breachedAt: at } as SlaClock);
      breached ||= threshold === 'breach';
      specs.push({
        type: threshold === 'warning' ? 'sla-warning' : 'sla-breached',
        visibility: 'internal',
        data: {
          clock: kind,
          level,
          priority: k.priority,
          targetMs: clock.targetMs,
          elapsedMs: elapsedMs(clock, stamp.at),
          ...(clock.dueAt ? { dueAt: clock.dueAt } : {}),
        },
        effectAt: level,
      });
    }
  }
  if (specs.length === 0) return unchanged(c);
  const recorded = changed(current, stamp, { clocks }, specs);
  const rule = policy.breach[k.priority];
  if (!breached || !rule?.escalateToNextLevel || level >= 3 || recorded.kind !== 'changed') return recorded;
  if (!(WORKABLE as readonly CaseStatus[]).includes(recorded.case.status)) return recorded;
  return andThen(recorded, (breachedCase) =>
    escalateCase(
      breachedCase,
      {
        level: (level + 1) as QueuedLevel,
        reason: `SLA breach at ${k.priority}: the policy moves it to the next level`,
      },
      { ...stamp, eventId: `${stamp.eventId}-e` },
    ),
  );
}

const unchanged = (c: SupportCase): Transition => ({ kind: 'unchanged', case: c });

/**
 * Two transitions as one write: the second applies to the case the first made, and the result
 * is written once over the version the first read (the case's version goes up by one).
 */
function andThen(first: Transition, then: (c: SupportCase) => Transition): Transition {
  if (first.kind !== 'changed') return first;
  const second = then({ ...first.case, version: first.case.version - 1 });
  if (second.kind !== 'changed') return first;
  return { kind: 'changed', case: second.case, events: [...first.events, ...second.events] };
}

function requireStatus(c: SupportCase, allowed: readonly CaseStatus[], action: string): void {
  if (!allowed.includes(c.status)) throw new InvalidTransitionError(c.status, action);
}

function levelOf(c: SupportCase): QueuedLevel {
  const level = c.classification?.level;
  if (level === undefined || level === 0) throw new InvalidTransitionError(c.status, 'be worked at a level');
  return level;
}

const WORKABLE: readonly ActiveStatus[] = [
  'open',
  'in-progress',
  'waiting-on-customer',
  'waiting-on-vendor',
  'reopened',
];

/** An agent takes the case, or a lead assigns it to someone; it is in progress from then on. */
export function takeCase(c: SupportCase, assignee: string, stamp: Stamp): Transition {
  requireStatus(c, [...WORKABLE, 'awaiting-consent'], 'be taken');
  if (c.assignee === assignee && c.status !== 'open' && c.status !== 'reopened') return unchanged(c);
  const self = stamp.actor.kind === 'agent' && stamp.actor.id === assignee;
  const status: CaseStatus = c.status === 'open' || c.status === 'reopened' ? 'in-progress' : c.status;
  return changed(c, stamp, { assignee, status }, [
    {
      type: self ? 'taken' : 'assigned',
      visibility: 'internal',
      data: {
        assignee,
        ...(c.assignee ? { previous: c.assignee } : {}),
        fromStatus: c.status,
        toStatus: status,
      },
    },
  ]);
}

/** An internal note: agents see it, the customer and the vendor never do. */
export function addNote(c: SupportCase, text: string, stamp: Stamp): Transition {
  if (c.status === 'new') throw new InvalidTransitionError(c.status, 'take notes before it is classified');
  const event: CaseEvent = {
    id: stamp.eventId,
    caseId: c.id,
    type: 'noted',
    at: stamp.at.toISOString(),
    actor: stamp.actor,
    visibility: 'internal',
    data: { text },
  };
  return { kind: 'appended', case: c, events: [event] };
}

/**
 * A public reply, mailed to the customer in their language. Asking them something
 * (`waitForCustomer`) pauses the resolution clock until they answer.
 */
export function replyToCustomer(
  c: SupportCase,
  reply: { text: string; waitForCustomer: boolean },
  stamp: Stamp,
): Transition {
  requireStatus(c, [...WORKABLE, 'awaiting-consent', 'resolved'], 'be answered');
  const level = levelOf(c);
  const at = stamp.at.toISOString();
  const agent = actorLabel(stamp.actor);
  // A question while the case waits for consent, or after its resolution, changes neither: the
  // consent is still to be given, the resolution stands until the customer objects.
  const status: CaseStatus =
    c.status === 'awaiting-consent' || c.status === 'resolved'
      ? c.status
      : reply.waitForCustomer
        ? 'waiting-on-customer'
        : c.status === 'open' || c.status === 'reopened'
          ? 'in-progress'
          : c.status;
  return changed(
    c,
    stamp,
    {
      status,
      firstResponseAt: c.firstResponseAt ?? at,
      ...(c.assignee || stamp.actor.kind !== 'agent' ? {} : { assignee: stamp.actor.id }),
    },
    [
      {
        type: 'replied',
        visibility: 'public',
        data: {
          text: reply.text,
          waitForCustomer: reply.waitForCustomer,
          by: agent,
          fromStatus: c.status,
          toStatus: status,
        },
        effectAt: level,
      },
    ],
  );
}

/**
 * Functional escalation, up or down: the work moves to another level, the ticket desk keeps
 * ownership. The target level's worker does its hand-off (the callback team is told, the experts
 * get the dossier, the customer is asked before a vendor gets anything). Level 4 needs a
 * catalogued vendor.
 */
export function escalateCase(
  c: SupportCase,
  target: { level: QueuedLevel; reason: string; vendorId?: string },
  stamp: Stamp,
): Transition {
  requireStatus(c, [...WORKABLE, 'awaiting-consent'], 'be escalated');
  const from = levelOf(c);
  if (target.level === from) return unchanged(c);
  const current = c.classification;
  if (!current) throw new InvalidTransitionError(c.status, 'be escalated before it is classified');
  const vendorId = target.level === 4 ? (target.vendorId ?? current.vendorId) : current.vendorId;
  if (target.level === 4 && !vendorId)
    throw new ValidationError(
      'Escalating to level 4 names the vendor (vendorId) that maintains the item',
      'vendorId',
    );
  if (target.level === 4 && vendorId && !vendorById(vendorId, VENDOR_CATALOGUE))
    throw new ValidationError(`No vendor ${vendorId} in the vendor catalogue`, 'vendorId');
  const consentHolds = c.consent?.state === 'given' && c.consent.vendorId === vendorId;
  const status = statusAtLevel(target.level, consentHolds ? c : {});
  const by = actorLabel(stamp.actor);
  return changed(
    c,
    stamp,
    {
      status,
      classification: {
        ...current,
        level: target.level,
        ...(vendorId ? { vendorId } : {}),
        // The classifier's "level 1: …" is no reason for level 3 any more: the escalation's is.
        reasons: [
          `escalated from level ${from} to ${target.level} by ${by}: ${target.reason}`,
          ...current.reasons.filter(
            (r) => !staleAfter(r, current, { level: target.level }, current.priority),
          ),
        ],
      },
      assignee: undefined,
      queuedLevel: undefined,
      queuedAt: undefined,
      // Leaving level 2 calls off a booked call (its place is freed, the team told).
      ...calledOff(c, target.level !== 2),
    },
    [
      {
        type: 'escalated',
        visibility: 'public',
        data: {
          fromLevel: from,
          level: target.level,
          reason: target.reason,
          fromStatus: c.status,
          toStatus: status,
        },
        effectAt: target.level,
      },
      ...calledOffEvents(c, target.level !== 2),
    ],
  );
}

/** The problem is solved: the resolution is mailed; without an objection the case closes by itself. */
export function resolveCase(
  c: SupportCase,
  text: string,
  stamp: Stamp,
  objectionDays = OBJECTION_DAYS,
): Transition {
  if (c.status === 'resolved' && c.resolution?.text === text) return unchanged(c);
  requireStatus(c, [...WORKABLE, 'awaiting-consent'], 'be resolved');
  const level = levelOf(c);
  const at = stamp.at.toISOString();
  const closesAt = new Date(stamp.at.getTime() + objectionDays * 86_400_000).toISOString();
  return changed(
    c,
    stamp,
    {
      status: 'resolved',
      resolution: { text, at, by: actorLabel(stamp.actor), closesAt },
      firstResponseAt: c.firstResponseAt ?? at,
      // Solved: a call still booked is called off.
      ...calledOff(c, true),
    },
    [
      {
        type: 'resolved',
        visibility: 'public',
        data: { resolution: text, objectionDays, fromStatus: c.status, toStatus: 'resolved' },
        effectAt: level,
      },
      ...calledOffEvents(c, true),
    ],
  );
}

/** A booked call the change makes pointless: cancelled on the case... */
function calledOff(c: SupportCase, when: boolean): Partial<SupportCase> {
  const booked = c.callback?.state === 'booked' ? c.callback : undefined;
  return when && booked ? { callback: { ...booked, state: 'cancelled' } } : {};
}

/** ...and recorded, so level 2's worker tells the team (the use case frees the window's place). */
function calledOffEvents(c: SupportCase, when: boolean): EventSpec[] {
  if (!when || c.callback?.state !== 'booked') return [];
  const { start, end } = c.callback;
  return [
    { type: 'callback-cancelled', visibility: 'public', data: { window: { start, end } }, effectAt: 2 },
  ];
}

/** The customer's answer to a resolution: confirmed closes the case, an objection reopens it. */
export function answerResolution(
  c: SupportCase,
  answer: { accepted: boolean; comment?: string },
  stamp: Stamp,
): Transition {
  if (answer.accepted && c.status === 'closed') return unchanged(c);
  if (!answer.accepted && c.status === 'reopened') return unchanged(c);
  requireStatus(c, ['resolved'], answer.accepted ? 'have its resolution confirmed' : 'be objected to');
  const comment = answer.comment ? { text: answer.comment } : {};
  if (answer.accepted) {
    return changed(c, stamp, { status: 'closed' }, [
      {
        type: 'resolution-confirmed',
        visibility: 'public',
        data: { ...comment, fromStatus: c.status, toStatus: 'closed' },
      },
    ]);
  }
  return changed(c, stamp, { status: 'reopened', resolution: undefined }, [
    {
      type: 'resolution-objected',
      visibility: 'public',
      data: { ...comment, fromStatus: c.status, toStatus: 'reopened' },
    },
  ]);
}

/** Closes a resolved case (an agent, or the sweep once the objection window has passed). */
export function closeCase(c: SupportCase, reason: string, stamp: Stamp): Transition {
  if (c.status === 'closed') return unchanged(c);
  requireStatus(c, ['resolved'], 'be closed (resolve it first)');
  return changed(c, stamp, { status: 'closed' }, [
    { type: 'closed', visibility: 'public', data: { reason, fromStatus: c.status, toStatus: 'closed' } },
  ]);
}

/** The sweep: a resolved case whose objection window has passed closes by itself. */
export function closeUnobjected(c: SupportCase, stamp: Stamp): Transition {
  // Read from the case as it is now: an objection and a new resolution move the window.
  if (c.status !== 'resolved' || !c.resolution || Date.parse(c.resolution.closesAt) > stamp.at.getTime())
    return unchanged(c);
  const closed = closeCase(c, 'no objection within the objection window: closed by itself', stamp);
  const event = closed.kind === 'changed' ? closed.events[0] : undefined;
  const level = c.classification?.level;
  if (closed.kind !== 'changed' || !event || !level) return closed;
  // The customer is told that their case is closed now (the level's worker mails it).
  const effect = { eventId: event.id, level, since: stamp.at.toISOString() };
  return {
    ...closed,
    case: { ...closed.case, pendingEffects: [...(closed.case.pendingEffects ?? []), effect] },
  };
}

/**
 * The sweep: the customer did not answer (nothing changed on the case) for the desk's silence
 * days. The case goes back to whoever works it — its resolution clock runs again — with an
 * internal event, so an agent decides: call, resolve, or ask again.
 */
export function customerSilent(c: SupportCase, stamp: Stamp): Transition {
  if (c.status !== 'waiting-on-customer') return unchanged(c);
  if (Date.parse(c.updatedAt) + CUSTOMER_SILENCE_MS > stamp.at.getTime()) return unchanged(c);
  const status = c.assignee ? 'in-progress' : 'open';
  return changed(c, stamp, { status }, [
    {
      type: 'customer-silent',
      visibility: 'internal',
      data: { days: CUSTOMER_SILENCE_MS / 86_400_000, fromStatus: c.status, toStatus: status },
    },
  ]);
}

/** The problem came back: a resolved, closed or cancelled case returns to its level's queue. */
export function reopenCase(c: SupportCase, reason: string, stamp: Stamp): Transition {
  if (c.status === 'reopened') return unchanged(c);
  requireStatus(c, ['resolved', 'closed', 'cancelled'], 'be reopened');
  levelOf(c);
  // Whoever worked it keeps it (they know the story); it is back in the level's queue all the same.
  return changed(c, stamp, { status: 'reopened', resolution: undefined }, [
    { type: 'reopened', visibility: 'public', data: { reason, fromStatus: c.status, toStatus: 'reopened' } },
  ]);
}

/** The customer withdraws the request, or an agent cancels it (a duplicate, a mistake). */
export function cancelCase(c: SupportCase, reason: string, stamp: Stamp): Transition {
  if (c.status === 'cancelled') return unchanged(c);
  requireStatus(c, ['self-help', ...WORKABLE, 'awaiting-consent'], 'be cancelled');
  // A booked call is called off: its place is free again and level 2's worker tells the team.
  return changed(c, stamp, { status: 'cancelled', ...calledOff(c, true) }, [
    {
      type: 'cancelled',
      visibility: 'public',
      data: { reason, fromStatus: c.status, toStatus: 'cancelled' },
    },
    ...calledOffEvents(c, true),
  ]);
}

/** Level 3 links the defect or change that tracks the fault. */
export function linkDefect(
  c: SupportCase,
  defect: { reference: string; url?: string },
  stamp: Stamp,
): Transition {
  if (c.defect?.reference === defect.reference && c.defect.url === defect.url) return unchanged(c);
  requireStatus(c, [...WORKABLE, 'resolved'], 'have a defect linked');
  const linked = { ...defect, linkedAt: stamp.at.toISOString(), linkedBy: actorLabel(stamp.actor) };
  return changed(c, stamp, { defect: linked }, [
    { type: 'defect-linked', visibility: 'internal', data: { ...defect } },
  ]);
}

/** The level 4 worker asks the customer whether the vendor may have the case. */
export function askConsent(c: SupportCase, vendorId: string, stamp: Stamp): Transition {
  if (c.consent?.state === 'asked' && c.consent.vendorId === vendorId) return unchanged(c);
  requireStatus(c, ['awaiting-consent'], 'ask for consent');
  return changed(c, stamp, { consent: { state: 'asked', vendorId, askedAt: stamp.at.toISOString() } }, [
    { type: 'consent-asked', visibility: 'public', data: { vendorId }, effectAt: 4 },
  ]);
}

/**
 * The customer's answer (page, mail reply) or consent given on the telephone, recorded by an
 * agent. Given: the level 4 worker mails the vendor the dossier. Refused: the case stays in
 * house with the experts (level 3), with the reason.
 */
export function answerConsent(
  c: SupportCase,
  answer: { given: boolean; reason?: string; channel: 'web' | 'email' | 'phone' },
  stamp: Stamp,
): Transition {
  const consent = c.consent;
  const wanted = answer.given ? 'given' : 'refused';
  // The vendor the case waits for now (a re-escalation may have named another one).
  const vendorId =
    c.classification?.level === 4 ? (c.classification.vendorId ?? consent?.vendorId) : consent?.vendorId;
  if (consent?.state === wanted && consent.vendorId === vendorId && c.status !== 'awaiting-consent')
    return unchanged(c);
  requireStatus(c, ['awaiting-consent'], 'take a consent answer');
  if (!vendorId) throw new InvalidTransitionError(c.status, 'take a consent answer without a vendor');
  const at = stamp.at.toISOString();
  const answered = {
    state: wanted,
    vendorId,
    askedAt: consent?.askedAt ?? at,
    answeredAt: at,
    answeredBy: actorLabel(stamp.actor),
    channel: answer.channel,
    ...(answer.reason ? { reason: answer.reason } : {}),
  } as const;
  const data = {
    answer: wanted,
    channel: answer.channel,
    vendorId,
    ...(answer.reason ? { text: answer.reason } : {}),
  };
  if (answer.given) {
    return changed(c, stamp, { consent: answered, status: 'waiting-on-vendor' }, [
      { type: 'consent-given', visibility: 'public', data, effectAt: 4 },
    ]);
  }
  const current = c.classification;
  if (!current) throw new InvalidTransitionError(c.status, 'take a consent answer before it is classified');
  const reason = `the customer refused the vendor hand-off${answer.reason ? `: ${answer.reason}` : ''}`;
  return changed(
    c,
    stamp,
    {
      consent: answered,
      status: 'open',
      classification: {
        ...current,
        level: 3,
        reasons: [
          `kept in house at level 3: ${reason}`,
          ...current.reasons.filter((r) => !staleAfter(r, current, { level: 3 }, current.priority)),
        ],
      },
      assignee: undefined,
      queuedLevel: undefined,
    },
    [{ type: 'consent-refused', visibility: 'public', data: { ...data, level: 3 }, effectAt: 3 }],
  );
}

/** The level 4 worker mailed the vendor the dossier: the vendor's contract clock runs. */
export function vendorContacted(
  c: SupportCase,
  contact: { vendorId: string; messageId?: string; answerDueAt: string; vendorName: string },
  stamp: Stamp,
): Transition {
  // The same dossier recorded twice (a redelivery): once. A new contact (the case came back to
  // level 4 for this vendor) is recorded anew, and the vendor's contract clock starts again.
  if (c.vendor?.vendorId === contact.vendorId && c.vendor.contactedAt >= stamp.at.toISOString())
    return unchanged(c);
  return changed(
    c,
    stamp,
    {
      vendor: {
        vendorId: contact.vendorId,
        contactedAt: stamp.at.toISOString(),
        answerDueAt: contact.answerDueAt,
        ...(contact.messageId ? { messageId: contact.messageId } : {}),
      },
    },
    [
      {
        type: 'vendor-contacted',
        visibility: 'public',
        data: { vendorName: contact.vendorName },
        effectAt: 4,
      },
    ],
  );
}

/** The vendor's emailed answer joins the case's vendor conversation; the customer is told. */
export function vendorAnswered(
  c: SupportCase,
  answer: { text: string; vendorReference?: string; vendorName: string; messageId: string },
  stamp: Stamp,
): Transition {
  const vendor = c.vendor;
  if (!vendor)
    throw new InvalidTransitionError(c.status, 'take a vendor answer before the vendor was contacted');
  const reference = vendor.reference ?? answer.vendorReference;
  return changed(
    c,
    stamp,
    { vendor: { ...vendor, lastAnswerAt: stamp.at.toISOString(), ...(reference ? { reference } : {}) } },
    [
      {
        type: 'vendor-answered',
        visibility: 'internal',
        data: {
          text: answer.text,
          messageId: answer.messageId,
          vendorName: answer.vendorName,
          ...(reference ? { vendorReference: reference } : {}),
        },
        effectAt: 4,
      },
    ],
  );
}

/** The sweep: the vendor stayed silent past its contract target; one reminder goes. */
export function remindVendor(c: SupportCase, stamp: Stamp): Transition {
  const vendor = c.vendor;
  if (!vendor || vendor.remindedAt || vendor.lastAnswerAt || c.status !== 'waiting-on-vendor')
    return unchanged(c);
  // The case as it is now decides, not the sweep's listing of it: the deadline may have moved.
  if (Date.parse(vendor.answerDueAt) > stamp.at.getTime()) return unchanged(c);
  return changed(c, stamp, { vendor: { ...vendor, remindedAt: stamp.at.toISOString() } }, [
    { type: 'vendor-reminded', visibility: 'internal', data: { vendorId: vendor.vendorId }, effectAt: 4 },
  ]);
}

/** Level 2: the customer or an agent books (or moves) the technician's call into a window. */
export function bookCallback(
  c: SupportCase,
  window: { start: string; end: string; timeZone: string },
  stamp: Stamp,
): Transition {
  const current = c.callback;
  if (current?.state === 'booked' && current.start === window.start && current.end === window.end)
    return unchanged(c);
  requireStatus(c, WORKABLE, 'have a callback booked');
  if (c.classification?.level !== 2)
    throw new InvalidTransitionError(c.status, 'book a callback outside level 2');
  const at = stamp.at.toISOString();
  const status: CaseStatus =
    c.status === 'waiting-on-customer' || c.status === 'reopened' ? 'open' : c.status;
  return changed(
    c,
    stamp,
    {
      status: c.assignee && status === 'open' ? 'in-progress' : status,
      firstResponseAt: c.firstResponseAt ?? at,
      callback: {
        state: 'booked',
        ...window,
        sequence: (current?.sequence ?? -1) + 1,
        bookedAt: at,
        bookedBy: actorLabel(stamp.actor),
        // The invite's UID: the same for every move of this case's call, so calendars update it.
        bookingEventId: current?.bookingEventId ?? stamp.eventId,
      },
    },
    [
      {
        type: 'callback-booked',
        visibility: 'public',
        data: { window: { start: window.start, end: window.end }, moved: current?.state === 'booked' },
        effectAt: 2,
      },
    ],
  );
}

/** The sweep: the booked window is near; the customer gets one reminder. */
export function remindCallback(c: SupportCase, stamp: Stamp): Transition {
  const callback = c.callback;
  if (callback?.state !== 'booked' || callback.remindedAt || !isActive(c.status)) return unchanged(c);
  // A case escalated away from level 2 has no call to remind of; a moved call is due later.
  if (c.classification?.level !== 2) return unchanged(c);
  if (Date.parse(callback.start) - CALLBACK_REMINDER_BEFORE_MS > stamp.at.getTime()) return unchanged(c);
  // A window already begun (the sweep ran late, the case came back to level 2): no reminder for
  // the past; it is marked so the sweep stops looking.
  if (Date.parse(callback.start) <= stamp.at.getTime())
    return changed(c, stamp, { callback: { ...callback, remindedAt: stamp.at.toISOString() } }, []);
  return changed(c, stamp, { callback: { ...callback, remindedAt: stamp.at.toISOString() } }, [
    {
      type: 'callback-reminded',
      visibility: 'public',
      data: { window: { start: callback.start, end: callback.end } },
      effectAt: 2,
    },
  ]);
}

export const CALLBACK_OUTCOMES = ['reached', 'not-reached', 'solved'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/**
 * The technician's outcome: reached (the work goes on), not reached (the customer is offered
 * new windows), solved (the case is resolved with the technician's resolution text).
 */
export function recordCallbackOutcome(
  c: SupportCase,
  outcome: { outcome: CallbackOutcome; note?: string; resolution?: string },
  stamp: Stamp,
): Transition {
  const callback = c.callback;
  if (callback?.state !== 'booked') {
    if (callback?.state === 'missed' && outcome.outcome === 'not-reached') return unchanged(c);
    if (callback?.state === 'held' && outcome.outcome === 'reached') return unchanged(c);
    if (callback?.state === 'held' && outcome.outcome === 'solved' && c.status === 'resolved')
      return unchanged(c);
    throw new InvalidTransitionError(c.status, 'record a callback outcome without a booked callback');
  }
  requireStatus(c, WORKABLE, 'record a callback outcome');
  const note = outcome.note ? { note: outcome.note } : {};
  if (outcome.outcome === 'not-reached') {
    return changed(c, stamp, { callback: { ...callback, state: 'missed' }, status: 'waiting-on-customer' }, [
      {
        type: 'callback-missed',
        visibility: 'public',
        data: { outcome: outcome.outcome, ...note },
        effectAt: 2,
      },
    ]);
  }
  const held = changed(
    c,
    stamp,
    {
      callback: { ...callback, state: 'held' },
      status: 'in-progress',
      ...(c.assignee || stamp.actor.kind !== 'agent' ? {} : { assignee: stamp.actor.id }),
    },
    [{ type: 'callback-held', visibility: 'public', data: { outcome: outcome.outcome, ...note } }],
  );
  if (outcome.outcome === 'reached' || held.kind !== 'changed') return held;
  if (!outcome.resolution)
    throw new ValidationError('A solved callback needs the resolution text', 'resolution');
  const resolution = outcome.resolution;
  return andThen(held, (heldCase) =>
    resolveCase(heldCase, resolution, { ...stamp, eventId: `${stamp.eventId}-r` }),
  );
}

/**
 * The customer adds information (the case page, or an email reply): the message joins the case
 * as a follow-up, the facts found in it leave `missingFacts`, and a case waiting on the customer
 * goes back to whoever works it (a resolved or closed one is reopened: the problem is back; a
 * self-help case goes to the ticket desk, as the acknowledgement promised).
 */
export function customerWrote(
  c: SupportCase,
  followUp: FollowUp,
  found: ReadonlySet<Fact>,
  stamp: Stamp,
  /** "Yes" on the first line of a reply to a resolution: solved, the case closes. */
  confirmsResolution = false,
): Transition {
  if (c.status === 'new' && followUp.channel !== 'email')
    throw new InvalidTransitionError(c.status, 'take information before it is classified');
  const confirmed = confirmsResolution && c.status === 'resolved';
  const followed = addFollowUp(reconcileClocks(c), followUp, stamp.at);
  const joined = confirmed ? { ...followed, status: 'closed' as const, resolution: c.resolution } : followed;
  const missingFacts = c.missingFacts.filter((fact) => !found.has(fact));
  const taken = c.missingFacts.filter((fact) => found.has(fact));
  const event: CaseEvent = {
    id: stamp.eventId,
    caseId: c.id,
    type: 'customer-wrote',
    at: stamp.at.toISOString(),
    actor: stamp.actor,
    visibility: 'public',
    data: {
      text: followUp.text,
      channel: followUp.channel,
      fromStatus: c.status,
      toStatus: joined.status,
      ...(taken.length ? { factsTaken: taken } : {}),
    },
  };
  const confirmation: CaseEvent[] = confirmed
    ? [
        {
          ...event,
          id: `${stamp.eventId}-2`,
          type: 'resolution-confirmed',
          data: { channel: followUp.channel, fromStatus: c.status, toStatus: 'closed' },
        },
      ]
    : [];
  return {
    kind: 'changed',
    case: reconcileClocks({ ...joined, missingFacts }),
    events: [event, ...confirmation],
    followUp,
  };
}

/**
 * An agent corrects the classification (the old value, who and why are kept; the reasons it
 * makes stale are replaced). A changed level moves the case to that level's queue, whose worker
 * does its hand-off. Sending the same correction again records nothing twice.
 */
export function reclassify(
  c: SupportCase,
  change: Partial<ClassificationFields>,
  priority: Priority,
  reason: string,
  stamp: Stamp,
): Transition {
  const by = actorLabel(stamp.actor).replace(/^agent:/, '');
  const current = c.classification;
  const last = c.corrections.at(-1);
  const wanted = { ...(current ? pick(current) : {}), ...change, priority };
  if (
    current &&
    last?.by === by &&
    last.reason === reason &&
    (Object.keys(wanted) as Array<keyof typeof wanted>).every((k) => current[k] === wanted[k])
  )
    return unchanged(c);
  if (change.level === 4 && current?.level !== 4 && !current?.vendorId)
    throw new ValidationError(
      'Level 4 needs the vendor that maintains the item: escalate with POST /cases/{id}/escalations and its vendorId',
      'level',
    );
  const corrected = correctClassification(reconcileClocks(c), change, priority, by, reason, stamp.at);
  const level = corrected.classification?.level;
  const moved = level !== undefined && level !== current?.level && level > 0;
  const last2 = corrected.corrections.at(-1);
  return {
    kind: 'changed',
    case: reconcileClocks({
      ...corrected,
      ...(moved
        ? {
            pendingEffects: [
              ...(c.pendingEffects ?? []),
              { eventId: stamp.eventId, level: level as QueuedLevel, since: stamp.at.toISOString() },
            ],
          }
        : {}),
    }),
    events: [
      {
        id: stamp.eventId,
        caseId: c.id,
        type: 'reclassified',
        at: stamp.at.toISOString(),
        actor: stamp.actor,
        visibility: 'internal',
        // The correction report (correction-report.ts) reads these events alone: what was
        // corrected, in which language, and the classifier's evidence for the verdict corrected.
        data: {
          reason,
          from: last2?.from,
          to: last2?.to,
          fromStatus: c.status,
          toStatus: corrected.status,
          language: current?.language ?? c.language,
          reference: c.reference,
          // Only the classifier's own verdict has evidence to blame: a correction of an
          // agent's correction is not the classifier's error, and the report leaves it out.
          correctsClassifier: c.corrections.length === 0,
          matched: c.corrections.length === 0 ? (current?.matched ?? []) : [],
        },
      },
    ],
  };
}

function pick(k: {
  category: unknown;
  impact: unknown;
  urgency: unknown;
  level: unknown;
  priority: unknown;
}) {
  return { category: k.category, impact: k.impact, urgency: k.urgency, level: k.level, priority: k.priority };
}
