/**
 * Routing rules learned from agents' corrections (createRoutingRule, listRoutingRules,
 * deleteRoutingRule).
 *
 * A lead who sees in the correction report that the desk keeps sending a topic to the wrong
 * level writes a routing rule — the same shape as the configuration folder's routing-rules.json
 * — and POSTs it. It is stored in the table and takes effect within a minute: the classify
 * function reads the learned rules (learned-classifier.ts) and classifies every new case with
 * the deployment's rules and the learned ones. A lead later moves a learned rule into the
 * configuration folder (GET /routing-rules lists the learned rules in exactly that file's
 * format) and retires the learned copy (DELETE).
 *
 * Create — Input: the rule, optionally the case it came from; the lead. Output: the stored rule.
 * Primary course: the rule is valid (RoutingRuleSchema; the handler checks it), its id is not a
 * configured rule's (a learned rule never overrides the configuration), the case it names
 * exists; a conditional write adds it unless a learned rule has that id (409 either way). The
 * same rule POSTed again by the same lead (a retry) answers the stored rule; at most
 * MAX_LEARNED_RULES are kept.
 * List — every configured rule and every learned one, with who added it, when and from which case.
 * Delete — a learned rule is retired (deleted); a configured one is refused (it is retired by
 * editing routing-rules.json), an unknown id is 404.
 */
import type { RoutingRule } from '../domain/classification/routing-rules.ts';
import { RoutingRuleConflictError, RoutingRuleNotFoundError, ValidationError } from '../domain/errors.ts';
import type { CaseStore, LearnedRule, RoutingRuleStore } from './ports.ts';

export type RoutingRuleDeps = {
  rules: RoutingRuleStore;
  cases: Pick<CaseStore, 'get'>;
  /** The deployment's configured rules (routing-rules.json). */
  configured: readonly RoutingRule[];
  clock: () => Date;
};

export async function createRoutingRule(
  deps: RoutingRuleDeps,
  request: { rule: RoutingRule; fromCase?: string },
  by: string,
): Promise<LearnedRule> {
  const { rule, fromCase } = request;
  if (deps.configured.some((r) => r.id === rule.id))
    throw new RoutingRuleConflictError(
      `The deployment's configuration has a routing rule '${rule.id}'; a learned rule may not override it (choose another id)`,
      'id',
    );
  if (fromCase !== undefined && !(await deps.cases.get(fromCase)))
    throw new ValidationError(`No case with id ${fromCase}`, 'fromCase');
  const existing = await deps.rules.listLearned();
  const same = existing.find((l) => l.rule.id === rule.id);
  // An honest retry (the answer to the first POST was lost) answers as the first time did.
  if (same && sameRule(same.rule, rule) && same.createdBy === by) return same;
  if (!same && existing.length >= MAX_LEARNED_RULES)
    throw new ValidationError(
      `At most ${MAX_LEARNED_RULES} learned routing rules: move some into the configuration folder (GET /routing-rules lists them in its format) and retire them`,
      'id',
    );
  const learned: LearnedRule = {
    rule,
    createdAt: deps.clock().toISOString(),
    createdBy: by,
    ...(fromCase !== undefined ? { fromCase } : {}),
  };
  if (same || !(await deps.rules.addLearned(learned))) {
    const now = (await deps.rules.listLearned()).find((l) => l.rule.id === rule.id);
    if (now && sameRule(now.rule, rule) && now.createdBy === by) return now;
    throw new RoutingRuleConflictError(`A learned routing rule '${rule.id}' exists already`, 'id');
  }
  return learned;
}

/**
 * Learned rules a deployment may hold: every warm classify function reads and compiles them
 * each minute, and a handful of rules is what a lead writes between two deploys.
 */
export const MAX_LEARNED_RULES = 200;

/** The same rule, whatever the order of its keys (the table does not keep it). */
function sameRule(a: RoutingRule, b: RoutingRule): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export type RoutingRuleList = {
  /** The deployment's routing-rules.json, as configured. */
  configured: { rules: RoutingRule[] };
  /** The learned rules in routing-rules.json's format: paste them into the configuration folder. */
  learned: { rules: RoutingRule[] };
  /** Who added each learned rule, when, and from which case. */
  provenance: Array<Omit<LearnedRule, 'rule'> & { id: string }>;
};

export async function listRoutingRules(
  deps: Pick<RoutingRuleDeps, 'rules' | 'configured'>,
): Promise<RoutingRuleList> {
  const learned = (await deps.rules.listLearned()).sort((a, b) => a.rule.id.localeCompare(b.rule.id));
  return {
    configured: { rules: [...deps.configured] },
    learned: { rules: learned.map((l) => l.rule) },
    provenance: learned.map(({ rule, ...rest }) => ({ id: rule.id, ...rest })),
  };
}

export async function deleteRoutingRule(
  deps: Pick<RoutingRuleDeps, 'rules' | 'configured'>,
  id: string,
): Promise<LearnedRule> {
  // A learned rule goes even when a later deploy configured the same id (the classifier ignores
  // it then; it must not stay in the table for ever).
  const retired = await deps.rules.removeLearned(id);
  if (retired) return retired;
  if (deps.configured.some((r) => r.id === id))
    throw new RoutingRuleConflictError(
      `'${id}' is a configured routing rule: retire it by removing it from routing-rules.json`,
      'id',
    );
  throw new RoutingRuleNotFoundError(id);
}
