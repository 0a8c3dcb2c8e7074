// Everything tierdesk says to a customer, in one typed shape: a language is complete
// when its file satisfies this type, so no string can be forgotten in one language.
import type { Fact } from '../domain/intake-record.ts';
import type { CaseStatus } from '../domain/support-case.ts';
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
    /** Level 0: nobody answers a self-help case, so the targets start once they ask for a person. */
    slaSelfHelp: (firstResponse: string, resolution: string) => string;
    missingHeading: string;
    missingIntro: string;
    articlesHeading: string;
    /** Level 0: the case page, where the articles' steps are and where to confirm or ask for a person. */
    selfHelpHeading: string;
    selfHelpLink: string;
    viewHeading: string;
    viewCase: string;
    replyHint: string;
    signature: string;
    /**
     * The first mail to an address the desk has not seen verified: nothing the caller wrote
     * (no subject, description or name), only the reference and the link that confirms it.
     */
    firstContact: {
      subject: (reference: string) => string;
      greeting: string;
      received: (reference: string) => string;
      confirmLink: string;
      notYou: string;
    };
  };
  /** The customer's case page (GET /portal/cases/{id}); its script shows these as plain text. */
  portal: {
    title: string;
    loading: string;
    /** The link lacks its token (e.g. cut short by a mail program). */
    linkIncomplete: string;
    /** The case could not be read with this link (401, 403, 404). */
    notFound: string;
    /** Anything else went wrong (network, 5xx). */
    failed: string;
    reference: string;
    status: string;
    subject: string;
    statusNames: Record<CaseStatus, string>;
    nextStepsHeading: string;
    /** What happens next for a case that is not (or no longer) open at a level. */
    nextSteps: { new: string; selfHelp: string; deflected: string; closed: string };
    articlesHeading: string;
    stepsHeading: string;
    /** Button under each article: POST /cases/{id}/deflection. */
    solved: string;
    needHelpHeading: string;
    commentLabel: string;
    /** Button: POST /cases/{id}/escalation. */
    needHelp: string;
    /** An article could not be loaded. */
    articleMissing: string;
    actionFailed: string;
    /**
     * Shown to the holder of a mailed link while the address is not confirmed:
     * POST /cases/{id}/address-confirmation with `openedByMe` true (`button`) or false (`notMine`).
     */
    confirmAddress: {
      heading: string;
      text: string;
      button: string;
      done: string;
      notMine: string;
      notMineDone: string;
    };
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
