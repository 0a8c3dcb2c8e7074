// GET /portal/cases/{id}?lang= — the customer's case page, the link in every acknowledgement.
// Public: the page holds no case data; its script calls the guarded API with the token from
// the link's fragment, which never reaches a server.

import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { PortalQuery } from '../../shared/http/api-schemas.ts';
import { httpFunction } from '../../shared/http/http-function.ts';
import { CASE_PAGE_CSP, casePage } from '../../shared/portal/case-page.ts';

export const handler = httpFunction(
  FUNCTIONS.customerPortal,
  {
    'GET /portal/cases/{id}': async (request) => {
      // The id is not checked here: the page is the same for every case, and its script shows
      // a malformed or unknown id as "not found", in the customer's language, not as JSON.
      const { lang } = PortalQuery.parse(request.query);
      return {
        statusCode: 200,
        html: casePage(lang),
        // The same page for every case: a browser may keep it, it holds nothing private.
        headers: { 'content-language': lang, 'cache-control': 'public, max-age=300' },
      };
    },
  },
  undefined,
  { contentSecurityPolicy: CASE_PAGE_CSP },
);
