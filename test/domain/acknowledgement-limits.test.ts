// Whose budget an acknowledgement spends (pure): one mailbox however it is written, a
// signed-in caller by who they are, an IPv6 client by its /64.
import { describe, expect, it } from 'vitest';
import { rateLimitedAddress, sourceOf } from '../../shared/use-cases/acknowledge-case.ts';
import { draftCase } from '../support/cases.ts';

const from = (source: Parameters<typeof sourceOf>[0]['source']) =>
  sourceOf({ ...draftCase(), ...(source ? { source } : {}) });

describe('acknowledgement budgets', () => {
  it('counts plus-tagged addresses as the one mailbox they reach', () => {
    expect(rateLimitedAddress('Victim+1@Example.com')).toBe('victim@example.com');
    expect(rateLimitedAddress('victim+spam+2@example.com')).toBe('victim@example.com');
    expect(rateLimitedAddress('victim@example.com')).toBe('victim@example.com');
  });

  it('counts a signed-in caller by who they are, not by the office’s one IP', () => {
    expect(from({ ip: '203.0.113.7', signedInAs: 'u-1' })).toBe('user:u-1');
    expect(from({ ip: '203.0.113.7', signedInAs: 'u-2' })).toBe('user:u-2');
  });

  it('counts IPv4 by address (IPv4-mapped too) and IPv6 by its /64', () => {
    expect(from({ ip: '203.0.113.7' })).toBe('ip:203.0.113.7');
    expect(from({ ip: '::ffff:203.0.113.7' })).toBe('ip:203.0.113.7');
    expect(from({ ip: '2001:db8:1:2:aaaa::1' })).toBe(from({ ip: '2001:0db8:0001:0002:ffff:1:2:3' }));
    expect(from({ ip: '2001:db8:1:2::1' })).not.toBe(from({ ip: '2001:db8:1:3::1' }));
  });

  it('has no source for a case that came by mail', () => {
    expect(from(undefined)).toBeUndefined();
    expect(from({ vouchedBy: 'dmarc' })).toBeUndefined();
  });
});
