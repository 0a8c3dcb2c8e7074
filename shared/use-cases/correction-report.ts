/**
 * The correction report of a period (getCorrectionReport): what the desk can learn from its
 * agents.
 *
 * Input: the first and last UTC day of the period (yyyy-mm-dd, both included, at most 92 days).
 * Output: per language, the signals and routing rules whose verdicts agents corrected — for each,
 * how many corrections, the words that had matched, what was corrected (field: from → to, with
 * counts) and some example case references; rules sorted by corrections, most first.
 * Primary course:
 *  1. The corrections of each day of the period are read (`listCorrections`: the day's
 *     `reclassified` events, indexed by day when written — never the cases themselves). Each
 *     event carries the case's language and reference, the fields before and after, and the
 *     classifier's evidence (`matched`) for the verdict that was corrected.
 *  2. Only corrections of the classifier's own verdict count (an agent undoing another agent's
 *     correction is not the classifier's error). A correction counts once for its language, and once for every signal or rule in its
 *     evidence (they all led to the verdict). A correction without recorded evidence (a case
 *     classified before evidence was kept, or one on which nothing fired) counts under
 *     `(none)`.
 *  3. What was corrected: every field of category, level, priority, impact and urgency whose
 *     value changed, as `field: from → to`, counted per rule.
 *  4. Languages sorted by corrections, most first; within a language, rules by corrections, then
 *     by id. Words sorted by how often they matched, then alphabetically; at most
 *     EXAMPLE_CASES references per rule (the first corrected).
 * Pure apart from the reads; the CSV form is `correctionReportCsv`.
 */
import { csvDocument, readPeriod } from './sla-report.ts';

/** The fields an agent corrects that the report compares. */
export const CORRECTED_FIELDS = ['category', 'level', 'priority', 'impact', 'urgency'] as const;
export type CorrectedField = (typeof CORRECTED_FIELDS)[number];

/** The evidence key of a correction whose verdict recorded none. */
export const NO_EVIDENCE = '(none)';
/** Example case references per rule. */
export const EXAMPLE_CASES = 5;

export type CorrectionChange = { field: CorrectedField; from: string; to: string; count: number };
export type CorrectionRow = {
  /** A lexicon signal (`printer`), a deployment or learned rule (`rule:<id>`), or `(none)`. */
  rule: string;
  corrections: number;
  /** The words of the customers' texts that matched it in the corrected verdicts. */
  words: string[];
  changes: CorrectionChange[];
  cases: string[];
};
export type CorrectionLanguage = { language: string; corrections: number; rules: CorrectionRow[] };
export type CorrectionReport = {
  from: string;
  to: string;
  corrections: number;
  languages: CorrectionLanguage[];
};

/** The fields of a reclassified event the report reads (a `CaseEvent` has them all). */
export type CorrectionEvent = {
  id: string;
  caseId: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
};

/** Reads the period's corrections and computes the report. */
export async function correctionReport(
  store: { listCorrections(day: string): Promise<readonly CorrectionEvent[]> },
  period: { from: string; to: string },
): Promise<CorrectionReport> {
  const events = await readPeriod(period, (day) => store.listCorrections(day));
  return { from: period.from, to: period.to, ...aggregateCorrections(events) };
}

type RowTally = {
  corrections: number;
  words: Map<string, number>;
  changes: Map<string, CorrectionChange>;
  cases: string[];
};

/** The report's figures from a period's reclassified events, in any order (duplicates count once). */
export function aggregateCorrections(
  events: readonly CorrectionEvent[],
): Pick<CorrectionReport, 'corrections' | 'languages'> {
  const seen = new Set<string>();
  const languages = new Map<string, { corrections: number; rules: Map<string, RowTally> }>();
  const ordered = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
  let total = 0;
  for (const event of ordered) {
    if (event.type !== 'reclassified') continue;
    // A correction of an agent's correction says nothing about the classifier.
    if (event.data.correctsClassifier === false) continue;
    const key = `${event.caseId}#${event.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { language, reference, matched, from, to } = event.data;
    const changes = changesOf(from, to);
    total += 1;
    const lang = typeof language === 'string' ? language : 'unknown';
    const perLanguage = languages.get(lang) ?? { corrections: 0, rules: new Map<string, RowTally>() };
    perLanguage.corrections += 1;
    languages.set(lang, perLanguage);
    const evidence = evidenceOf(matched);
    for (const { rule, words } of evidence.length ? evidence : [{ rule: NO_EVIDENCE, words: [] }]) {
      const row: RowTally = perLanguage.rules.get(rule) ?? {
        corrections: 0,
        words: new Map(),
        changes: new Map(),
        cases: [],
      };
      row.corrections += 1;
      for (const word of new Set(words)) row.words.set(word, (row.words.get(word) ?? 0) + 1);
      for (const change of changes) {
        const id = `${change.field}#${change.from}#${change.to}`;
        const counted = row.changes.get(id) ?? { ...change, count: 0 };
        counted.count += 1;
        row.changes.set(id, counted);
      }
      const ref = typeof reference === 'string' ? reference : event.caseId;
      if (row.cases.length < EXAMPLE_CASES && !row.cases.includes(ref)) row.cases.push(ref);
      perLanguage.rules.set(rule, row);
    }
  }
  return {
    corrections: total,
    languages: [...languages.entries()]
      .map(([language, { corrections, rules }]) => ({
        language,
        corrections,
        rules: [...rules.entries()]
          .map(([rule, row]) => ({
            rule,
            corrections: row.corrections,
            words: [...row.words.entries()]
              .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
              .map(([word]) => word),
            changes: [...row.changes.values()].sort(
              (a, b) =>
                b.count - a.count ||
                CORRECTED_FIELDS.indexOf(a.field) - CORRECTED_FIELDS.indexOf(b.field) ||
                a.from.localeCompare(b.from) ||
                a.to.localeCompare(b.to),
            ),
            cases: row.cases,
          }))
          .sort((a, b) => b.corrections - a.corrections || a.rule.localeCompare(b.rule)),
      }))
      .sort((a, b) => b.corrections - a.corrections || a.language.localeCompare(b.language)),
  };
}

function evidenceOf(matched: unknown): Array<{ rule: string; words: string[] }> {
  if (!Array.isArray(matched)) return [];
  return matched.flatMap((m) =>
    m && typeof m === 'object' && typeof (m as { rule?: unknown }).rule === 'string'
      ? [
          {
            rule: (m as { rule: string }).rule,
            words: Array.isArray((m as { words?: unknown }).words)
              ? ((m as { words: unknown[] }).words.filter((w) => typeof w === 'string') as string[])
              : [],
          },
        ]
      : [],
  );
}

function changesOf(from: unknown, to: unknown): Array<Omit<CorrectionChange, 'count'>> {
  if (!from || !to || typeof from !== 'object' || typeof to !== 'object') return [];
  const before = from as Record<string, unknown>;
  const after = to as Record<string, unknown>;
  return CORRECTED_FIELDS.flatMap((field) =>
    before[field] !== undefined && after[field] !== undefined && before[field] !== after[field]
      ? [{ field, from: String(before[field]), to: String(after[field]) }]
      : [],
  );
}

export const CORRECTION_REPORT_CSV_COLUMNS = [
  'language',
  'rule',
  'corrections',
  'words',
  'changes',
  'cases',
] as const;

/**
 * The report as CSV (RFC 4180, as the SLA report's): one line per language and rule; words and
 * case references separated by spaces, changes as `level 2→3 (4); priority P4→P2 (1)`.
 */
export function correctionReportCsv(report: CorrectionReport): string {
  const lines = [
    [...CORRECTION_REPORT_CSV_COLUMNS],
    ...report.languages.flatMap(({ language, rules }) =>
      rules.map((r) => [
        language,
        r.rule,
        r.corrections,
        r.words.join(' '),
        r.changes.map((c) => `${c.field} ${c.from}→${c.to} (${c.count})`).join('; '),
        r.cases.join(' '),
      ]),
    ),
  ];
  return csvDocument(lines);
}
