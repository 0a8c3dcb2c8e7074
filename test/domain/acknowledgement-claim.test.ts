// The acknowledgement's claim, pure: who may claim it when, what each outcome records, when the
// sweep must look again — with an injected clock, no I/O.
import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../shared/domain/errors.ts';
import {
  ACK_CLAIM_STALE_MS,
  ACK_REPAIR_AFTER_MS,
  acknowledgementClaimable,
  claimAcknowledgement,
  classify,
  customerTokenHashes,
  MAX_ACK_ATTEMPTS,
  markAcknowledged,
  nextDueAt,
  openCase,
  releaseAcknowledgement,
  settleAcknowledgement,
} from '../../shared/domain/support-case.ts';
import { draftCase, level1Verdict } from '../support/cases.ts';

const t0 = new Date('2026-11-27T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

const classified = () => classify(draftCase({ at: t0 }), level1Verdict(t0), t0);

describe('the acknowledgement claim', () => {
  it('a pending acknowledgement is claimable; the claim counts the attempt and keeps its token hash', () => {
    const c = classified();
    expect(acknowledgementClaimable(c, t0)).toBe(true);
    const claimed = claimAcknowledgement(c, 'h1', t0);
    expect(claimed.acknowledgement).toMatchObject({
      state: 'claimed',
      attempts: 1,
      claimedAt: t0.toISOString(),
      tokenHashes: ['h1'],
    });
    expect(claimed.version).toBe(c.version + 1);
    expect(customerTokenHashes(claimed)).toEqual([...c.accessTokenHashes, 'h1']);
  });

  it('a fresh claim is not claimable again; a stale one (its worker died) is', () => {
    const claimed = claimAcknowledgement(classified(), 'h1', t0);
    expect(acknowledgementClaimable(claimed, at(ACK_CLAIM_STALE_MS - 1))).toBe(false);
    expect(() => claimAcknowledgement(claimed, 'h2', at(1000))).toThrow(InvalidTransitionError);
    const again = claimAcknowledgement(claimed, 'h2', at(ACK_CLAIM_STALE_MS));
    expect(again.acknowledgement).toMatchObject({ state: 'claimed', attempts: 2, tokenHashes: ['h1', 'h2'] });
  });

  it('sent, withheld and undeliverable are final: nothing claims them', () => {
    const claimed = claimAcknowledgement(classified(), 'h1', t0);
    const sent = markAcknowledged(claimed, false, at(10));
    expect(sent.acknowledgement).toMatchObject({
      state: 'sent',
      sentAt: at(10).toISOString(),
      quoted: false,
    });
    const withheld = settleAcknowledgement(claimed, 'withheld', at(10), 'rate limit');
    const undeliverable = settleAcknowledgement(claimed, 'undeliverable', at(10), 'MessageRejected');
    for (const c of [sent, withheld, undeliverable]) {
      expect(acknowledgementClaimable(c, at(ACK_CLAIM_STALE_MS * 10))).toBe(false);
      expect(nextDueAt(c)).toBeUndefined();
    }
    expect(() => markAcknowledged(sent, true, at(20))).toThrow(InvalidTransitionError);
  });

  it('a released claim (a failure worth retrying) is pending again, with the attempt counted', () => {
    const claimed = claimAcknowledgement(classified(), 'h1', t0);
    const released = releaseAcknowledgement(claimed, 'TooManyRequestsException', at(5));
    expect(released.acknowledgement).toMatchObject({
      state: 'pending',
      attempts: 1,
      reason: 'TooManyRequestsException',
    });
    expect(acknowledgementClaimable(released, at(6))).toBe(true);
  });

  it(`gives up as undeliverable after ${MAX_ACK_ATTEMPTS} attempts, so token hashes stay bounded`, () => {
    let c = classified();
    for (let attempt = 1; attempt <= MAX_ACK_ATTEMPTS; attempt++) {
      c = releaseAcknowledgement(
        claimAcknowledgement(c, `h${attempt}`, at(attempt)),
        'throttled',
        at(attempt),
      );
    }
    const last = claimAcknowledgement(c, 'one-too-many', at(100));
    expect(last.acknowledgement).toMatchObject({ state: 'undeliverable', attempts: MAX_ACK_ATTEMPTS });
    expect(last.acknowledgement?.reason).toMatch(/gave up after/);
    expect(last.acknowledgement?.tokenHashes).toHaveLength(MAX_ACK_ATTEMPTS);
  });

  it('is due for the sweep while pending (after the repair delay) or claimed (once stale)', () => {
    const pending = classified();
    expect(nextDueAt(pending)).toBe(at(ACK_REPAIR_AFTER_MS).toISOString());
    const claimed = claimAcknowledgement(pending, 'h1', at(1000));
    expect(nextDueAt(claimed)).toBe(at(1000 + ACK_CLAIM_STALE_MS).toISOString());
    // A new case has no acknowledgement yet: the unclassified index covers it.
    expect(nextDueAt(openCase({ ...draftInput(), now: t0 }))).toBeUndefined();
  });
});

function draftInput() {
  const c = draftCase({ at: t0 });
  return {
    id: c.id,
    reference: c.reference,
    accessTokenHash: 'hash',
    intake: { customer: c.customer, problem: c.problem, channel: c.channel, attachments: [] },
    language: c.language,
    missingFacts: [],
  };
}
