// GET /openapi.json — generated from the declaration and the request schemas.
import { httpFunction } from '../../shared/http/http-function.ts';
import { buildOpenApiDocument } from '../../shared/http/openapi.ts';
import { FUNCTIONS } from '../system.ts';

const document = buildOpenApiDocument();

export const handler = httpFunction(FUNCTIONS.openapi, {
  'GET /openapi.json': async (request) => {
    const host = request.headers.host;
    const proto = request.headers['x-forwarded-proto'] ?? 'https';
    return {
      statusCode: 200,
      body: host ? { ...document, servers: [{ url: `${proto}://${host}` }] } : document,
    };
  },
});
