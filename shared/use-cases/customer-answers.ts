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

/**
 * The customer adds information: it joins the case as a follow-up and the facts it gives leave
 * `missingFacts`. The same text sent twice (a double click, a retried request) is kept once.
 */
export async function addInformationUseCase(
  deps: CustomerAnswerDeps,
  request: ActRequest,
  body: { text: string },
): Promise<ActResult> {
  const key = request.idempotency?.key ?? body.text;
  const messageId = `<web.${createHash('sha256').update(`${request.caseId}\n${key}`).digest('base64url')}@tierdesk>`;
  return actOnCase(deps, request, (c, stamp) =>
    customerWrote(
      c,
      { at: stamp.at.toISOString(), channel: 'web', from: c.customer.email, text: body.text, messageId },
      deps.factsIn(body.text, c),
      stamp,
    ),
  );
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

export async function cancelCaseUseCase(
  deps: ActDeps,
  request: ActRequest,
  body: { reason: string },
): Promise<ActResult> {
  return actOnCase(deps, request, (c, stamp) => cancelCase(c, body.reason, stamp));
}
