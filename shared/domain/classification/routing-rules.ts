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
import { CATEGORIES, GRADES, type LANGUAGES } from '../support-model.ts';
import { lexiconTerm } from './rule-compiler.ts';
import { isFunctionWord } from './text-normalizer.ts';

/** Terms per list: a rule names a topic, not a dictionary (and a learned rule is read every minute). */
const MAX_TERMS = 100;

/**
 * Why a term cannot route anything, or undefined: a rule's words weigh more than any word of the
 * lexicon, so a term that matches nearly every text ("the", "de", "in", "a$") would take over
 * the desk's routing.
 */
function termProblem(term: string): string | undefined {
  const words = lexiconTerm(term)
    .split('_')
    .map((word) => word.replace(/\$$/, ''))
    .filter((word) => word && word !== '*');
  if (words.length === 0) return 'a term needs a letter or digit';
  if (words.every(isFunctionWord))
    return `'${term}' says nothing about a topic (only words like "the", "der", "de")`;
  if (words.length === 1 && (words[0] as string).length < 2) return `'${term}' is too short to route by`;
  return undefined;
}

const TERM = z
  .string()
  .trim()
  .min(2, 'a term needs at least two characters')
  .max(80)
  .superRefine((term, context) => {
    const problem = termProblem(term);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
const TERMS = z.array(TERM).max(MAX_TERMS, `at most ${MAX_TERMS} terms a list`);

const TermLists = z
  .strictObject({
    any: TERMS.optional(),
    en: TERMS.optional(),
    de: TERMS.optional(),
    nl: TERMS.optional(),
    fr: TERMS.optional(),
    es: TERMS.optional(),
    ru: TERMS.optional(),
  })
  .refine((lists) => Object.values(lists).some((terms) => (terms as string[] | undefined)?.length), {
    message: 'name at least one term (under any, en, de, nl, fr, es or ru)',
  });
export type TermLists = { any?: string[] } & Partial<Record<(typeof LANGUAGES)[number], string[]>>;

const KINDS = ['howto', 'request', 'fault'] as const;

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
