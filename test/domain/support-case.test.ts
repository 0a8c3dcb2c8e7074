import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../shared/domain/errors.ts';
import {
  addFollowUp,
  type Classification,
  classify,
  confirmDeflection,
  correctClassification,
  handOverToDesk,
  openCase,
  wasHandedOver,
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
  articles: [{ id: 'add-printer', title: 'Add a printer', summary: 'Install the queue once.', score: 9 }],
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
      acknowledgement: { state: 'pending', attempts: 0, tokenHashes: [] },
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

describe('hand-over from self-help to the ticket desk', () => {
  const selfHelp = () => classify(newCase(), verdict(0), now);
  const reply = {
    at: later.toISOString(),
    channel: 'email' as const,
    from: 'ada@example.com',
    text: 'no luck',
  };

  it('opens a self-help case at level 1, keeps the articles and records why as a correction by the customer', () => {
    const before = selfHelp();
    const after = handOverToDesk(before, 'the article did not help', later);
    expect(after).toMatchObject({
      status: 'open',
      version: before.version + 1,
      updatedAt: later.toISOString(),
    });
    expect(after.classification).toMatchObject({
      level: 1,
      priority: 'P4',
      classifiedBy: 'customer',
      articles: before.classification?.articles,
    });
    expect(after.classification?.reasons[0]).toContain('the article did not help');
    expect(after.corrections).toEqual([
      {
        at: later.toISOString(),
        by: 'customer',
        reason: 'the article did not help',
        from: { category: 'hardware', impact: 'low', urgency: 'medium', level: 0, priority: 'P4' },
        to: { category: 'hardware', impact: 'low', urgency: 'medium', level: 1, priority: 'P4' },
      },
    ]);
    expect(wasHandedOver(after)).toBe(true);
    expect(wasHandedOver(before)).toBe(false);
  });

  it('adds the customer’s comment as a follow-up', () => {
    const after = handOverToDesk(selfHelp(), 'asked for a person', later, { ...reply, channel: 'web' });
    // Counted on the case; the follow-up itself is stored beside it by the use case.
    expect(after).toMatchObject({ followUpCount: 1, lastFollowUpAt: reply.at });
    expect(handOverToDesk(selfHelp(), 'asked for a person', later).followUpCount).toBe(0);
  });

  it('refuses every status but self-help', () => {
    const open = classify(newCase(), verdict(2), now);
    expect(() => handOverToDesk(open, 'x', later)).toThrow(InvalidTransitionError);
    expect(() => handOverToDesk(newCase(), 'x', later)).toThrow(InvalidTransitionError);
    const deflected = confirmDeflection(selfHelp(), 'add-printer', later);
    expect(() => handOverToDesk(deflected, 'x', later)).toThrow(InvalidTransitionError);
    const handedOver = handOverToDesk(selfHelp(), 'x', later);
    expect(() => handOverToDesk(handedOver, 'x', later)).toThrow(InvalidTransitionError);
  });

  it('a reply to a self-help case hands it over in the same single version step', () => {
    const before = selfHelp();
    const after = addFollowUp(before, reply, later);
    expect(after).toMatchObject({ status: 'open', version: before.version + 1, followUpCount: 1 });
    expect(after.classification?.level).toBe(1);
    expect(after.corrections[0]).toMatchObject({ by: 'customer', from: { level: 0 }, to: { level: 1 } });
  });

  it('a reply to a deflected self-help case reopens it at the ticket desk, not at level 0', () => {
    const deflected = confirmDeflection(selfHelp(), 'add-printer', later);
    const after = addFollowUp(deflected, reply, later);
    expect(after).toMatchObject({ status: 'open', classification: { level: 1 } });
  });

  it('a reply to an open case leaves its level alone', () => {
    const open = classify(newCase(), verdict(3), now);
    const after = addFollowUp(open, reply, later);
    expect(after).toMatchObject({ status: 'open', classification: { level: 3 }, corrections: [] });
  });
});

describe('follow-ups', () => {
  const followUp = (n: number) => ({
    at: later.toISOString(),
    channel: 'email' as const,
    from: 'ada@example.com',
    messageId: `<${n}@example.com>`,
    text: `reply ${n} `.repeat(100),
    rawKey: `inbound/${n}`,
  });

  it('reopens a resolved, closed or cancelled case: the problem is back', () => {
    const open = classify(newCase(), verdict(2), now);
    for (const status of ['resolved', 'closed', 'cancelled'] as const) {
      expect(addFollowUp({ ...open, status }, followUp(1), later).status).toBe('reopened');
    }
  });

  it('gives a case waiting on the customer back to whoever works it', () => {
    const open = classify(newCase(), verdict(2), now);
    const waiting = { ...open, status: 'waiting-on-customer' as const };
    expect(addFollowUp(waiting, followUp(1), later).status).toBe('open');
    expect(addFollowUp({ ...waiting, assignee: 'agent-7' }, followUp(1), later).status).toBe('in-progress');
  });

  it('counts follow-ups on the case without holding them, so a long thread never grows it', () => {
    const start = classify(newCase(), verdict(2), now);
    let c = start;
    for (let n = 1; n <= 400; n++) c = addFollowUp(c, { ...followUp(n), text: 'x'.repeat(4000) }, later);
    expect(c).toMatchObject({ followUpCount: 400, lastFollowUpAt: later.toISOString(), version: 402 });
    expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(Buffer.byteLength(JSON.stringify(start)) + 100);
  });

  it('keeps the latest follow-up time when an earlier reply is stored after a later one', () => {
    const open = classify(newCase(), verdict(2), now);
    const newer = addFollowUp(open, { ...followUp(2), at: '2026-11-24T09:06:00.000Z' }, later);
    const after = addFollowUp(newer, { ...followUp(1), at: '2026-11-24T09:04:00.000Z' }, later);
    expect(after).toMatchObject({ followUpCount: 2, lastFollowUpAt: '2026-11-24T09:06:00.000Z' });
  });
});
