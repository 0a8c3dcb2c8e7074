// The labelled fact-reading set (test/fixtures/facts-eval.json) and how the classifier is scored
// on it: which facts a request already gives, against what the verdict still asks for in
// `missingFacts`. One copy, used by `npm run bench:classify` and by the floors in
// test/domain/facts-reading.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Classifier, ClassifierInput } from '../shared/domain/classification/classifier.ts';
import { createClassifier } from '../shared/domain/classification/default-classifier.ts';
import { FACTS, type Fact, missingFactsFor } from '../shared/domain/required-facts.ts';
import { LANGUAGES } from '../shared/domain/support-model.ts';

const ROOT = join(import.meta.dirname, '..');
export const FACT_SPLITS = ['dev', 'holdout'] as const;
export type FactSplit = (typeof FACT_SPLITS)[number];

const FactItem = z.object({
  id: z.string(),
  language: z.enum(LANGUAGES),
  split: z.enum(FACT_SPLITS),
  subject: z.string(),
  description: z.string(),
  product: z.string().optional(),
  errorText: z.string().optional(),
  asset: z.string().optional(),
  /** Exactly the facts the request gives, in its words or its form fields. */
  given: z.array(z.enum(FACTS)),
});
export type FactItem = z.infer<typeof FactItem>;

export function loadFactsEval(): FactItem[] {
  return z
    .array(FactItem)
    .parse(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/facts-eval.json'), 'utf8')));
}

export function factInputOf(item: FactItem): ClassifierInput {
  return {
    subject: item.subject,
    description: item.description,
    ...(item.product ? { product: item.product } : {}),
    ...(item.errorText ? { errorText: item.errorText } : {}),
    ...(item.asset ? { asset: item.asset } : {}),
  };
}

export type FactScores = {
  n: number;
  /** Facts asked (pairs of request and fact in `missingFacts`). */
  asked: number;
  /** Of those, the facts the request already gives. */
  askedNeedlessly: number;
  /** askedNeedlessly / asked. */
  needlessRate: number | null;
  /** Facts the verdict's kind and level need that the request does not give. */
  lacking: number;
  /** Of those, the facts not asked. */
  missed: number;
  /** missed / lacking. */
  missedRate: number | null;
};

export type FactRow = { item: FactItem; missing: Fact[]; needless: Fact[]; missed: Fact[] };

function scoresOf(rows: readonly FactRow[]): FactScores {
  let asked = 0;
  let needless = 0;
  let lacking = 0;
  let missed = 0;
  for (const row of rows) {
    asked += row.missing.length;
    needless += row.needless.length;
    missed += row.missed.length;
    lacking += row.missing.length - row.needless.length + row.missed.length;
  }
  const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);
  return {
    n: rows.length,
    asked,
    askedNeedlessly: needless,
    needlessRate: rate(needless, asked),
    lacking,
    missed,
    missedRate: rate(missed, lacking),
  };
}

/**
 * Per request: what the verdict asks (`missingFacts`), which of those the labels say the request
 * gives (asked needlessly), and which facts the verdict's kind and level need, the request lacks,
 * but the verdict does not ask (missed).
 */
export function evaluateFacts(items: readonly FactItem[], classifier: Classifier = createClassifier()) {
  const rows: FactRow[] = items.map((item) => {
    const verdict = classifier.classify(factInputOf(item));
    const given = new Set<Fact>(item.given);
    const needed = missingFactsFor(verdict.kind, verdict.level, new Set());
    const asked = new Set(verdict.missingFacts);
    return {
      item,
      missing: verdict.missingFacts,
      needless: verdict.missingFacts.filter((fact) => given.has(fact)),
      missed: needed.filter((fact) => !given.has(fact) && !asked.has(fact)),
    };
  });
  const perLanguage = Object.fromEntries(
    LANGUAGES.map((language) => [language, scoresOf(rows.filter((r) => r.item.language === language))]),
  );
  return {
    rows,
    dev: scoresOf(rows.filter((r) => r.item.split === 'dev')),
    holdout: scoresOf(rows.filter((r) => r.item.split === 'holdout')),
    all: scoresOf(rows),
    perLanguage,
  };
}
