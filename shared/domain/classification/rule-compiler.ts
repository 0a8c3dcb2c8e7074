// A deployment's routing rules as the classifier runs them: each rule a lexicon signal with
// strong votes, its terms in the lexicon's syntax, single common IT words translated through
// the vocabulary. The schema and the authoring rules are in routing-rules.ts; this module
// stays free of zod, so a cold start that trusts a validated bundle does not load it.

import type { RoutingRule, TermLists } from './routing-rules.ts';
import type { Kind, SignalDefinition } from './signal-lexicon.ts';
import { normalize } from './text-normalizer.ts';

/** Marks a deployment rule's signal id (`rule:<id>`) beside the lexicon's own. */
export const RULE_PREFIX = 'rule:';

/** Votes a deployment rule casts: stronger than any one lexicon signal, so the deployment's word wins. */
export const RULE_WEIGHT = { category: 4, level: 4, kind: 3 } as const;

/** A rule as the classifier runs it: a lexicon signal, plus the terms it needs beside it. */
export type CompiledRule = {
  signal: SignalDefinition;
  /** Lexicon-syntax terms of which one must also appear; undefined when the rule needs none. */
  companions?: string;
};

/** One written term in the lexicon's syntax: normalized words joined into a phrase. */
export function lexiconTerm(term: string): string {
  return (
    normalize(term)
      .replace(/['’]/g, '')
      .split(/[\s_\-/.,;:]+/)
      .filter(Boolean)
      // A word of one or two letters matches only as itself ("e-mail" is e$_mail; "it" is not a
      // prefix of every "item"): the lexicon ignores shorter prefixes, so the phrase would never fire.
      .map((word) => (word.length <= 2 && !word.endsWith('$') && word !== '*' ? `${word}$` : word))
      .join('_')
  );
}

/**
 * Every term of `lists` in lexicon syntax, each single word also with its translations.
 * `translate` gives a word's equivalents in the other languages (empty when none are known).
 */
function termsOf(lists: TermLists, translate: (word: string) => readonly string[]): string[] {
  const terms = new Set<string>();
  for (const written of Object.values(lists) as Array<string[] | undefined>) {
    for (const raw of written ?? []) {
      const term = lexiconTerm(raw);
      if (!term) continue;
      terms.add(term);
      if (!term.includes('_')) for (const other of translate(term)) terms.add(other);
    }
  }
  return [...terms];
}

export function compileRoutingRules(
  rules: readonly RoutingRule[],
  translate: (word: string) => readonly string[],
): CompiledRule[] {
  return rules.map((rule) => {
    const kind: Partial<Record<Kind, number>> | undefined = rule.kind
      ? { [rule.kind]: RULE_WEIGHT.kind }
      : undefined;
    const signal: CompiledRule['signal'] = {
      id: `${RULE_PREFIX}${rule.id}`,
      reason: `rule '${rule.id}': ${rule.reason}`,
      terms: termsOf(rule.match, translate).join(' '),
      ...(rule.category ? { category: { [rule.category]: RULE_WEIGHT.category } } : {}),
      ...(rule.level ? { level: { [rule.level]: RULE_WEIGHT.level } } : {}),
      ...(kind ? { kind } : {}),
      ...(rule.impact ? { impact: rule.impact } : {}),
      ...(rule.urgency ? { urgency: rule.urgency } : {}),
    };
    return rule.with ? { signal, companions: termsOf(rule.with, translate).join(' ') } : { signal };
  });
}
