// POST /cases through the local API: an address that must never be a recipient, and text that
// is not text (a lone UTF-16 surrogate), are a 400 in our JSON error shape — and open no case.
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { normalizeEmail } from '../../shared/domain/intake-record.ts';
import { ErrorBodySchema } from '../../shared/http/api-error.ts';
import { call, newCaseBody } from '../support/http.ts';

const casesOf = (email: string) =>
  new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string).listByCustomer(
    normalizeEmail(email),
    10,
  );
const unique = () => Math.random().toString(36).slice(2);

describe('POST /cases refuses what must never be a recipient', () => {
  it.each([
    ['a NUL character', (u: string) => `eve${u}\u0000@example.com`, /control character/],
    ['a control character', (u: string) => `eve${u}\u001b@example.com`, /control character/],
    ['angle brackets', (u: string) => `<eve${u}@example.com>`, /angle bracket/],
    ['a right-to-left override', (u: string) => `eve${u}\u202E@example.com`, /bidirectional/],
    ['a left-to-right mark', (u: string) => `eve${u}@exa\u200Emple.com`, /bidirectional/],
    ['a first-strong isolate', (u: string) => `eve${u}\u2068@example.com`, /bidirectional/],
    ['an Arabic letter mark', (u: string) => `eve${u}\u061C@example.com`, /bidirectional/],
    ['an IPv4 literal', (u: string) => `eve${u}@[192.0.2.1]`, /IP literal/],
    ['an IPv6 literal', (u: string) => `eve${u}@[IPv6:2001:db8::1]`, /IP literal/],
    ['a bare dotted quad', (u: string) => `eve${u}@192.0.2.1`, /IP address/],
    ['two dots in the domain', (u: string) => `eve${u}@example..com`, /empty label/],
    ['a leading dot in the domain', (u: string) => `eve${u}@.example.com`, /empty label/],
    ['a trailing dot', (u: string) => `eve${u}@example.com.`, /empty label/],
    ['a lone surrogate', (u: string) => `eve${u}\uD800@example.com`, /surrogate/],
  ])('answers 400 for an address with %s', async (_kind, address, reason) => {
    // Prepare
    const email = address(unique());

    // Act
    const answer = await call('POST', '/cases', { body: newCaseBody({ email }) });

    // Assess
    expect(answer.status).toBe(400);
    expect(ErrorBodySchema.safeParse(answer.json).success).toBe(true);
    expect(answer.json.error.field).toMatch(/^customer\.email$|^\(body\)$/);
    // The first problem is the message; every problem is in the details.
    expect(JSON.stringify(answer.json.error)).toMatch(reason);
    expect(await casesOf(email)).toEqual([]);
  });

  it('answers 400 malformed_text for a lone surrogate in the description, naming the field', async () => {
    // Prepare: the JSON text itself holds the escape, as a broken client would send it.
    const email = `ada.${unique()}@example.com`;
    const body = JSON.stringify(newCaseBody({ email, description: 'Outlook crashes: XSURROGATEX' })).replace(
      'XSURROGATEX',
      '\\ud800',
    );

    // Act
    const answer = await call('POST', '/cases', { rawBody: body });

    // Assess
    expect(answer.status).toBe(400);
    expect(ErrorBodySchema.safeParse(answer.json).success).toBe(true);
    expect(answer.json.error).toMatchObject({ code: 'malformed_text', field: 'problem.description' });
    expect(await casesOf(email)).toEqual([]);
  });

  it('still opens a case for an international address', async () => {
    // Act
    const answer = await call('POST', '/cases', {
      body: newCaseBody({ email: `ада.${unique()}@пример.рф` }),
    });

    // Assess
    expect(answer.status).toBe(201);
  });
});
