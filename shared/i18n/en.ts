import type { Messages } from './messages.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en: Messages = {
  languageName: 'English',
  ack: {
    subject: (reference, subject) => `[${reference}] We have received your request: ${subject}`,
    greeting: (name) => `Hello ${name},`,
    received: (reference) => `thank you for contacting us. Your request has been recorded as ${reference}.`,
    summaryHeading: 'Your request',
    nextStepsHeading: 'What happens next',
    nextSteps: {
      0: 'The articles below answer questions like yours. Their step-by-step instructions are on your case page (link below): there you can confirm that one of them solved your problem, or ask for a person. You can also simply reply to this email, and an agent will take over.',
      1: 'Our service desk will look at your request and get back to you.',
      2: 'A technician will call you back to solve the problem together with you. Please make sure we have a phone number where we can reach you.',
      3: 'Our specialists will analyse the problem in depth. We will keep you informed of their progress.',
      4: 'This item is maintained by an external vendor. We will ask for your consent before we pass your request on to them, and we will keep track of it for you.',
    },
    slaHeading: 'Our service level',
    sla: (firstResponse, resolution) =>
      `First response within ${firstResponse}, target resolution within ${resolution}.`,
    slaSelfHelp: (firstResponse, resolution) =>
      `While you try the articles, no clock runs. Once you ask for a person, these targets apply: first response within ${firstResponse}, target resolution within ${resolution}.`,
    missingHeading: 'Please send us the following',
    missingIntro: 'So that nobody has to ask you again, please reply to this email with:',
    articlesHeading: 'These articles may help',
    selfHelpHeading: 'Read the steps, confirm or ask for a person',
    selfHelpLink:
      'Open your case page to read each article in full, then tell us whether it solved your problem or that you still need help:',
    viewHeading: 'Your case online',
    viewCase: 'View your case and its status:',
    replyHint: 'Reply to this email to add information; please keep the reference in the subject.',
    signature: 'Your tierdesk service desk',
    firstContact: {
      subject: (reference) => `[${reference}] Please confirm your email address`,
      greeting: 'Hello,',
      received: (reference) =>
        `a support request was opened with this email address under the reference ${reference}. To protect you, this first message does not repeat what was written.`,
      confirmLink: 'If you opened it, say so on your case page; there you can see and follow your request:',
      notYou:
        'If you did not, you can say that on the same page, or simply ignore this email: nothing more will be sent to you about it.',
    },
  },
  portal: {
    title: 'Your support case',
    loading: 'Loading your case…',
    linkIncomplete: 'This link is incomplete. Please open the link from our email again, in full.',
    notFound:
      'We could not open your case with this link. Please use the link from our most recent email about this case.',
    failed: 'Something went wrong on our side. Please try again in a few minutes.',
    reference: 'Reference',
    status: 'Status',
    subject: 'Subject',
    statusNames: {
      new: 'Received',
      'self-help': 'Self-help: waiting for your answer',
      open: 'Open',
      'in-progress': 'In progress',
      'waiting-on-customer': 'Waiting for your answer',
      'waiting-on-vendor': 'With the external vendor',
      'awaiting-consent': 'Waiting for your consent',
      resolved: 'Resolved',
      closed: 'Closed',
      reopened: 'Reopened',
      deflected: 'Solved with an article',
      cancelled: 'Cancelled',
    },
    nextStepsHeading: 'What happens next',
    nextSteps: {
      new: 'We are looking at your request. Reload this page in a minute to see how it continues.',
      selfHelp:
        'The articles below answer questions like yours. If one of them solves your problem, choose “This solved my problem”. If not, choose “I still need help” and an agent will take over.',
      deflected:
        'We are glad the article helped. We have closed your case; if the problem comes back, simply reply to our email.',
      closed: 'Your case is closed. If the problem comes back, reply to our email and we will open it again.',
      inProgress:
        'An agent is working on your request. We will let you know as soon as there is news; you can add information on this page at any time.',
      waitingOnCustomer:
        'We need an answer or more information from you before we can continue. Please add it on this page or reply to our email.',
      waitingOnVendor:
        'The external vendor is working on your request. We keep track of it and will let you know as soon as they answer.',
      awaitingConsent:
        'This item is maintained by an external vendor. We pass your request on to them only with your consent: please give or refuse it on this page.',
      resolved:
        'We have resolved your request. If the solution works, choose “Yes, this solved it”. If not, choose “No, it is not solved” and tell us what still does not work; otherwise your case closes by itself after a few days.',
      cancelled:
        'This request was cancelled. If you still need help, reply to our email or open a new request.',
    },
    articlesHeading: 'Articles for your question',
    stepsHeading: 'How to do it',
    solved: 'This solved my problem',
    needHelpHeading: 'Not solved?',
    commentLabel: 'What did you try, and what happened? (optional)',
    needHelp: 'I still need help',
    articleMissing: 'This article cannot be shown right now.',
    actionFailed: 'That did not work. Please try again.',
    confirmAddress: {
      heading: 'Did you open this request?',
      text: 'Someone opened a support request with your email address. If it was you, confirm it to see the request; our emails will then include its details. If it was not you, tell us, and we will not write to you about requests others open with your address.',
      button: 'Yes, I opened it',
      done: 'Thank you: your address is confirmed.',
      notMine: 'No, this was not me',
      notMineDone:
        'Thank you. We will not write to this address about requests others open with it. If you contact us yourself, we will answer as usual.',
    },
    resolution: {
      heading: 'Is your problem solved?',
      confirm: 'Yes, this solved it',
      object: 'No, it is not solved',
      commentLabel: 'What still does not work?',
      confirmedDone: 'Thank you for your confirmation.',
      objectedDone: 'Thank you. We have reopened your case and will get back to you.',
    },
    consent: {
      heading: 'May we pass your request on to the vendor?',
      text: 'This item is maintained by an external vendor. If you agree, we share with them the problem description, the asset or product and the error details, and your name and contact address — never our internal notes. If you refuse, our experts keep working on it in-house.',
      give: 'Yes, pass it on',
      refuse: 'No, keep it in-house',
      givenDone: 'Thank you. We are passing your request on to the vendor and will keep you informed.',
      refusedDone: 'Understood. We will not pass your request on; our experts keep working on it in-house.',
    },
    callback: {
      heading: 'Book your callback',
      chooseWindow: 'Choose a time window for the technician’s call:',
      book: 'Book this window',
      move: 'Move the call',
      booked: (window) => `Your call is booked for ${window}.`,
      noWindows:
        'There are no free windows at the moment. Please try again later, or reply to our email and we will find a time with you.',
    },
    addInfo: {
      heading: 'Add information',
      label: 'What would you like to add?',
      button: 'Send',
      done: 'Thank you: we have added it to your case.',
    },
  },
  ladder: {
    caseLink: 'Your case page:',
    reply: {
      subject: (reference, caseSubject) => `[${reference}] Answer to your request: ${caseSubject}`,
      intro: 'one of our agents has answered your request:',
      waitingForYou: 'We need your answer to continue. Please reply to this email or use your case page.',
    },
    resolved: {
      subject: (reference) => `[${reference}] Your request has been resolved`,
      intro: 'we have resolved your request.',
      resolutionHeading: 'The solution',
      confirmOrObject: (days) =>
        `If this solved your problem, please confirm it on your case page. If it did not, reply to this email or say so on your case page within ${plural(days, 'day', 'days')}; otherwise the case closes by itself.`,
    },
    callbackBooked: {
      subject: (reference) => `[${reference}] Your callback is booked`,
      booked: (window) => `your call with our technician is booked for ${window}.`,
      invite: 'The attached invitation puts the call into your calendar.',
      move: 'To move it, choose another window on your case page.',
      phone: (number) => `We will call you at ${number}.`,
    },
    callbackReminder: {
      subject: (reference) => `[${reference}] Reminder: our technician will call you`,
      text: (window) =>
        `this is a reminder of your call with our technician, booked for ${window}. Please keep your phone at hand.`,
    },
    callbackMissed: {
      subject: (reference) => `[${reference}] We could not reach you`,
      text: 'our technician tried to call you but could not reach you. Please choose a new window for the call.',
      linkLabel: 'Choose a new window:',
    },
    consent: {
      subject: (reference) => `[${reference}] Your consent: may we pass your request on to the vendor?`,
      request: (vendorName, maintains) =>
        `the item your request concerns is maintained by ${vendorName}, who maintains ${maintains} for us. We may pass your request on to them only with your consent.`,
      shared:
        'If you agree, we share with them: the problem description, the asset or product and the error details, and your name and contact address. Our internal notes are never shared.',
      how: 'Please give or refuse your consent on your case page, or reply to this email with YES or NO in the first line.',
      refusedKept: 'We will not pass your request on to the vendor. Our experts keep working on it in-house.',
    },
    vendorProgress: {
      subject: (reference) => `[${reference}] Update on your request`,
      contacted: (vendorName) =>
        `we have passed your request on to ${vendorName}. We keep track of it and will let you know as soon as they answer.`,
      answered: (vendorName) =>
        `${vendorName} has answered about your request. We are reviewing the answer and will get back to you.`,
      vendorReference: (ref) => `The vendor’s reference for your request: ${ref}`,
    },
    closed: {
      subject: (reference) => `[${reference}] Your request is closed`,
      text: 'we have closed your request. If the problem comes back, simply reply to this email and we will open it again.',
    },
  },
  facts: {
    phone: 'a phone number where a technician can call you back',
    product: 'the product or application concerned',
    version: 'its version',
    asset: 'the device name, asset tag or serial number',
    errorText: 'the exact error message (a screenshot helps)',
    steps: 'the steps that lead to the problem',
    since: 'since when the problem occurs',
    affectedUsers: 'how many people are affected',
  },
  duration: {
    minutes: (n) => plural(n, 'minute', 'minutes'),
    hours: (n) => plural(n, 'hour', 'hours'),
    businessHours: (n) => plural(n, 'business hour', 'business hours'),
    businessDays: (n) => plural(n, 'business day', 'business days'),
  },
  priorityName: {
    P1: 'P1 – critical',
    P2: 'P2 – high',
    P3: 'P3 – medium',
    P4: 'P4 – low',
    P5: 'P5 – planning',
  },
};
