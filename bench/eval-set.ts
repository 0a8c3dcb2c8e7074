// The labelled evaluation set (test/fixtures/classification-eval.json) and how the classifier
// is scored on it. One copy, used by `npm run bench:classify` and by the quality floors in
// test/domain/classification-quality.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Classifier, ClassifierInput } from '../shared/domain/classification/classifier.ts';
import { createClassifier } from '../shared/domain/classification/default-classifier.ts';
import { CATEGORIES, GRADES, LANGUAGES, PRIORITIES } from '../shared/domain/support-model.ts';

const ROOT = join(import.meta.dirname, '..');
export const SPLITS = ['dev', 'holdout', 'fresh', 'long'] as const;
export type Split = (typeof SPLITS)[number];

const EvalItem = z.object({
  id: z.string(),
  /** Translations of one request share a scenario, and always a split. */
  scenario: z.string(),
  split: z.enum(SPLITS),
  subject: z.string(),
  description: z.string(),
  form: z
    .object({
      impact: z.enum(GRADES).optional(),
      urgency: z.enum(GRADES).optional(),
      language: z.enum(LANGUAGES).optional(),
      product: z.string().optional(),
    })
    .optional(),
  expected: z.object({
    language: z.enum(LANGUAGES),
    category: z.enum(CATEGORIES),
    impact: z.enum(GRADES),
    urgency: z.enum(GRADES),
    priority: z.enum(PRIORITIES),
    level: z.number().int().min(0).max(4),
    article: z.string().optional(),
  }),
});
export type EvalItem = z.infer<typeof EvalItem>;

export function loadEvalSet(): EvalItem[] {
  return z
    .array(EvalItem)
    .parse(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/classification-eval.json'), 'utf8')));
}

export function inputOf(item: EvalItem): ClassifierInput {
  return {
    subject: item.subject,
    description: item.description,
    ...(item.form?.impact ? { impact: item.form.impact } : {}),
    ...(item.form?.urgency ? { urgency: item.form.urgency } : {}),
    ...(item.form?.product ? { product: item.form.product } : {}),
    language: { ...(item.form?.language ? { form: item.form.language } : {}) },
  };
}

/**
 * Email-length requests written for tuning (ids `long-dev-…`): part of `dev`, reported on their
 * own as well, next to the untuned `long` split.
 */
export function isLongDev(item: EvalItem): boolean {
  return item.split === 'dev' && item.id.startsWith('long-dev-');
}

/** One sentence: no sentence break inside, and short. */
export function isOneSentence(item: EvalItem): boolean {
  const text = item.description.trim();
  return text.length <= 160 && !/[.!?]\s+\S/.test(text);
}

export const FIELDS = ['language', 'category', 'impact', 'urgency', 'priority', 'level'] as const;
export type Field = (typeof FIELDS)[number];
export type Scores = { n: number } & Record<Field, number | null>;

export function evaluate(items: EvalItem[], classifier: Classifier = createClassifier()) {
  const rows = items.map((item) => ({ item, verdict: classifier.classify(inputOf(item)) }));
  const accuracy = (subset: typeof rows, field: Field) =>
    subset.length === 0
      ? null
      : subset.filter((r) => r.verdict[field] === r.item.expected[field]).length / subset.length;
  const table = (subset: typeof rows): Scores =>
    ({
      n: subset.length,
      ...Object.fromEntries(FIELDS.map((f) => [f, round(accuracy(subset, f))])),
    }) as Scores;
  const perLanguage = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, table(rows.filter((r) => r.item.expected.language === lang))]),
  ) as Record<(typeof LANGUAGES)[number], Scores>;
  const perSplit = Object.fromEntries(
    SPLITS.map((name) => [name, table(rows.filter((r) => r.item.split === name))]),
  ) as Record<Split, Scores>;
  const oneSentence = rows.filter((r) => isOneSentence(r.item));
  return {
    rows,
    perLanguage,
    ...perSplit,
    longDev: table(rows.filter((r) => isLongDev(r.item))),
    all: table(rows),
    oneSentenceLanguage: { n: oneSentence.length, accuracy: round(accuracy(oneSentence, 'language')) },
  };
}

export function round(value: number | null | undefined, digits = 3): number | null {
  if (value === null || value === undefined) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
