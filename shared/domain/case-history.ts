// A case's history: every event — received, classified, taken, noted, replied, escalated,
// callback booked or held, consent asked or answered, vendor contacted or answered, resolved,
// reopened, closed, each email sent — is an immutable item of its own beside the case, so the
// case item stays small however long the story. Agents read all of it, customers the public
// part (internal notes and the team's mail never reach them).

export const EVENT_TYPES = [
  'received',
  'classified',
  /** The level's queue took the case (classified, handed over or corrected to it). */
  'queued',
  'reclassified',
  'taken',
  'assigned',
  'noted',
  'replied',
  'customer-wrote',
  /** The customer did not answer within the desk's silence days: the case is back with the desk. */
  'customer-silent',
  'escalated',
  'callback-booked',
  'callback-reminded',
  'callback-held',
  'callback-missed',
  /** A booked call called off: the case was resolved, cancelled or left level 2. */
  'callback-cancelled',
  'consent-asked',
  'consent-given',
  'consent-refused',
  'vendor-contacted',
  'vendor-answered',
  'vendor-reminded',
  'defect-linked',
  'resolved',
  'resolution-confirmed',
  'resolution-objected',
  'reopened',
  'deflected',
  'handed-over',
  'closed',
  'cancelled',
  'email-sent',
  'email-failed',
  /** Work an event called for failed every time the sweep queued it: a person must look. */
  'work-abandoned',
  /** A clock stopped (first response, resolution, the vendor's): what it counted, met or not. */
  'clock-stopped',
  'sla-warning',
  'sla-breached',
] as const;
export type CaseEventType = (typeof EVENT_TYPES)[number];

/** Who did it: the customer (token or their mail), an agent (JWT subject), the desk itself, a vendor. */
export type Actor =
  | { kind: 'customer' }
  | { kind: 'agent'; id: string }
  | { kind: 'system'; id: string }
  | { kind: 'vendor'; id: string };

export type CaseEvent = {
  /** Unique within the case; a retried request with the same Idempotency-Key has the same id. */
  id: string;
  caseId: string;
  type: CaseEventType;
  at: string;
  actor: Actor;
  /** 'public': the customer sees it; 'internal': agents only (notes, team and vendor mail). */
  visibility: 'public' | 'internal';
  /** What the event carries (a note's text, the levels of an escalation, an email's recipient). */
  data: Record<string, unknown>;
};

/** What a customer sees of an event: no internal events, no agent names, only public fields. */
export function publicEvent(e: CaseEvent): Omit<CaseEvent, 'actor' | 'caseId'> & { actor: Actor['kind'] } {
  return {
    id: e.id,
    type: e.type,
    at: e.at,
    actor: e.actor.kind,
    visibility: e.visibility,
    data: Object.fromEntries(Object.entries(e.data).filter(([key]) => PUBLIC_FIELDS.has(key))),
  };
}

/** Fields a customer may read in a public event; anything else (reasons, agents) stays inside. */
const PUBLIC_FIELDS = new Set([
  'text',
  'resolution',
  'fromStatus',
  'toStatus',
  'window',
  'vendorName',
  'vendorReference',
  'outcome',
  'level',
  'answer',
  'channel',
]);

export function actorLabel(actor: Actor): string {
  return actor.kind === 'customer' ? 'customer' : `${actor.kind}:${actor.id}`;
}
