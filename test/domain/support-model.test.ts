import { describe, expect, it } from 'vitest';
import { GRADES, priorityOf } from '../../shared/domain/support-model.ts';

describe('priorityOf (ITIL impact × urgency)', () => {
  it.each([
    ['high', 'high', 'P1'],
    ['high', 'medium', 'P2'],
    ['high', 'low', 'P3'],
    ['medium', 'high', 'P2'],
    ['medium', 'medium', 'P3'],
    ['medium', 'low', 'P4'],
    ['low', 'high', 'P3'],
    ['low', 'medium', 'P4'],
    ['low', 'low', 'P5'],
  ] as const)('impact %s × urgency %s is %s', (impact, urgency, expected) => {
    expect(priorityOf(impact, urgency)).toBe(expected);
  });

  it('never ranks a lower impact above a higher one at the same urgency', () => {
    for (const urgency of GRADES) {
      const ranks = GRADES.map((impact) => Number(priorityOf(impact, urgency).slice(1)));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});
