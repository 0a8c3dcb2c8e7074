// What serves the API itself and the public pages: health, the OpenAPI document, the
// knowledge base while a customer types, the case page, and the JSON 404 for everything else.
import { type FunctionSpec, PUBLIC } from './model.ts';

export const PLATFORM_FUNCTIONS = {
  health: {
    entry: 'functions/health/handler.ts',
    description: 'Reports whether tierdesk and its table answer',
    trigger: {
      kind: 'http',
      routes: [{ method: 'GET', path: '/health', operationId: 'getHealth', access: PUBLIC }],
    },
    uses: { table: 'read' },
  },
  openapi: {
    entry: 'functions/openapi/handler.ts',
    description: 'Serves the OpenAPI 3.1 document generated from the request schemas',
    trigger: {
      kind: 'http',
      routes: [{ method: 'GET', path: '/openapi.json', operationId: 'getOpenApiDocument', access: PUBLIC }],
    },
    uses: {},
  },
  triage: {
    entry: 'functions/triage/handler.ts',
    description:
      'Classifies a draft while the customer types, searches the knowledge base, serves its articles',
    trigger: {
      kind: 'http',
      routes: [
        {
          method: 'POST',
          path: '/triage',
          operationId: 'triageDraft',
          access: PUBLIC,
          throttle: { rate: 50, burst: 100 },
        },
        {
          method: 'GET',
          path: '/kb/search',
          operationId: 'searchKnowledgeBase',
          access: PUBLIC,
          throttle: { rate: 50, burst: 100 },
        },
        { method: 'GET', path: '/kb/articles/{id}', operationId: 'getArticle', access: PUBLIC },
      ],
    },
    uses: {},
  },
  customerPortal: {
    entry: 'functions/customer-portal/handler.ts',
    description:
      "The customer's case page: a static page whose script reads the case with the token from the link",
    // Public: the page holds no case data; its script calls the guarded routes with the token.
    trigger: {
      kind: 'http',
      routes: [{ method: 'GET', path: '/portal/cases/{id}', operationId: 'getCasePage', access: PUBLIC }],
    },
    uses: {},
  },
  unmatchedRoute: {
    entry: 'functions/unmatched-route/handler.ts',
    description: 'Answers a request that no route matches with a JSON 404 or 405, like every other error',
    trigger: {
      kind: 'http',
      routes: [{ method: 'ANY', path: '$default', operationId: 'unmatchedRoute', access: PUBLIC }],
    },
    uses: {},
  },
} as const satisfies Record<string, FunctionSpec>;
