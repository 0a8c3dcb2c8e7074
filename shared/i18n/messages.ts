// Everything tierdesk says to a customer, in one typed shape: a language is complete
// when its file satisfies this type, so no string can be forgotten in one language.
import type { Fact } from '../domain/intake-record.ts';
import type { Level, Priority } from '../domain/support-model.ts';

export type Messages = {
  /** The language's own name, e.g. "Deutsch". */
  languageName: string;
  ack: {
    /** Subject line; `reference` must stay in it so replies find the case. */
    subject: (reference: string, subject: string) => string;
    greeting: (name: string) => string;
    received: (reference: string) => string;
    summaryHeading: string;
    nextStepsHeading: string;
    nextSteps: Record<Level, string>;
    slaHeading: string;
    /** e.g. "First response within 4 business hours, resolution within 3 business days." */
    sla: (firstResponse: string, resolution: string) => string;
    missingHeading: string;
    missingIntro: string;
    articlesHeading: string;
    viewHeading: string;
    viewCase: string;
    replyHint: string;
    signature: string;
  };
  /** How a missing fact is asked for, as a short question or instruction. */
  facts: Record<Fact, string>;
  duration: {
    minutes: (n: number) => string;
    hours: (n: number) => string;
    businessHours: (n: number) => string;
    businessDays: (n: number) => string;
  };
  priorityName: Record<Priority, string>;
};
