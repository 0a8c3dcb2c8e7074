// GET /openapi.json — generated from the declaration and the request schemas.

import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { buildOpenApiDocument } from '../../shared/http/openapi.ts';

const document = buildOpenApiDocument('/');

export const handler = httpFunction(FUNCTIONS.openapi, {
  // The document names no host: `servers: [{ url: '/' }]` means "where you fetched this", so a
  // forged Host header cannot put another server into it.
  'GET /openapi.json': async () => ({ statusCode: 200, body: document }),
});
