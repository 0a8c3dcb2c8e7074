/**
 * What the customer answers (the case page with the case token; the same by email reply, see
 * receive-email.ts): information they add, their verdict on a resolution, their consent for
 * the vendor (an agent may record consent given on the telephone), withdrawing the case.
 * Each is an action on the case (act-on-case.ts).
 */
import { createHash } from 'node:crypto';
import { answerConsent, answerResolution, cancelCase, customerWrote } from '../domain/case-lifecycle.ts';
import type { Fact } from '../domain/required-facts.ts';
import type { SupportCase } from '../domain/support-case.ts';
import { type ActDeps, type ActRequest, type ActResult, actOnCase } from './act-on-case.ts';

/** Reads which facts a text gives (the classifier's fact reading, in the case's language). */
export type FactReader = (text: string, c: SupportCase) => ReadonlySet<Fact>;

export type CustomerAnswerDeps = ActDeps & { factsIn: FactReader };

/** How long the same text again counts as a retry of the customer's latest message. */
const RETRY_WINDOW_MS = 10 * 60_000;

/**
 * The customer adds information: it joins the case as a follow-up and the facts it gives leave
 * `missingFacts`. The same text sent twice (a double click, a retried request) is kept once.
 */
export async function addInformationUseCase(
  deps: CustomerAnswerDeps,
  request: ActRequest,
  body: { text: string },
): Promise<ActResult> {
  if (!request.idempotency && request.loaded) {
    // Without a key, the same text as the customer's latest message, minutes ago, is a double
    // click or a retry; the same words an hour later are news and are kept.
    const [latest] = (await deps.store.listFollowUps(request.caseId, { limit: 1 })).followUps;
    if (
      latest?.channel === 'web' &&
      latest.text === body.text &&
      deps.clock().getTime() - Date.parse(latest.at) < RETRY_WINDOW_MS
    ) {
      const c = request.loaded ?? (await deps.store.get(request.caseId));
      if (c) return { case: c, replayed: true };
    }
  }
  return actOnCase(deps, request, (c, stamp) => {
    const key = request.idempotency?.key ?? `${stamp.eventId}`;
    const messageId = `<web.${createHash('sha256').update(`${request.caseId}\n${key}`).digest('base64url')}@tierdesk>`;
    return customerWrote(
      c,
      { at: stamp.at.toISOString(), channel: 'web', from: c.customer.email, text: body.text, messageId },
      deps.factsIn(body.text, c),
      stamp,
    );
  });
}

export async function answerResolutionUseCase(
  deps: ActDeps,
  request: ActRequest,
  body: { accepted: boolean; comment?: string },
): Promise<ActResult> {
  return actOnCase(deps, request, (c, stamp) => answerResolution(c, body, stamp));
}

export async function answerConsentUseCase(
  deps: ActDeps,
  request: ActRequest,
  body: { given: boolean; reason?: string },
): Promise<ActResult> {
  // A customer answers on the page; an agent records what the customer said on the telephone.
  const channel = request.caller.kind === 'agent' ? 'phone' : 'web';
  return actOnCase(deps, request, (c, stamp) => answerConsent(c, { ...body, channel }, stamp));
}

/** Withdrawing the case calls off a booked callback too (act-on-case frees its place). */
export async function cancelCaseUseCase(
  deps: ActDeps,
  request: ActRequest,
  body: { reason: string },
): Promise<ActResult> {
  return actOnCase(deps, request, (c, stamp) => cancelCase(c, body.reason, stamp));
}
