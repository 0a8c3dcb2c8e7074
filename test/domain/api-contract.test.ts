// The contract clients use: every operation has a meaningful, unique operationId (the issue's
// names among them) and an example request that the route's own schemas accept, so the
// document's examples cannot rot when a schema changes.
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../shared/declaration/index.ts';
import { ROUTE_SCHEMAS } from '../../shared/http/api-schemas.ts';
import { buildOpenApiDocument } from '../../shared/http/openapi.ts';

const routes = allRoutes().filter((r) => r.path !== '$default');
const document = buildOpenApiDocument();
type Operation = {
  operationId: string;
  parameters?: Array<{ name: string; in: string; example?: unknown }>;
  requestBody?: { content: Record<string, { example?: unknown }> };
};
const operation = (method: string, path: string) =>
  (document.paths[path] as Record<string, Operation>)[method.toLowerCase()] as Operation;

describe('the API contract', () => {
  it('names every operation once, with the names clients look for', () => {
    const ids = routes.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]+$/);
    expect(ids).toEqual(
      expect.arrayContaining([
        'openPhoneCase',
        'listQueue',
        'takeCase',
        'addNote',
        'replyToCustomer',
        'escalateCase',
        'resolveCase',
        'closeCase',
        'reopenCase',
        'addInformation',
        'confirmResolution',
        'listCallbackSlots',
        'bookCallback',
        'recordCallbackOutcome',
        'answerVendorConsent',
        'getCaseHistory',
      ]),
    );
    for (const route of routes)
      expect(operation(route.method, route.path).operationId).toBe(route.operationId);
  });

  it('gives every operation with a body or query an example that its own schemas accept', () => {
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const schemas = ROUTE_SCHEMAS[name];
      expect(schemas, name).toBeDefined();
      if (!schemas) continue;
      if (schemas.body) {
        expect(schemas.example?.body, `${name}: example body`).toBeDefined();
        const parsed = schemas.body.safeParse(schemas.example?.body);
        expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
        expect(operation(route.method, route.path).requestBody?.content['application/json']?.example).toEqual(
          schemas.example?.body,
        );
      }
      if (schemas.query && schemas.example?.query) {
        const parsed = schemas.query.safeParse(schemas.example.query);
        expect(parsed.success, `${name}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it('lets an agent action be retried safely: its operations document the Idempotency-Key header', () => {
    for (const route of routes.filter(
      (r) => r.access.kind !== 'public' && ROUTE_SCHEMAS[`${r.method} ${r.path}`]?.body,
    )) {
      const headers = (operation(route.method, route.path).parameters ?? []).filter((p) => p.in === 'header');
      expect(
        headers.map((h) => h.name),
        `${route.method} ${route.path}`,
      ).toContain('Idempotency-Key');
    }
  });
});
