import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../shared/domain/errors.ts';
import {
  type Classification,
  classify,
  confirmDeflection,
  correctClassification,
  openCase,
} from '../../shared/domain/support-case.ts';

const now = new Date('2026-11-24T09:00:00Z');
const later = new Date('2026-11-24T09:05:00Z');

function newCase() {
  return openCase({
    id: '01JDTESTCASE0000000000000A',
    reference: 'TD-ABCDEFG',
    accessTokenHash: 'hash',
    intake: {
      customer: { name: 'Ada', email: 'ada@example.com' },
      problem: { subject: 'Printer', description: 'The printer does not print' },
      channel: 'web',
      attachments: [],
    },
    language: 'en',
    missingFacts: [],
    now,
  });
}

const verdict = (level: Classification['level']): Classification => ({
  language: 'en',
  category: 'hardware',
  impact: 'low',
  urgency: 'medium',
  priority: 'P4',
  level,
  confidence: 0.8,
  reasons: ['test'],
  articles: [{ id: 'add-printer', title: 'Add a printer', score: 9 }],
  classifiedAt: now.toISOString(),
  classifiedBy: 'classifier@test',
});

describe('support case lifecycle', () => {
  it('starts new, version 1, with the intake recorded', () => {
    const c = newCase();
    expect(c).toMatchObject({ status: 'new', version: 1, channel: 'web', accessTokenHashes: ['hash'] });
  });

  it('classification routes level 0 to self-help and levels 1-4 to open, and asks for an acknowledgement', () => {
    expect(classify(newCase(), verdict(0), later)).toMatchObject({
      status: 'self-help',
      version: 2,
      acknowledgement: 'pending',
    });
    expect(classify(newCase(), verdict(3), later)).toMatchObject({ status: 'open', version: 2 });
  });

  it('refuses to classify twice', () => {
    const classified = classify(newCase(), verdict(2), later);
    expect(() => classify(classified, verdict(2), later)).toThrow(InvalidTransitionError);
  });

  it('records a correction with who, when, the old and the new value', () => {
    const classified = classify(newCase(), verdict(2), later);
    const corrected = correctClassification(
      classified,
      { level: 3, impact: 'high' },
      'P2',
      'agent-7',
      'needs RCA',
      later,
    );
    expect(corrected.classification).toMatchObject({
      level: 3,
      impact: 'high',
      priority: 'P2',
      classifiedBy: 'agent-7',
    });
    expect(corrected.corrections).toEqual([
      {
        at: later.toISOString(),
        by: 'agent-7',
        reason: 'needs RCA',
        from: { category: 'hardware', impact: 'low', urgency: 'medium', level: 2, priority: 'P4' },
        to: { category: 'hardware', impact: 'high', urgency: 'medium', level: 3, priority: 'P2' },
      },
    ]);
  });

  it('closes a self-help case as deflected, and only a self-help case', () => {
    const selfHelp = classify(newCase(), verdict(0), later);
    expect(confirmDeflection(selfHelp, 'add-printer', later)).toMatchObject({
      status: 'deflected',
      deflectedArticle: 'add-printer',
    });
    expect(() => confirmDeflection(classify(newCase(), verdict(1), later), 'add-printer', later)).toThrow(
      InvalidTransitionError,
    );
  });
});
