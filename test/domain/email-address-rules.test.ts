// Which addresses may ever be a recipient: one rule, asked by the web form's schema and by
// email intake (unusableAddressReason). Pure: no I/O.
import { describe, expect, it } from 'vitest';
import { CustomerSchema, unusableAddressReason } from '../../shared/domain/intake-record.ts';

const refused: [string, string, RegExp][] = [
  ['a NUL character', 'ad\u0000a@example.com', /control character \(U\+0000\)/],
  ['a bell character', 'ad\u0007a@example.com', /control character \(U\+0007\)/],
  ['a C1 control character', 'ad\u0085a@example.com', /control character \(U\+0085\)/],
  ['an angle bracket', 'ada@example.com>', /angle bracket/],
  ['an address in angle brackets', '<ada@example.com>', /angle bracket/],
  ['a right-to-left override', 'ada\u202E@example.com', /bidirectional text control \(U\+202E\)/],
  ['a right-to-left mark in the domain', 'ada@exam\u200Fple.com', /bidirectional text control \(U\+200F\)/],
  ['a left-to-right isolate', 'ada\u2066@example.com', /bidirectional text control \(U\+2066\)/],
  ['an Arabic letter mark', 'ada\u061C@example.com', /bidirectional text control \(U\+061C\)/],
  ['an IPv4 literal', 'ada@[192.0.2.1]', /IP literal/],
  ['an IPv6 literal', 'ada@[IPv6:2001:db8::1]', /IP literal/],
  ['a bare dotted quad', 'ada@192.0.2.1', /IP address/],
  ['two dots in a row in the domain', 'ada@example..com', /empty label/],
  ['a leading dot in the domain', 'ada@.example.com', /empty label/],
  ['a trailing dot in the domain', 'ada@example.com.', /empty label/],
  ['a lone high surrogate', 'ada\uD800@example.com', /lone UTF-16 surrogate \(U\+D800\)/],
  ['a lone low surrogate in the domain', 'ada@exa\uDC00mple.com', /lone UTF-16 surrogate \(U\+DC00\)/],
];

const accepted = [
  'ada@example.com',
  'jürgen@müller.de',
  'ада@пример.рф',
  'o.neil+support@example.co.uk',
  'ops@1.example.com',
  'emoji@😀.example',
];

describe('addresses that must never be a recipient', () => {
  it.each(refused)('refuses an address with %s', (_kind, address, reason) => {
    // Act
    const problem = unusableAddressReason(address);
    const parsed = CustomerSchema.safeParse({ name: 'Ada', email: address });

    // Assess: the rule names the problem, and the web form's schema refuses it on the field.
    expect(problem).toMatch(reason);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('email');
  });

  it.each(accepted)('accepts %s', (address) => {
    // Act
    const problem = unusableAddressReason(address);
    const parsed = CustomerSchema.safeParse({ name: 'Ada', email: address });

    // Assess
    expect(problem).toBeUndefined();
    expect(parsed.success).toBe(true);
  });

  it('keeps an international domain in its punycode form', () => {
    // Act
    const parsed = CustomerSchema.parse({ name: 'Ада', email: 'ада@пример.рф' });

    // Assess
    expect(parsed.email).toBe('ада@xn--e1afmkfd.xn--p1ai');
  });
});
