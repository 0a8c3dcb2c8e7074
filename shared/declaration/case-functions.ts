// Working a case through its lifecycle over HTTP: what its customer may do with the case
// token, what agents may do with their JWT (level-checked in the use cases: the ticket desk
// owns every case, other levels work theirs).
import { agent, CUSTOMER, CUSTOMER_OR_AGENT, type FunctionSpec } from './model.ts';

const LEVEL_QUEUES = ['level1', 'level2', 'level3', 'level4'] as const;

export const CASE_FUNCTIONS = {
  readCase: {
    entry: 'functions/read-case/handler.ts',
    description: 'A case and its history for its customer (case token: the public part) or an agent (JWT)',
    trigger: {
      kind: 'http',
      routes: [
        { method: 'GET', path: '/cases/{id}', operationId: 'getCase', access: CUSTOMER_OR_AGENT },
        {
          method: 'GET',
          path: '/cases/{id}/history',
          operationId: 'getCaseHistory',
          access: CUSTOMER_OR_AGENT,
        },
      ],
    },
    uses: { table: 'read', auth: true },
  },
  confirmDeflection: {
    entry: 'functions/confirm-deflection/handler.ts',
    description: 'The customer confirms that a knowledge-base article solved the case',
    trigger: {
      kind: 'http',
      routes: [
        {
          method: 'POST',
          path: '/cases/{id}/deflection',
          operationId: 'confirmDeflection',
          access: CUSTOMER,
        },
      ],
    },
    uses: { table: 'readwrite', auth: true },
  },
  handOverToDesk: {
    entry: 'functions/hand-over-to-desk/handler.ts',
    description: 'The customer of a self-help case asks for a person: the ticket desk (level 1) takes over',
    trigger: {
      kind: 'http',
      routes: [
        { method: 'POST', path: '/cases/{id}/escalation', operationId: 'askForPerson', access: CUSTOMER },
      ],
    },
    uses: { table: 'readwrite', queues: ['level1'], auth: true },
  },
  customerAnswers: {
    entry: 'functions/customer-answers/handler.ts',
    description:
      'The customer adds information, confirms or objects to a resolution, gives or refuses consent for the vendor, withdraws the case',
    trigger: {
      kind: 'http',
      routes: [
        { method: 'POST', path: '/cases/{id}/information', operationId: 'addInformation', access: CUSTOMER },
        {
          method: 'POST',
          path: '/cases/{id}/resolution-answer',
          operationId: 'confirmResolution',
          access: CUSTOMER,
        },
        // An agent records consent the customer gave on the telephone.
        {
          method: 'POST',
          path: '/cases/{id}/vendor-consent',
          operationId: 'answerVendorConsent',
          access: CUSTOMER_OR_AGENT,
        },
        {
          method: 'POST',
          path: '/cases/{id}/cancellation',
          operationId: 'cancelCase',
          access: CUSTOMER_OR_AGENT,
        },
      ],
    },
    uses: { table: 'readwrite', queues: LEVEL_QUEUES, auth: true },
  },
  caseWork: {
    entry: 'functions/case-work/handler.ts',
    description:
      'Agents work a case: take or assign it, note, reply, escalate, resolve, close, reopen, link a defect',
    trigger: {
      kind: 'http',
      routes: [
        { method: 'POST', path: '/cases/{id}/assignment', operationId: 'takeCase', access: agent() },
        { method: 'POST', path: '/cases/{id}/notes', operationId: 'addNote', access: agent() },
        { method: 'POST', path: '/cases/{id}/replies', operationId: 'replyToCustomer', access: agent() },
        { method: 'POST', path: '/cases/{id}/escalations', operationId: 'escalateCase', access: agent() },
        { method: 'POST', path: '/cases/{id}/resolution', operationId: 'resolveCase', access: agent() },
        { method: 'POST', path: '/cases/{id}/closure', operationId: 'closeCase', access: agent() },
        { method: 'POST', path: '/cases/{id}/reopening', operationId: 'reopenCase', access: agent() },
        { method: 'PUT', path: '/cases/{id}/defect', operationId: 'linkDefect', access: agent() },
      ],
    },
    uses: { table: 'readwrite', queues: LEVEL_QUEUES, auth: true },
  },
  correctClassification: {
    entry: 'functions/correct-classification/handler.ts',
    description: "An agent corrects a case's classification; the correction is recorded",
    trigger: {
      kind: 'http',
      routes: [
        {
          method: 'PUT',
          path: '/cases/{id}/classification',
          operationId: 'correctClassification',
          access: agent(),
        },
      ],
    },
    uses: { table: 'readwrite', queues: LEVEL_QUEUES, auth: true },
  },
  callbacks: {
    entry: 'functions/callbacks/handler.ts',
    description:
      "Level 2 callbacks: the free windows of the level's calendar, booking or moving one, the technician's outcome",
    trigger: {
      kind: 'http',
      routes: [
        {
          method: 'GET',
          path: '/cases/{id}/callback-slots',
          operationId: 'listCallbackSlots',
          access: CUSTOMER_OR_AGENT,
        },
        {
          method: 'PUT',
          path: '/cases/{id}/callback',
          operationId: 'bookCallback',
          access: CUSTOMER_OR_AGENT,
        },
        {
          method: 'POST',
          path: '/cases/{id}/callback-outcome',
          operationId: 'recordCallbackOutcome',
          access: agent(),
        },
      ],
    },
    uses: { table: 'readwrite', queues: ['level2'], auth: true },
  },
  levelQueue: {
    entry: 'functions/level-queue/handler.ts',
    description: "A level's cases, by status, most urgent and oldest first",
    trigger: {
      kind: 'http',
      routes: [{ method: 'GET', path: '/queues/{level}', operationId: 'listQueue', access: agent() }],
    },
    uses: { table: 'read', auth: true },
  },
} as const satisfies Record<string, FunctionSpec>;
