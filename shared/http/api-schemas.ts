// The request and response schemas of every route, keyed by route. Handlers validate with
// them and the OpenAPI document is generated from them, so the two cannot disagree.
import { z } from 'zod';
import { CustomerSchema, FACTS, IntakeSchema, ProblemSchema } from '../domain/intake-record.ts';
import { CASE_STATUSES } from '../domain/support-case.ts';
import {
  CATEGORIES,
  DEFAULT_LANGUAGE,
  GRADES,
  LANGUAGES,
  LEVELS,
  PRIORITIES,
} from '../domain/support-model.ts';
import { ErrorBodySchema } from './api-error.ts';
import { CaseId } from './ids.ts';
import { LADDER_ROUTE_SCHEMAS, QUEUE_RESPONSE, QueueQuery } from './ladder-schemas.ts';
import { REPORT_ROUTE_SCHEMAS } from './report-schemas.ts';

// Attachments are not taken from a client: a reference it names could point at another
// customer's stored mail. They arrive with email intake (and, later, through signed uploads).
export const CreateCaseBody = IntakeSchema.omit({ attachments: true })
  .extend({
    channel: z
      .enum(['web', 'api'])
      .default('web')
      .describe('Email arrives through email intake, not this route'),
  })
  .strict()
  .transform((body) => ({ ...body, attachments: [] }));

export const CaseCreatedSchema = z.object({
  id: CaseId,
  reference: z.string().describe('Short, human-readable; goes into every email subject'),
  accessToken: z.string().optional().describe("The customer's credential for this case; shown once"),
  status: z.enum(CASE_STATUSES),
  language: z.enum(LANGUAGES),
  missingFacts: z.array(z.enum(FACTS)),
});

export const TriageBody = z
  .object({
    subject: z.string().trim().max(200).default(''),
    description: z.string().trim().min(1).max(20_000),
    language: z.enum(LANGUAGES).optional().describe('The language of the form'),
    phone: CustomerSchema.shape.phone,
  })
  .extend(ProblemSchema.omit({ subject: true, description: true }).shape)
  .strict();

const ArticleRef = z.object({ id: z.string(), title: z.string(), summary: z.string(), score: z.number() });

export const TriageSchema = z.object({
  language: z.enum(LANGUAGES),
  category: z.enum(CATEGORIES),
  impact: z.enum(GRADES),
  urgency: z.enum(GRADES),
  priority: z.enum(PRIORITIES),
  level: z.union(LEVELS.map((l) => z.literal(l))),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  missingFacts: z.array(z.enum(FACTS)),
  articles: z.array(ArticleRef),
});

export const KbSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  lang: z.enum(LANGUAGES).default('en'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const KbSearchResultSchema = z.object({
  query: z.string(),
  lang: z.enum(LANGUAGES),
  results: z.array(
    z.object({
      id: z.string(),
      lang: z.enum(LANGUAGES),
      category: z.enum(CATEGORIES),
      title: z.string(),
      summary: z.string(),
      score: z.number(),
      /** How many distinct words of the query the article matched. */
      matchedTerms: z.number().int(),
    }),
  ),
});

export const ArticlePath = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, 'must be an article id (lower-case letters, digits and hyphens)'),
});
export const ArticleQuery = z.object({ lang: z.enum(LANGUAGES).default(DEFAULT_LANGUAGE) });

export const KbArticleSchema = z.object({
  id: z.string(),
  lang: z.enum(LANGUAGES),
  category: z.enum(CATEGORIES),
  title: z.string(),
  summary: z.string(),
  steps: z.array(z.string()).describe('What to do, in order'),
});

export const CasePath = z.object({ id: CaseId });

/** The case page is a link in an email: an unknown language shows the page in English. */
export const PortalQuery = z.object({
  lang: z.enum(LANGUAGES).default(DEFAULT_LANGUAGE).catch(DEFAULT_LANGUAGE),
});

export const AddressConfirmationBody = z
  .object({
    openedByMe: z
      .boolean()
      .describe('true: "Yes, I opened it" (the default without a body); false: "No, this was not me"'),
  })
  .strict();

export const EscalationBody = z
  .object({
    comment: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .describe('What the customer tried; joins the case as a follow-up'),
  })
  .strict();

export const CorrectionBody = z
  .object({
    category: z.enum(CATEGORIES).optional(),
    impact: z.enum(GRADES).optional(),
    urgency: z.enum(GRADES).optional(),
    level: z.union(LEVELS.map((l) => z.literal(l))).optional(),
    reason: z
      .string()
      .trim()
      .min(3)
      .max(1000)
      .describe('Why the agent corrects it; kept with the correction'),
  })
  .strict()
  .refine((b) => b.category ?? b.impact ?? b.urgency ?? b.level !== undefined, {
    message: 'name at least one of category, impact, urgency, level',
  });

export const DeflectionBody = z.object({ articleId: z.string().min(1).max(100) }).strict();

// Exactly one digit: `0x1`, `1e0` or ` 1` are not levels, though Number() would say so.
export const LevelPath = z.object({
  level: z
    .string()
    .regex(/^[1-4]$/, 'A level is one of 1, 2, 3, 4')
    .transform(Number),
});

export const CaseViewSchema = z
  .object({ id: CaseId, reference: z.string(), status: z.enum(CASE_STATUSES) })
  .loose();

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  components: z.record(
    z.string(),
    z.object({
      state: z.enum(['up', 'down']),
      address: z.string().optional(),
      detail: z.string().optional(),
    }),
  ),
});

export type RouteSchemas = {
  summary: string;
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body the route also accepts absent. */
  bodyOptional?: boolean;
  /** The media type of the 2xx answers; errors are always JSON. */
  produces?: 'text/html';
  responses: Record<number, z.ZodType>;
  /** An example request for the OpenAPI document (a test parses it with the route's schemas). */
  example?: { body?: unknown; query?: Record<string, string> };
};

/** An agent types a caller's problem in: the form's fields, the channel is the telephone. */
export const PhoneCaseBody = IntakeSchema.omit({ attachments: true, channel: true })
  .strict()
  .transform((body) => ({ ...body, channel: 'phone' as const, attachments: [] }));

const EXAMPLE_INTAKE = {
  customer: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000', language: 'en' },
  problem: {
    subject: 'Installer stops with access denied',
    description: 'Since the update the installer of Acme Office stops with "Access denied (0x80070005)".',
    product: 'Acme Office',
    version: '5.2',
  },
};

export const ROUTE_SCHEMAS: Record<string, RouteSchemas> = {
  'GET /health': {
    summary: 'Health of tierdesk and its components',
    responses: { 200: HealthSchema, 503: HealthSchema },
  },
  'GET /openapi.json': { summary: 'This document', responses: { 200: z.object({}).loose() } },
  'POST /cases': {
    summary: 'Open a case (web form or API). Honours the Idempotency-Key header.',
    body: CreateCaseBody,
    responses: { 201: CaseCreatedSchema, 400: ErrorBodySchema, 415: ErrorBodySchema, 422: ErrorBodySchema },
    example: { body: EXAMPLE_INTAKE },
  },
  'POST /phone-cases': {
    summary:
      'An agent opens a case for a caller on the telephone: the same intake, missing facts and acknowledgement as the form (channel phone). Honours the Idempotency-Key header.',
    body: PhoneCaseBody,
    responses: { 201: CaseCreatedSchema, 400: ErrorBodySchema, 415: ErrorBodySchema, 422: ErrorBodySchema },
    example: { body: EXAMPLE_INTAKE },
  },
  'GET /cases/{id}': {
    summary: 'A case, for its customer (case token) or an agent (JWT)',
    path: CasePath,
    responses: { 200: CaseViewSchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
  },
  'POST /cases/{id}/deflection': {
    summary: 'The customer confirms that a suggested article solved the problem',
    path: CasePath,
    body: DeflectionBody,
    example: { body: { articleId: 'reset-password' } },
    responses: {
      200: CaseViewSchema,
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      409: ErrorBodySchema,
    },
  },
  'POST /cases/{id}/escalation': {
    summary:
      'The customer of a self-help case still needs help: the ticket desk (level 1) takes over. Asking twice answers the same case.',
    path: CasePath,
    body: EscalationBody,
    bodyOptional: true,
    example: { body: { comment: 'The article did not help: the reset link never arrives.' } },
    responses: {
      200: CaseViewSchema,
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
      409: ErrorBodySchema,
    },
  },
  'POST /cases/{id}/address-confirmation': {
    summary:
      "The owner of the customer's mailbox answers whether they opened the case, with the token of the link we mailed there (intake's token does not prove the mailbox: 403). Yes verifies the address (later mail may quote); no disowns it (no mail for cases others open with it). Without a body: yes.",
    path: CasePath,
    body: AddressConfirmationBody,
    bodyOptional: true,
    example: { body: { openedByMe: true } },
    responses: {
      400: ErrorBodySchema,
      200: CaseViewSchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      404: ErrorBodySchema,
    },
  },
  'GET /portal/cases/{id}': {
    summary:
      "The customer's case page (HTML). It holds no case data: its script reads the token from the link's #token= fragment and calls GET /cases/{id}.",
    path: CasePath,
    query: PortalQuery,
    produces: 'text/html',
    example: { query: { lang: 'de' } },
    responses: { 200: z.string(), 400: ErrorBodySchema },
  },
  'PUT /cases/{id}/classification': {
    summary: "An agent corrects the case's classification; the correction is recorded",
    path: CasePath,
    body: CorrectionBody,
    example: { body: { level: 2, reason: 'Needs a technician on the phone' } },
    responses: {
      200: CaseViewSchema,
      400: ErrorBodySchema,
      401: ErrorBodySchema,
      403: ErrorBodySchema,
      409: ErrorBodySchema,
    },
  },
  'GET /queues/{level}': {
    summary:
      "A level's active cases as summaries, P1 first then oldest; filter by status, page with the cursor. The ticket desk (level 1) may list every level's queue: it owns every case.",
    path: LevelPath,
    query: QueueQuery,
    responses: { 200: QUEUE_RESPONSE, 401: ErrorBodySchema, 403: ErrorBodySchema },
    example: { query: { status: 'open', limit: '25' } },
  },
  'POST /triage': {
    summary: 'Classify a draft while the customer types; creates nothing',
    body: TriageBody,
    example: { body: { subject: 'Printer offline', description: 'The printer on floor 2 shows offline.' } },
    responses: { 200: TriageSchema, 400: ErrorBodySchema },
  },
  'GET /kb/search': {
    summary: 'Search the knowledge base (stemming, typo tolerance)',
    query: KbSearchQuery,
    example: { query: { q: 'reset password', lang: 'en' } },
    responses: { 200: KbSearchResultSchema, 400: ErrorBodySchema },
  },
  'GET /kb/articles/{id}': {
    summary: 'A knowledge-base article in full: title, summary and its steps',
    path: ArticlePath,
    query: ArticleQuery,
    example: { query: { lang: 'fr' } },
    responses: { 200: KbArticleSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
  },
  ...LADDER_ROUTE_SCHEMAS,
  ...REPORT_ROUTE_SCHEMAS,
};
