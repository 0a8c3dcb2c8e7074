// How well a deployment's own configuration teaches the desk a different organisation: the
// requests of test/fixtures/software-vendor-eval.json (customers of Ledgerly, the accounting SaaS
// of config/examples/software-vendor), labelled by Ledgerly's support model, classified under
// that configuration and, for comparison, under config/default (generic IT, no routing rules).
// bench/classify.bench.ts prints these figures; `tsx bench/software-vendor-eval.ts` prints a table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readDeployment } from '../shared/config/deployment.ts';
import { DEFAULT_CONFIG_DIR } from '../shared/config/deployment-source.ts';
import type { Classifier } from '../shared/domain/classification/classifier.ts';
import { createClassifier } from '../shared/domain/classification/default-classifier.ts';
import { CATEGORIES, LANGUAGES, PRIORITIES } from '../shared/domain/support-model.ts';

const ROOT = join(import.meta.dirname, '..');
export const SOFTWARE_VENDOR_CONFIG_DIR = join(ROOT, 'config/examples/software-vendor');
export const SOFTWARE_VENDOR_EVAL_FILE = join(ROOT, 'test/fixtures/software-vendor-eval.json');

const SoftwareVendorItem = z.object({
  id: z.string(),
  language: z.enum(LANGUAGES),
  split: z.enum(['dev', 'holdout']),
  subject: z.string(),
  description: z.string(),
  expected: z.object({
    level: z.number().int().min(0).max(4),
    category: z.enum(CATEGORIES),
    priority: z.enum(PRIORITIES).optional(),
  }),
});
export type SoftwareVendorItem = z.infer<typeof SoftwareVendorItem>;

export function loadSoftwareVendorEval(): SoftwareVendorItem[] {
  return z.array(SoftwareVendorItem).parse(JSON.parse(readFileSync(SOFTWARE_VENDOR_EVAL_FILE, 'utf8')));
}

/** Accuracies are shares (0–1); `priority` is over the requests labelled with one (null: none). */
export type SoftwareVendorScores = {
  count: number;
  /** Under config/examples/software-vendor. */
  level: number;
  category: number;
  priority: number | null;
  priorityCount: number;
  /** The same requests under config/default. */
  defaultConfig: { level: number; category: number };
};
export type SoftwareVendorFigures = Record<'dev' | 'holdout' | 'all', SoftwareVendorScores>;

const share = (hits: number, of: number) => (of === 0 ? 0 : Math.round((hits / of) * 1000) / 1000);

function score(
  items: readonly SoftwareVendorItem[],
  example: Classifier,
  generic: Classifier,
): SoftwareVendorScores {
  let level = 0;
  let category = 0;
  let priority = 0;
  let priorityCount = 0;
  let defaultLevel = 0;
  let defaultCategory = 0;
  for (const item of items) {
    const input = { subject: item.subject, description: item.description };
    const verdict = example.classify(input);
    if (verdict.level === item.expected.level) level++;
    if (verdict.category === item.expected.category) category++;
    if (item.expected.priority) {
      priorityCount++;
      if (verdict.priority === item.expected.priority) priority++;
    }
    const plain = generic.classify(input);
    if (plain.level === item.expected.level) defaultLevel++;
    if (plain.category === item.expected.category) defaultCategory++;
  }
  return {
    count: items.length,
    level: share(level, items.length),
    category: share(category, items.length),
    priority: priorityCount ? share(priority, priorityCount) : null,
    priorityCount,
    defaultConfig: {
      level: share(defaultLevel, items.length),
      category: share(defaultCategory, items.length),
    },
  };
}

/** Level, category and priority accuracy on the Ledgerly requests, per split and overall. */
export function softwareVendorFigures(): SoftwareVendorFigures {
  const items = loadSoftwareVendorEval();
  const example = createClassifier(readDeployment(SOFTWARE_VENDOR_CONFIG_DIR));
  const generic = createClassifier(readDeployment(DEFAULT_CONFIG_DIR));
  return {
    dev: score(
      items.filter((item) => item.split === 'dev'),
      example,
      generic,
    ),
    holdout: score(
      items.filter((item) => item.split === 'holdout'),
      example,
      generic,
    ),
    all: score(items, example, generic),
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const figures = softwareVendorFigures();
  const pct = (value: number | null) =>
    value === null ? '   –  ' : `${(value * 100).toFixed(1).padStart(5)}%`;
  console.log('Ledgerly requests (config/examples/software-vendor vs config/default)');
  console.log('split     n   level  category  priority | default level  default category');
  for (const [split, s] of Object.entries(figures)) {
    console.log(
      `${split.padEnd(8)} ${String(s.count).padStart(3)}  ${pct(s.level)}  ${pct(s.category)}   ${pct(s.priority)} |        ${pct(s.defaultConfig.level)}           ${pct(s.defaultConfig.category)}`,
    );
  }
  console.log(JSON.stringify(figures));
}
