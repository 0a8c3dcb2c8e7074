// Who may see and change a case. Customers prove access with a token of that case; agents
// with their levels — the ticket desk (level 1) owns every case, other levels see theirs.
import { customerTokenMatches } from '../domain/access-token.ts';
import type { AgentCaller, Caller } from '../domain/caller.ts';
import { CaseNotFoundError, ForbiddenError } from '../domain/errors.ts';
import { clockViews } from '../domain/sla-clock.ts';
import { customerTokenHashes, type FollowUp, type SupportCase } from '../domain/support-case.ts';
import type { CaseStore } from './ports.ts';

export async function loadCaseFor(store: CaseStore, caller: Caller, caseId: string): Promise<SupportCase> {
  const c = await store.get(caseId);
  if (!c) throw new CaseNotFoundError(caseId);
  if (caller.kind === 'customer') {
    if (!customerTokenHashes(c).some((hash) => customerTokenMatches(caller.token, hash))) {
      throw new ForbiddenError('This access token does not belong to this case');
    }
    return c;
  }
  if (caller.kind === 'agent') {
    if (!agentMaySee(caller, c)) throw new ForbiddenError(`Case ${c.id} is not in one of your levels`);
    return c;
  }
  throw new ForbiddenError('This case needs a credential');
}

export function agentMaySee(agent: AgentCaller, c: SupportCase): boolean {
  if (agent.roles.includes('admin') || agent.levels.includes(1)) return true;
  const level = c.classification?.level;
  return level !== undefined && level > 0 && agent.levels.includes(level as 1 | 2 | 3 | 4);
}

/**
 * What a customer sees of their case: no internal reasoning, no token hashes. Whether their
 * address is confirmed tells the case page to offer the confirmation.
 */
export function customerView(
  c: SupportCase,
  address?: { addressConfirmed: boolean },
  now: Date = new Date(),
) {
  return {
    ...address,
    id: c.id,
    reference: c.reference,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    channel: c.channel,
    language: c.language,
    customer: c.customer,
    problem: c.problem,
    attachments: c.attachments,
    missingFacts: c.missingFacts,
    ...(c.classification
      ? {
          classification: {
            category: c.classification.category,
            priority: c.classification.priority,
            level: c.classification.level,
            articles: c.classification.articles,
          },
        }
      : {}),
    ...(c.deflectedArticle ? { deflectedArticle: c.deflectedArticle } : {}),
    ...(c.resolution
      ? { resolution: { text: c.resolution.text, at: c.resolution.at, closesAt: c.resolution.closesAt } }
      : {}),
    ...(c.callback
      ? {
          callback: {
            state: c.callback.state,
            start: c.callback.start,
            end: c.callback.end,
            timeZone: c.callback.timeZone,
          },
        }
      : {}),
    ...(c.consent ? { consent: { state: c.consent.state, vendorId: c.consent.vendorId } } : {}),
    ...(c.vendor?.reference ? { vendorReference: c.vendor.reference } : {}),
    ...(c.clocks ? { clocks: clockViews(c, now) } : {}),
  };
}

/**
 * What the holder of a mailed link sees while the address is not confirmed: the reference and
 * the status, nothing the caller wrote. Whoever filled in the form may have named a stranger,
 * and the desk's own domain must not show the stranger that text.
 */
export function unconfirmedView(c: SupportCase) {
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    language: c.language,
    addressConfirmed: false,
  };
}

/** What a customer's action answers: where the case stands now, nothing anybody wrote. */
export function actionOutcomeView(c: SupportCase) {
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    language: c.language,
    updatedAt: c.updatedAt,
    ...(c.callback
      ? { callback: { state: c.callback.state, start: c.callback.start, end: c.callback.end } }
      : {}),
    ...(c.consent ? { consent: { state: c.consent.state } } : {}),
  };
}

/** A case in a list (a level's queue): what an agent needs to choose the next one, no more. */
export function caseSummary(c: SupportCase) {
  const k = c.classification;
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    level: k?.level ?? 1,
    priority: k?.priority ?? 'P4',
    category: k?.category ?? 'service',
    subject: c.problem.subject,
    customer: {
      name: c.customer.name,
      ...(c.customer.organisation ? { organisation: c.customer.organisation } : {}),
    },
    language: c.language,
    ...(c.assignee ? { assignee: c.assignee } : {}),
    missingFacts: c.missingFacts.length,
    ...(c.callback
      ? { callback: { start: c.callback.start, end: c.callback.end, state: c.callback.state } }
      : {}),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** How many of the newest follow-ups an agent's read of a case shows (`followUpCount`: all). */
export const FOLLOW_UPS_IN_AGENT_VIEW = 50;

/**
 * What an agent sees: everything but the token hashes. A read of one case adds its newest
 * follow-ups (newest first), which the caller read from the store — they are items of their
 * own, not part of the case; lists show `followUpCount` only.
 */
export function agentView(c: SupportCase, followUps?: readonly FollowUp[], now: Date = new Date()) {
  const { accessTokenHashes: _hidden, linkTokenHashes: _alsoHidden, acknowledgement, clocks, ...raw } = c;
  // The clocks as people read them: target, due instant, business time counted, state.
  const rest = clocks ? { ...raw, clocks: clockViews(c, now) } : raw;
  const view = acknowledgement ? { ...rest, acknowledgement: withoutTokenHashes(acknowledgement) } : rest;
  return followUps ? { ...view, followUps } : view;
}

function withoutTokenHashes({ tokenHashes: _hidden, ...ack }: NonNullable<SupportCase['acknowledgement']>) {
  return ack;
}
