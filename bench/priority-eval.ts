// The wordy-ticket priority set (test/fixtures/priority-eval.json) and how the classifier is
// scored on it: the band of the priority read from the text (P1/P2 high, P3 medium, P4/P5 low)
// against the labelled band. One copy, used by `npm run bench:classify` and by the floor in
// test/domain/priority-words.test.ts. The holdout half was written before any tuning and is
// never tuned on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Classifier } from '../shared/domain/classification/classifier.ts';
import { createClassifier } from '../shared/domain/classification/default-classifier.ts';
import { GRADES, type Grade, LANGUAGES, type Priority } from '../shared/domain/support-model.ts';
import { round } from './eval-set.ts';

const ROOT = join(import.meta.dirname, '..');
export const PRIORITY_SPLITS = ['dev', 'holdout'] as const;

const PriorityItem = z.object({
  id: z.string(),
  language: z.enum(LANGUAGES),
  split: z.enum(PRIORITY_SPLITS),
  subject: z.string(),
  description: z.string(),
  band: z.enum(GRADES),
});
export type PriorityItem = z.infer<typeof PriorityItem>;

export function loadPriorityEval(): PriorityItem[] {
  return z
    .array(PriorityItem)
    .parse(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/priority-eval.json'), 'utf8')));
}

export function bandOf(priority: Priority): Grade {
  return priority === 'P1' || priority === 'P2' ? 'high' : priority === 'P3' ? 'medium' : 'low';
}

export type BandScores = { n: number; accuracy: number | null };

/** Band accuracy per split, and per split and language. */
export function evaluatePriorityBands(
  items: PriorityItem[] = loadPriorityEval(),
  classifier: Classifier = createClassifier(),
) {
  const rows = items.map((item) => {
    const verdict = classifier.classify({ subject: item.subject, description: item.description });
    return { item, verdict, band: bandOf(verdict.priority) };
  });
  const score = (subset: typeof rows): BandScores => ({
    n: subset.length,
    accuracy: subset.length
      ? round(subset.filter((r) => r.band === r.item.band).length / subset.length)
      : null,
  });
  const perSplit = Object.fromEntries(
    PRIORITY_SPLITS.map((split) => {
      const inSplit = rows.filter((r) => r.item.split === split);
      return [
        split,
        {
          ...score(inSplit),
          perLanguage: Object.fromEntries(
            LANGUAGES.map((lang) => [lang, score(inSplit.filter((r) => r.item.language === lang))]),
          ),
        },
      ];
    }),
  ) as Record<(typeof PRIORITY_SPLITS)[number], BandScores & { perLanguage: Record<string, BandScores> }>;
  return { rows, ...perSplit, all: score(rows) };
}
