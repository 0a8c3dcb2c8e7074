// $default — API Gateway's catch-all. HTTP APIs cannot restyle the gateway's own "Not Found",
// so a request that no route matches comes here and gets the same JSON error as everything
// else: 405 with `Allow` when the path exists under other methods, 404 when it does not.

import { allRoutes, FUNCTIONS, routePathPattern } from '../../shared/declaration/index.ts';
import { httpFunction } from '../../shared/http/http-function.ts';

const declared = allRoutes()
  .filter((route) => route.path !== '$default')
  .map((route) => ({ method: route.method, pattern: routePathPattern(route.path).pattern }));

export const handler = httpFunction(FUNCTIONS.unmatchedRoute, {
  $default: async (request) => {
    const { method, path } = request.event.requestContext.http;
    const allowed = [...new Set(declared.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length > 0) {
      return {
        statusCode: 405,
        headers: { allow: allowed.join(', ') },
        body: { error: { code: 'method_not_allowed', message: `${method} is not allowed on ${path}` } },
      };
    }
    return {
      statusCode: 404,
      body: { error: { code: 'route_not_found', message: `No route ${method} ${path}` } },
    };
  },
});
