// Intake: how a case comes in (form, API, telephone, email), is classified and acknowledged,
// and how the desk learns that its mail bounced.
import { agent, CUSTOMER, type FunctionSpec, PUBLIC } from './model.ts';

export const INTAKE_FUNCTIONS = {
  createCase: {
    entry: 'functions/create-case/handler.ts',
    description: 'First-level intake from web forms, the API and the telephone (an agent types the call in)',
    trigger: {
      kind: 'http',
      routes: [
        // Public unless the deployment requires a signed-in caller (INTAKE_ACCESS=signed-in): an
        // internal desk lets only its own people open cases. The function checks the JWT then.
        {
          method: 'POST',
          path: '/cases',
          operationId: 'openCase',
          access: PUBLIC,
          throttle: { rate: 20, burst: 40 },
        },
        { method: 'POST', path: '/phone-cases', operationId: 'openPhoneCase', access: agent() },
      ],
    },
    uses: { table: 'readwrite', queues: ['classify'], auth: true, intakePolicy: true },
  },
  classify: {
    entry: 'functions/classify/handler.ts',
    description: 'Classifies new cases, acknowledges them and routes them to their level',
    trigger: { kind: 'queue', queue: 'classify' },
    uses: { table: 'readwrite', queues: ['level1', 'level2', 'level3', 'level4'], sendMail: true },
  },
  emailIntake: {
    entry: 'functions/email-intake/handler.ts',
    description:
      "Turns inbound email (raw MIME in S3) into cases, the customer's replies and the vendor's answers",
    trigger: { kind: 'inbound-mail' },
    // A reply can hand a self-help case to the desk, answer a consent request or bring a
    // vendor's answer: the case's level does the work that follows.
    uses: {
      table: 'readwrite',
      queues: ['classify', 'level1', 'level2', 'level3', 'level4'],
      rawMail: 'read',
    },
    timeoutSeconds: 30,
    memoryMb: 1024,
  },
  confirmAddress: {
    entry: 'functions/confirm-address/handler.ts',
    description:
      'The owner of a mailbox confirms it with the link of the mail we sent there: later mail may quote the case',
    trigger: {
      kind: 'http',
      routes: [
        {
          method: 'POST',
          path: '/cases/{id}/address-confirmation',
          operationId: 'confirmAddress',
          access: CUSTOMER,
        },
      ],
    },
    uses: { table: 'readwrite', auth: true },
  },
  mailEvents: {
    entry: 'functions/mail-events/handler.ts',
    description: 'Suppresses addresses that bounced for good or complained, so no send reaches them again',
    trigger: { kind: 'mail-events' },
    uses: { table: 'readwrite' },
  },
} as const satisfies Record<string, FunctionSpec>;
