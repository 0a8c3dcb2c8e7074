// A deployment's own routing rules (routing-rules.json in its configuration folder): the topics
// of its own products and what follows from them. The desk's built-in lexicon
// (signal-lexicon.ts) knows generic IT in six languages; a rule adds what only this deployment
// knows ("Ledger exports belong to the experts") and outvotes the lexicon where both speak.
//
// How an author writes terms (README, "Routing rules"):
//   - Words and phrases as people write them: "Acme Ledger", "export file", "Rechnungslauf".
//     Case and accents do not matter. A word matches every word that starts with it
//     ("export" → exports, exported); end it with `$` to match only the whole word ("app$").
//   - `match` lists terms per language (`en`, `de`, `nl`, `fr`, `es`, `ru`) or under `any` for
//     names that are the same in every language (products, modules, error codes). Every term
//     is matched in every text: customers mix languages.
//   - A single common IT word (printer, invoice, password, export…) written in one language is
//     also matched in the other five through the desk's vocabulary (it-vocabulary.ts), and the
//     reason names the rule and the word the customer used. Phrases and words the vocabulary
//     does not know are matched only as written: write them once per language.
//   - `with` (optional) makes the rule fire only when one of its terms appears too: "Ledger"
//     with "export" is the experts', "Ledger" alone may be a how-to.
import { z } from 'zod';
import { CATEGORIES, GRADES, LANGUAGES } from '../support-model.ts';
import type { Kind, SignalDefinition } from './signal-lexicon.ts';
import { normalize } from './text-normalizer.ts';

const TERM = z
  .string()
  .trim()
  .min(2, 'a term needs at least two characters')
  .max(80)
  .refine((term) => /[\p{L}\p{N}]/u.test(term), 'a term needs a letter or digit');

const TermLists = z
  .strictObject({
    any: z.array(TERM).optional(),
    ...Object.fromEntries(LANGUAGES.map((language) => [language, z.array(TERM).optional()])),
  })
  .refine((lists) => Object.values(lists).some((terms) => (terms as string[] | undefined)?.length), {
    message: 'name at least one term (under any, en, de, nl, fr, es or ru)',
  });
export type TermLists = { any?: string[] } & Partial<Record<(typeof LANGUAGES)[number], string[]>>;

export const KINDS = ['howto', 'request', 'fault'] as const;

export const RoutingRuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
    reason: z.string().trim().min(3).max(200),
    match: TermLists,
    with: TermLists.optional(),
    category: z.enum(CATEGORIES).optional(),
    kind: z.enum(KINDS).optional(),
    /** The level the topic belongs to; level 0 comes from articles, level 4 from the vendor catalogue. */
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    impact: z.enum(GRADES).optional(),
    urgency: z.enum(GRADES).optional(),
  })
  .refine(
    (rule) =>
      rule.category !== undefined ||
      rule.kind !== undefined ||
      rule.level !== undefined ||
      rule.impact !== undefined ||
      rule.urgency !== undefined,
    { message: 'a rule must set at least one of category, kind, level, impact, urgency' },
  );
export type RoutingRule = z.output<typeof RoutingRuleSchema>;

export const RoutingRulesFileSchema = z
  .strictObject({ rules: z.array(RoutingRuleSchema) })
  .superRefine(({ rules }, context) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'id'],
          message: `'${rule.id}' is used twice`,
        });
      seen.add(rule.id);
    });
  });

/** Marks a deployment rule's signal id (`rule:<id>`) beside the lexicon's own. */
export const RULE_PREFIX = 'rule:';

/** Votes a deployment rule casts: stronger than any one lexicon signal, so the deployment's word wins. */
export const RULE_WEIGHT = { category: 4, level: 4, kind: 3 } as const;

/** A rule as the classifier runs it: a lexicon signal, plus the terms it needs beside it. */
export type CompiledRule = {
  signal: SignalDefinition & { rule: RoutingRule };
  /** Lexicon-syntax terms of which one must also appear; undefined when the rule needs none. */
  companions?: string;
};

/** One written term in the lexicon's syntax: normalized words joined into a phrase. */
export function lexiconTerm(term: string): string {
  return normalize(term)
    .replace(/['’]/g, '')
    .split(/[\s_\-/.,;:]+/)
    .filter(Boolean)
    .join('_');
}

/**
 * Every term of `lists` in lexicon syntax, each single word also with its translations.
 * `translate` gives a word's equivalents in the other languages (empty when none are known).
 */
export function termsOf(lists: TermLists, translate: (word: string) => readonly string[]): string[] {
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
  translate: (word: string) => readonly string[] = () => [],
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
      rule,
    };
    return rule.with ? { signal, companions: termsOf(rule.with, translate).join(' ') } : { signal };
  });
}
