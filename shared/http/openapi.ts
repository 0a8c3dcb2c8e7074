// The OpenAPI 3.1 document, generated from the declaration (routes and access rules) and
// the zod schemas that validate requests. OpenAPI 3.1 speaks JSON Schema 2020-12, which is
// what zod emits, so the schemas go in unchanged.
import { z } from 'zod';
import { allRoutes } from '../declaration/index.ts';
import { ErrorBodySchema } from './api-error.ts';
import { ROUTE_SCHEMAS } from './api-schemas.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

export function buildOpenApiDocument(serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  // The catch-all answers what no route matches; it is not part of the API.
  for (const route of allRoutes().filter((r) => r.path !== '$default')) {
    const key = `${route.method} ${route.path}`;
    const schemas = ROUTE_SCHEMAS[key];
    if (!schemas) throw new Error(`No schemas for ${key} in shared/http/api-schemas.ts`);
    const parameters = [
      ...Object.entries(schemas.path?.shape ?? {}).map(([name, s]) => ({
        name,
        in: 'path',
        required: true,
        schema: jsonSchema(s as z.ZodType, 'input'),
      })),
      ...Object.entries(schemas.query?.shape ?? {}).map(([name, s]) => ({
        name,
        in: 'query',
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(s as z.ZodType, 'input'),
        ...(schemas.example?.query?.[name] !== undefined ? { example: schemas.example.query[name] } : {}),
      })),
      ...(key === 'POST /cases' ||
      key === 'POST /phone-cases' ||
      (schemas.body && route.access.kind !== 'public')
        ? [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 255 },
            },
          ]
        : []),
    ];
    const security =
      route.access.kind === 'public'
        ? []
        : route.access.kind === 'customer'
          ? [{ caseToken: [] }]
          : route.access.kind === 'agent'
            ? [{ agentJwt: [] }]
            : [{ caseToken: [] }, { agentJwt: [] }];
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: schemas.summary,
      'x-tierdesk-access': route.access,
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(schemas.body
        ? {
            requestBody: {
              required: !schemas.bodyOptional,
              content: {
                'application/json': {
                  schema: jsonSchema(schemas.body, 'input'),
                  ...(schemas.example?.body !== undefined ? { example: schemas.example.body } : {}),
                },
              },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries({ ...impliedErrors(route, schemas), ...schemas.responses }).map(([status, s]) => [
          status,
          {
            description: status.startsWith('2') ? 'OK' : 'Error',
            content: {
              [status.startsWith('2') && schemas.produces ? schemas.produces : 'application/json']: {
                schema: jsonSchema(s, 'output'),
              },
            },
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'tierdesk',
      version: '0.1.0',
      description: 'Tiered IT support desk: intake, classification, escalation.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: {
        caseToken: {
          type: 'http',
          scheme: 'bearer',
          description: "The case's access token (tdc_…), given at intake and in the acknowledgement",
        },
        agentJwt: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito (AWS) or the local development issuer',
        },
      },
    },
    paths,
  };
}

/**
 * The errors a route's shape implies, so the document cannot forget them: anything with
 * parameters or a body can be a 400, a body also a 413 or 415, a guarded route a 401 or 403,
 * a case's route a 404, and every route can be throttled (429, in API Gateway's own
 * `{ message }` shape).
 */
function impliedErrors(
  route: { path: string; access: { kind: string } },
  schemas: (typeof ROUTE_SCHEMAS)[string],
): Record<number, z.ZodType> {
  const errors: Record<number, z.ZodType> = { 429: z.object({ message: z.string() }) };
  if (schemas.path || schemas.query || schemas.body) errors[400] = ErrorBodySchema;
  if (schemas.body) Object.assign(errors, { 413: ErrorBodySchema, 415: ErrorBodySchema });
  if (route.access.kind !== 'public') Object.assign(errors, { 401: ErrorBodySchema, 403: ErrorBodySchema });
  if (route.path.startsWith('/cases/{id}')) errors[404] = ErrorBodySchema;
  return errors;
}
