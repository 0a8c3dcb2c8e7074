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
      0: 'The articles below answer questions like yours. If one of them solves your problem, please confirm it with the link below; if not, simply reply to this email and an agent will take over.',
      1: 'Our service desk will look at your request and get back to you.',
      2: 'A technician will call you back to solve the problem together with you. Please make sure we have a phone number where we can reach you.',
      3: 'Our specialists will analyse the problem in depth. We will keep you informed of their progress.',
      4: 'This item is maintained by an external vendor. We will ask for your consent before we pass your request on to them, and we will keep track of it for you.',
    },
    slaHeading: 'Our service level',
    sla: (firstResponse, resolution) =>
      `First response within ${firstResponse}, target resolution within ${resolution}.`,
    missingHeading: 'Please send us the following',
    missingIntro: 'So that nobody has to ask you again, please reply to this email with:',
    articlesHeading: 'These articles may help',
    viewHeading: 'Your case online',
    viewCase: 'View your case and its status:',
    replyHint: 'Reply to this email to add information; please keep the reference in the subject.',
    signature: 'Your tierdesk service desk',
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
