// Request and response schemas of the ladder's routes (agents working a case, the customer's
// answers, callbacks, history, queues), each with an example request for the OpenAPI
// document. api-schemas.ts merges them into ROUTE_SCHEMAS.
import { z } from 'zod';
import { EVENT_TYPES } from '../domain/case-history.ts';
import { CALLBACK_OUTCOMES } from '../domain/case-lifecycle.ts';
import { ACTIVE_STATUSES, CASE_STATUSES } from '../domain/support-case.ts';
import { CATEGORIES, LANGUAGES, PRIORITIES, QUEUED_LEVELS } from '../domain/support-model.ts';
import { ErrorBodySchema } from './api-error.ts';
import { CaseId } from './ids.ts';

export const LadderCasePath = z.object({ id: CaseId });

const text = (max: number, what: string) => z.string().trim().min(1).max(max).describe(what);
const reason = text(1000, 'Why; kept in the history');
const QueuedLevelSchema = z.union(QUEUED_LEVELS.map((l) => z.literal(l)));

export const TakeBody = z
  .object({
    assignee: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("Whom to assign it to (a lead's choice); without it the caller takes the case"),
  })
  .strict();
export const NoteBody = z.object({ text: text(10_000, 'The internal note: agents only') }).strict();
export const ReplyBody = z
  .object({
    text: text(20_000, 'The answer, mailed to the customer in their language'),
    waitForCustomer: z
      .boolean()
      .default(false)
      .describe(
        'The reply asks the customer something: the case waits on them (the resolution clock pauses)',
      ),
  })
  .strict();
export const EscalateBody = z
  .object({
    level: QueuedLevelSchema.describe('The level the work moves to (up or down)'),
    reason,
    vendorId: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional()
      .describe("Level 4: the catalogue's vendor, when the classification named none"),
  })
  .strict();
export const ResolveBody = z
  .object({ resolution: text(20_000, 'What solved it; mailed to the customer') })
  .strict();
export const ReasonBody = z.object({ reason }).strict();
export const DefectBody = z
  .object({
    reference: text(200, "The defect's or change's id in the engineering tracker"),
    url: z.url().max(2000).optional(),
  })
  .strict();
export const InformationBody = z
  .object({ text: text(20_000, 'What the customer adds: missing facts, what they tried, news') })
  .strict();
export const ResolutionAnswerBody = z
  .object({
    accepted: z.boolean().describe('true: solved, the case closes; false: not solved, it is reopened'),
    comment: z.string().trim().max(4000).optional(),
  })
  .strict();
export const ConsentBody = z
  .object({
    given: z.boolean().describe('true: the vendor may have the case; false: keep it in house (level 3)'),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();
export const BookCallbackBody = z
  .object({ start: z.iso.datetime({ offset: true }).describe('The start of one of the offered windows') })
  .strict();
export const CallbackOutcomeBody = z
  .object({
    outcome: z.enum(CALLBACK_OUTCOMES),
    note: z.string().trim().max(10_000).optional().describe('What was done on the call (internal)'),
    resolution: z.string().trim().min(1).max(20_000).optional().describe('outcome solved: what solved it'),
  })
  .strict()
  .refine((b) => b.outcome !== 'solved' || b.resolution, {
    message: 'a solved callback names its resolution',
    path: ['resolution'],
  });

export const QueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(ACTIVE_STATUSES).optional().describe('Only cases of this status'),
  cursor: z.string().max(2000).optional().describe("The previous page's cursor"),
});
export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(2000).optional(),
});

const CaseView = z.object({ id: CaseId, reference: z.string(), status: z.enum(CASE_STATUSES) }).loose();
export const CaseSummarySchema = z.object({
  id: CaseId,
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  level: z.number(),
  priority: z.enum(PRIORITIES),
  category: z.enum(CATEGORIES),
  subject: z.string(),
  customer: z.object({ name: z.string(), organisation: z.string().optional() }),
  language: z.enum(LANGUAGES),
  assignee: z.string().optional(),
  missingFacts: z.number().describe('How many facts are still missing'),
  callback: z.object({ start: z.string(), end: z.string(), state: z.string() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const EventSchema = z
  .object({
    id: z.string(),
    type: z.enum(EVENT_TYPES),
    at: z.string(),
    visibility: z.enum(['public', 'internal']),
    data: z.record(z.string(), z.unknown()),
  })
  .loose();

type Schemas = {
  summary: string;
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  bodyOptional?: boolean;
  responses: Record<number, z.ZodType>;
  example?: { body?: unknown; query?: Record<string, string> };
};

const action = (
  summary: string,
  body: z.ZodType,
  example: unknown,
  extra: Partial<Schemas> = {},
): Schemas => ({
  summary: `${summary} Repeating a request that already took effect answers the case as it is; an Idempotency-Key header makes any retry safe.`,
  path: LadderCasePath,
  body,
  responses: { 200: CaseView, 409: ErrorBodySchema, 422: ErrorBodySchema },
  example: { body: example },
  ...extra,
});

export const LADDER_ROUTE_SCHEMAS: Record<string, Schemas> = {
  'POST /cases/{id}/assignment': action(
    'An agent takes the case (in progress from then on), or a lead assigns it.',
    TakeBody,
    { assignee: 'agent-7' },
  ),
  'POST /cases/{id}/notes': action(
    'An internal note (agents only, never the customer or a vendor).',
    NoteBody,
    {
      text: 'Customer is on VPN; reproduced with their account.',
    },
  ),
  'POST /cases/{id}/replies': action(
    'A public reply, mailed to the customer in their language, threaded under their mail.',
    ReplyBody,
    { text: 'Could you send us the exact error message?', waitForCustomer: true },
  ),
  'POST /cases/{id}/escalations': action(
    "Functional escalation up or down: the target level's worker does its hand-off (callback team, experts' dossier, the customer's consent before a vendor).",
    EscalateBody,
    { level: 3, reason: 'Reproducible crash on save; needs the developers.' },
  ),
  'POST /cases/{id}/resolution': action(
    'Resolve: the resolution is mailed; without an objection the case closes by itself after the objection window.',
    ResolveBody,
    { resolution: 'Reinstalled the printer driver 3.2; printing works again.' },
  ),
  'POST /cases/{id}/closure': action('Close a resolved case.', ReasonBody, {
    reason: 'Customer confirmed on the phone.',
  }),
  'POST /cases/{id}/reopening': action('Reopen a resolved, closed or cancelled case.', ReasonBody, {
    reason: 'The error is back since this morning.',
  }),
  'PUT /cases/{id}/defect': action('Level 3 links the defect or change that tracks the fault.', DefectBody, {
    reference: 'BUG-4711',
    url: 'https://tracker.example.com/BUG-4711',
  }),
  'POST /cases/{id}/information': action(
    'The customer adds information; the facts it gives leave missingFacts. The same text twice is kept once.',
    InformationBody,
    { text: 'The error says "0x80070005 access denied"; it started on Monday.' },
  ),
  'POST /cases/{id}/resolution-answer': action(
    'The customer confirms the resolution (closed) or objects (reopened).',
    ResolutionAnswerBody,
    { accepted: false, comment: 'Still fails on the second laptop.' },
  ),
  'POST /cases/{id}/vendor-consent': action(
    "Level 4: the customer's consent for the vendor hand-off (an agent records consent given by telephone). Given: the vendor gets the dossier; refused: the experts keep it.",
    ConsentBody,
    { given: true },
  ),
  'POST /cases/{id}/cancellation': action(
    'The customer withdraws the case, or an agent cancels it.',
    ReasonBody,
    {
      reason: 'Solved it myself.',
    },
  ),
  'PUT /cases/{id}/callback': action(
    'Book or move the level 2 callback into one of the offered windows; the customer gets the confirmation with an iCalendar invite.',
    BookCallbackBody,
    { start: '2026-12-01T09:00:00.000Z' },
  ),
  'POST /cases/{id}/callback-outcome': action(
    "The technician's outcome: reached, not reached (new windows are offered), solved (resolved).",
    CallbackOutcomeBody,
    { outcome: 'not-reached', note: 'Voicemail twice.' },
  ),
  'GET /cases/{id}/callback-slots': {
    summary:
      "The free windows of level 2's calendar for this case, labelled in the customer's language and time zone",
    path: LadderCasePath,
    responses: {
      200: z.object({ slots: z.array(z.object({ start: z.string(), end: z.string(), label: z.string() })) }),
      409: ErrorBodySchema,
    },
    example: {},
  },
  'GET /cases/{id}/history': {
    summary: "The case's history, oldest first: agents read every event, the customer the public ones",
    path: LadderCasePath,
    query: HistoryQuery,
    responses: { 200: z.object({ events: z.array(EventSchema), cursor: z.string().optional() }) },
    example: { query: { limit: '50' } },
  },
};

export const QUEUE_RESPONSE = z.object({
  level: z.number(),
  cases: z.array(CaseSummarySchema),
  cursor: z.string().optional(),
});
