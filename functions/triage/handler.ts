// POST /triage and GET /kb/search — what a web form calls while the customer types.
// Pure computation: it creates nothing and touches no table.
import {
  defaultClassifier,
  defaultKnowledgeBase,
} from '../../shared/domain/classification/default-classifier.ts';
import { KbSearchQuery, TriageBody, TriageSchema } from '../../shared/http/api-schemas.ts';
import { httpFunction, parseBody } from '../../shared/http/http-function.ts';
import { FUNCTIONS } from '../system.ts';

const classifier = defaultClassifier();
const knowledgeBase = defaultKnowledgeBase();

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
    return { statusCode: 200, body: { query: q, lang, results: knowledgeBase.search(q, lang, { limit }) } };
  },
});
