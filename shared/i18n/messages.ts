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
    nextSteps: {
      new: string;
      selfHelp: string;
      deflected: string;
      closed: string;
      /** 'in-progress' (and 'open', 'reopened'): someone is working on it. */
      inProgress: string;
      /** 'waiting-on-customer': we need an answer or information from the customer. */
      waitingOnCustomer: string;
      /** 'waiting-on-vendor': the external vendor has the request. */
      waitingOnVendor: string;
      /** 'awaiting-consent': may we pass the request on to the vendor? */
      awaitingConsent: string;
      /** 'resolved': confirm, or object within the objection window. */
      resolved: string;
      cancelled: string;
    };
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
    /** A resolved case: the customer confirms the resolution (`confirm`) or objects (`object`). */
    resolution: {
      heading: string;
      /** "Yes, this solved it" */
      confirm: string;
      /** "No, it is not solved" */
      object: string;
      /** Label of the comment field that goes with an objection. */
      commentLabel: string;
      confirmedDone: string;
      objectedDone: string;
    };
    /** 'awaiting-consent': may the request be passed on to the external vendor? */
    consent: {
      heading: string;
      /** What is shared with the vendor, and what never is (internal notes). */
      text: string;
      give: string;
      refuse: string;
      givenDone: string;
      /** After a refusal: our experts keep working on it in-house. */
      refusedDone: string;
    };
    /** Level 2: booking (or moving) the technician's callback. */
    callback: {
      heading: string;
      chooseWindow: string;
      book: string;
      move: string;
      /** `window` is already formatted for the customer, e.g. "Tue 25 Nov, 10:00–10:30". */
      booked: (window: string) => string;
      noWindows: string;
    };
    /** Adding information to the case (e.g. while waiting on the customer). */
    addInfo: {
      heading: string;
      label: string;
      button: string;
      done: string;
    };
  };
  /**
   * Emails the support ladder sends the customer after the acknowledgement. Every subject keeps
   * the reference ("[REF] …") so that replies find the case. A mail's first line (`intro`,
   * `booked`, `text`, `request`, `contacted`, `answered`) follows `ack.greeting`, so it starts
   * as the language's `ack.received` does (lower case after "Hello Ada,", upper case in Russian).
   */
  ladder: {
    /** Label in front of the case page link. */
    caseLink: string;
    /** An agent answered. */
    reply: {
      subject: (reference: string, caseSubject: string) => string;
      intro: string;
      /** The case waits for the customer: reply to this email or use the case page. */
      waitingForYou: string;
    };
    resolved: {
      subject: (reference: string) => string;
      intro: string;
      resolutionHeading: string;
      /** Confirm on the case page; if not solved, reply or object within `days` days, else it closes. */
      confirmOrObject: (days: number) => string;
    };
    callbackBooked: {
      subject: (reference: string) => string;
      booked: (window: string) => string;
      /** The attached invitation (.ics) puts the call into the calendar. */
      invite: string;
      move: string;
      phone: (number: string) => string;
    };
    callbackReminder: {
      subject: (reference: string) => string;
      text: (window: string) => string;
    };
    callbackMissed: {
      subject: (reference: string) => string;
      text: string;
      /** Label in front of the case page link, where a new window is chosen. */
      linkLabel: string;
    };
    consent: {
      subject: (reference: string) => string;
      request: (vendorName: string, maintains: string) => string;
      /** What is shared with the vendor, and what never is. */
      shared: string;
      /** Give or refuse on the case page, or reply with YES or NO in the first line. */
      how: string;
      /** After a refusal: our experts keep working on it in-house. */
      refusedKept: string;
    };
    vendorProgress: {
      subject: (reference: string) => string;
      contacted: (vendorName: string) => string;
      answered: (vendorName: string) => string;
      vendorReference: (ref: string) => string;
    };
    closed: {
      subject: (reference: string) => string;
      text: string;
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
