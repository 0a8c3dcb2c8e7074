// POST /triage and GET /kb/search — what a web form calls while the customer types — and
// GET /kb/articles/{id}, an article to read. Pure computation: it creates nothing and touches
// no table.

import { FUNCTIONS } from '../../shared/declaration/index.ts';
import {
  defaultClassifier,
  defaultKnowledgeBase,
} from '../../shared/domain/classification/default-classifier.ts';
import {
  ArticlePath,
  ArticleQuery,
  KbSearchQuery,
  KbSearchResultSchema,
  TriageBody,
  TriageSchema,
} from '../../shared/http/api-schemas.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { defaultArticleLibrary } from '../../shared/knowledge-base/article-library.ts';

const classifier = defaultClassifier();
const knowledgeBase = defaultKnowledgeBase();
/** Articles change with a deployment only; browsers and the case page may keep them a while. */
const ARTICLE_CACHE = 'public, max-age=300';

export const handler = httpFunction(FUNCTIONS.triage, {
  'POST /triage': async (request) => {
    const { language, ...draft } = parseBody(request, TriageBody);
    const verdict = classifier.classify({
      ...draft,
      language: { form: language, acceptLanguage: request.headers['accept-language'] },
    });
    return { statusCode: 200, body: TriageSchema.parse(verdict) };
  },
  'GET /kb/search': async (request) => {
    const { q, lang, limit } = KbSearchQuery.parse(request.query);
    // Through the documented schema, so the answer holds exactly what the OpenAPI says.
    const body = KbSearchResultSchema.parse({
      query: q,
      lang,
      results: knowledgeBase.search(q, lang, { limit }),
    });
    return { statusCode: 200, body };
  },
  'GET /kb/articles/{id}': async (request) => {
    const { id } = ArticlePath.parse(request.pathParameters);
    const { lang } = ArticleQuery.parse(request.query);
    // The library (every article's text) is loaded on the first article read, not at cold start.
    const article = defaultArticleLibrary().get(id, lang);
    return { statusCode: 200, body: article, headers: { 'cache-control': ARTICLE_CACHE } };
  },
});
