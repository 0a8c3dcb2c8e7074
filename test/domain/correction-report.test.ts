// The correction report's counting, pure: a correction is charged to every signal and rule
// that led to the verdict, per language; a correction of an agent's correction is not the
// classifier's error and is left out; a redelivered event counts once.
import { describe, expect, it } from 'vitest';
import { aggregateCorrections, type CorrectionEvent } from '../../shared/use-cases/correction-report.ts';

function correction(id: string, data: Record<string, unknown>): CorrectionEvent {
  return {
    id,
    caseId: `case-${id}`,
    type: 'reclassified',
    at: `2026-11-20T10:00:0${id.length}Z`,
    data,
  };
}

describe('aggregateCorrections', () => {
  const first = correction('a', {
    language: 'de',
    reference: 'TD-1',
    correctsClassifier: true,
    from: { level: 2, category: 'hardware' },
    to: { level: 3, category: 'hardware' },
    matched: [
      { rule: 'printer', words: ['drucker'] },
      { rule: 'rule:ledger-export', words: ['ledger', 'export'] },
    ],
  });
  const undone = correction('bb', {
    language: 'de',
    reference: 'TD-1',
    correctsClassifier: false,
    from: { level: 3 },
    to: { level: 2 },
    matched: [],
  });

  it('charges each signal and rule of the verdict, and leaves out corrections of corrections', () => {
    const report = aggregateCorrections([first, undone, first]);
    expect(report.corrections).toBe(1);
    expect(report.languages).toHaveLength(1);
    const de = report.languages[0];
    expect(de?.language).toBe('de');
    expect(de?.rules.map((r) => r.rule).sort()).toEqual(['printer', 'rule:ledger-export']);
    const rule = de?.rules.find((r) => r.rule === 'rule:ledger-export');
    expect(rule?.words).toEqual(expect.arrayContaining(['ledger', 'export']));
    expect(rule?.changes).toEqual([{ field: 'level', from: '2', to: '3', count: 1 }]);
  });
});
