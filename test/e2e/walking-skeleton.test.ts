// End to end through the front doors: HTTP API → DynamoDB → classify queue → classify
// function → SES, as `npm start` runs it.
import { describe, expect, it } from 'vitest';
import { call, eventually, local, newCaseBody, sentEmailsTo } from '../support/http.ts';

describe('walking skeleton', () => {
  it('GET /health reports every local component with its address', async () => {
    const { status, json } = await call('GET', '/health');
    expect(status).toBe(200);
    expect(json.status).toBe('ok');
    for (const name of ['table', 'api', 'dynamodb', 'sqs', 'ses', 'smtp']) {
      expect(json.components[name], name).toMatchObject({ state: 'up' });
    }
    expect(json.components.smtp.address).toBe(`${local().smtp.host}:${local().smtp.port}`);
    expect(json.components.api.address).toBe(local().api);
  });

  it('GET /openapi.json is OpenAPI 3.1 with every declared route', async () => {
    const { status, json } = await call('GET', '/openapi.json');
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    // Every route but the `$default` catch-all, which answers what is not part of the API.
    for (const route of local().routes.filter((r) => r.path !== '$default')) {
      const operation = json.paths[route.path]?.[route.method.toLowerCase()];
      const name = `${route.method} ${route.path}`;
      expect(operation, name).toBeDefined();
      // The errors a route can give are documented: throttling always, refusals when guarded.
      expect(Object.keys(operation.responses), name).toContain('429');
      if (route.access.kind !== 'public')
        expect(Object.keys(operation.responses), name).toEqual(expect.arrayContaining(['401', '403']));
    }
    expect(Object.keys(json.paths['/cases/{id}/classification'].put.responses)).toEqual(
      expect.arrayContaining(['400', '404', '413', '415']),
    );
    // What GET /kb/search answers is exactly what its schema documents.
    const documented = json.paths['/kb/search'].get.responses['200'].content['application/json'].schema;
    const search = await call('GET', '/kb/search?q=password&lang=en');
    expect(Object.keys(search.json.results[0]).sort()).toEqual(
      Object.keys(documented.properties.results.items.properties).sort(),
    );
    expect(
      json.paths['/cases'].post.requestBody.content['application/json'].schema.properties.customer,
    ).toBeDefined();
  });

  it('POST /cases → classify queue → classified case, readable with the case token', async () => {
    const body = newCaseBody();
    const created = await call('POST', '/cases', { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      status: 'new',
      reference: expect.stringMatching(/^TD-[0-9A-Z]{7}$/),
    });
    expect(created.json.accessToken).toMatch(/^tdc_/);
    expect(created.headers.get('location')).toBe(`/cases/${created.json.id}`);

    const classified = await eventually(
      async () => {
        const read = await call('GET', `/cases/${created.json.id}`, { token: created.json.accessToken });
        expect(read.status).toBe(200);
        return read.json.classification ? read.json : undefined;
      },
      20_000,
      'classification',
    );
    expect(classified.classification).toMatchObject({
      level: expect.any(Number),
      priority: expect.stringMatching(/^P[1-5]$/),
    });
    expect(classified.status).toMatch(/^(open|self-help)$/);
    // The customer view shows no internals.
    expect(JSON.stringify(classified)).not.toContain('accessTokenHash');
  });

  it('a retried POST /cases with the same Idempotency-Key returns the same case, not a second one', async () => {
    const body = newCaseBody();
    const key = `retry-${Math.random()}`;
    const first = await call('POST', '/cases', { body, headers: { 'idempotency-key': key } });
    const again = await call('POST', '/cases', { body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual({ ...first.json, status: again.json.status });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await call('POST', '/cases', {
      body: { ...body, problem: { ...body.problem, subject: 'other' } },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(other.json.error).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
  });

  it('answers bad requests with precise JSON errors, never a stack', async () => {
    const malformed = await call('POST', '/cases', { rawBody: '{"customer": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('malformed_json');

    const wrongType = await call('POST', '/cases', {
      rawBody: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.status).toBe(415);

    const invalid = await call('POST', '/cases', {
      body: { ...newCaseBody(), customer: { name: 'X', email: 'not-an-email' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({ code: 'validation_failed', field: 'customer.email' });

    const unknownField = await call('POST', '/cases', { body: { ...newCaseBody(), admin: true } });
    expect(unknownField.status).toBe(400);
    // A client cannot name stored objects as its attachments (they could be someone else's).
    const attachments = await call('POST', '/cases', {
      body: {
        ...newCaseBody(),
        attachments: [{ name: 'x', contentType: 'text/plain', size: 1, key: 'inbound/abc' }],
      },
    });
    expect(attachments.status).toBe(400);

    // A web form on another origin: the preflight is answered as API Gateway's CORS does.
    const preflight = await call('OPTIONS', '/cases', {
      headers: { origin: 'https://forms.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const fromForm = await call('POST', '/cases', {
      body: newCaseBody(),
      headers: { origin: 'https://forms.example.com' },
    });
    expect(fromForm.status).toBe(201);
    expect(fromForm.headers.get('access-control-allow-origin')).toBe('*');

    // Answered by the declared `$default` route's function, as API Gateway would route it.
    const noRoute = await call('GET', '/nope');
    expect(noRoute.status).toBe(404);
    expect(noRoute.json.error.code).toBe('route_not_found');
    const wrongMethod = await call('DELETE', '/cases');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.error.code).toBe('method_not_allowed');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    const wrongMethodOnId = await call('POST', '/cases/01J0000000000000000000000');
    expect(wrongMethodOnId.status).toBe(405);

    const badId = await call('GET', '/cases/not-a-ulid', { token: 'tdc_whatever' });
    expect(badId.status).toBe(400);

    for (const answer of [malformed, wrongType, invalid, noRoute, wrongMethod, badId])
      expect(answer.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('acknowledges the customer by email with the reference and a link that opens the case', async () => {
    const body = newCaseBody({
      subject: 'VPN verbindet nicht',
      description: 'Seit heute Morgen kann ich mich nicht mehr mit dem VPN verbinden, Fehler 809.',
    });
    const created = await call('POST', '/cases', { body });
    const [email] = await eventually(
      async () => {
        const mails = await sentEmailsTo(body.customer.email);
        return mails.length ? mails : undefined;
      },
      20_000,
      'acknowledgement',
    );
    expect(email?.subject).toContain(`[${created.json.reference}]`);
    // A first mail to an address nobody confirmed: German, and nothing the caller wrote.
    expect(email?.body.text).toContain('Guten Tag');
    for (const written of [body.problem.subject, body.problem.description, body.customer.name])
      expect(email?.body.text).not.toContain(written);
    const token = /#token=(tdc_[\w-]+)/.exec(email?.body.text ?? '')?.[1];
    expect(token).toBeDefined();
    const read = await call('GET', `/cases/${created.json.id}`, { token });
    expect(read.status).toBe(200);
  });
});
