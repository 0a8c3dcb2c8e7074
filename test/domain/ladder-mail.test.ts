import { describe, expect, it } from 'vitest';
import type { ComposedEmail } from '../../shared/domain/acknowledgement.ts';
import {
  composeCallbackBookedMail,
  composeCallbackMissedMail,
  composeCallbackReminderMail,
  composeClosedMail,
  composeConsentRequestMail,
  composeReplyMail,
  composeResolvedMail,
  composeVendorProgressMail,
  type LadderMailBase,
} from '../../shared/domain/ladder-mail.ts';
import { consentAnswerIn } from '../../shared/domain/reply-intent.ts';
import { LANGUAGES } from '../../shared/domain/support-model.ts';
import { MESSAGES } from '../../shared/i18n/index.ts';
import type { Messages } from '../../shared/i18n/messages.ts';

const STATUSES = [
  'new',
  'self-help',
  'open',
  'in-progress',
  'waiting-on-customer',
  'waiting-on-vendor',
  'awaiting-consent',
  'resolved',
  'closed',
  'reopened',
  'deflected',
  'cancelled',
] as const;

const REF = 'TD-ABCDEFG';
const URL = 'https://desk.example.com/portal/cases/01JDTESTCASE0000000000000A?lang=en#token=tdc_x&y=1';
const EVIL = '<script>alert(1)</script> & "quotes"';

function base(messages: Messages): LadderMailBase {
  return {
    reference: REF,
    caseSubject: 'VPN\r\nBcc: victim@example.com <b>down</b>',
    customerName: 'Ada\nX-Injected: 1 <i>',
    messages,
    caseUrl: URL,
  };
}

/** Every composer, with agent, vendor and customer text that tries to break out. */
function allMails(m: Messages): Record<string, ComposedEmail> {
  const b = base(m);
  return {
    reply: composeReplyMail({
      ...b,
      text: `Hello,\r\n${EVIL}\n\n\nSecond paragraph`,
      waitingForCustomer: true,
    }),
    resolved: composeResolvedMail({ ...b, resolution: `Reset the token.\n${EVIL}`, objectionDays: 5 }),
    callbackBooked: composeCallbackBookedMail({
      ...b,
      window: `Tue 25 Nov, 10:00–10:30 ${EVIL}`,
      phone: '+49 30 1234567\n<b>',
    }),
    callbackReminder: composeCallbackReminderMail({ ...b, window: `Tue 25 Nov ${EVIL}` }),
    callbackMissed: composeCallbackMissedMail(b),
    consent: composeConsentRequestMail({ ...b, vendorName: `PrintCare ${EVIL}`, maintains: 'printers\n<b>' }),
    vendorContacted: composeVendorProgressMail({
      ...b,
      vendorName: `PrintCare ${EVIL}`,
      kind: 'contacted',
      vendorReference: `PC-1\r\n${EVIL}`,
    }),
    vendorAnswered: composeVendorProgressMail({
      ...b,
      vendorName: 'PrintCare',
      kind: 'answered',
      excerpt: `We replaced the fuser.\n${EVIL}`,
    }),
    closed: composeClosedMail(b),
  };
}

describe('ladder mails', () => {
  describe.each(LANGUAGES)('in %s', (language) => {
    const m = MESSAGES[language];
    const mails = allMails(m);

    it.each(Object.keys(mails))('%s: the subject holds the reference and is one line', (name) => {
      const mail = mails[name] as ComposedEmail;
      expect(mail.subject).toContain(`[${REF}]`);
      expect(mail.subject).not.toMatch(/[\r\n\u2028\u2029]/);
    });

    it.each(Object.keys(mails))('%s: escapes what others wrote, greets, links the case and signs', (name) => {
      const mail = mails[name] as ComposedEmail;
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<b>');
      expect(mail.html).not.toContain('<i>');
      expect(mail.html).toContain(`<a href="${URL.replace(/&/g, '&#38;')}">`);
      expect(mail.text).toContain(URL);
      expect(mail.text).toContain(m.ack.greeting('Ada X-Injected: 1 <i>'));
      expect(mail.text).not.toContain('\nX-Injected');
      expect(mail.text).toContain(m.ack.signature);
      expect(mail.html).toContain(`<p>${m.ack.signature.replace(/'/g, '&#39;')}</p>`);
    });

    it('reply: the agent text with its paragraphs, and that we wait for the customer', () => {
      const { reply } = mails;
      expect(reply?.subject).toBe(m.ladder.reply.subject(REF, 'VPN Bcc: victim@example.com <b>down</b>'));
      expect(reply?.text).toContain(m.ladder.reply.intro);
      expect(reply?.text).toContain(`Hello,\n${EVIL}\n\nSecond paragraph`);
      expect(reply?.html).toContain(
        '<p>Hello,<br>&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;quotes&#34;</p>',
      );
      expect(reply?.html).toContain('<p>Second paragraph</p>');
      expect(reply?.text).toContain(m.ladder.reply.waitingForYou);
      expect(reply?.text).toContain(m.ladder.caseLink);
      expect(reply?.text).toContain(m.ack.replyHint);
      const notWaiting = composeReplyMail({ ...base(m), text: 'Done.', waitingForCustomer: false });
      expect(notWaiting.text).not.toContain(m.ladder.reply.waitingForYou);
    });

    it('resolved: the resolution under its heading, and the objection window', () => {
      const { resolved } = mails;
      expect(resolved?.subject).toBe(m.ladder.resolved.subject(REF));
      expect(resolved?.text).toContain(m.ladder.resolved.intro);
      expect(resolved?.text).toContain(m.ladder.resolved.resolutionHeading);
      expect(resolved?.text).toContain('Reset the token.');
      expect(resolved?.text).toContain(m.ladder.resolved.confirmOrObject(5));
      expect(m.ladder.resolved.confirmOrObject(5)).toContain('5');
      expect(m.ladder.resolved.confirmOrObject(1)).toContain('1');
    });

    it('callback booked: the window, the phone, the invitation and how to move it', () => {
      const mail = mails.callbackBooked as ComposedEmail;
      expect(mail.text).toContain(m.ladder.callbackBooked.booked(`Tue 25 Nov, 10:00–10:30 ${EVIL}`));
      expect(mail.text).toContain(m.ladder.callbackBooked.phone('+49 30 1234567 <b>'));
      expect(mail.text).toContain(m.ladder.callbackBooked.invite);
      expect(mail.text).toContain(m.ladder.callbackBooked.move);
      const noPhone = composeCallbackBookedMail({ ...base(m), window: '10:00' });
      const withPhone = composeCallbackBookedMail({ ...base(m), window: '10:00', phone: '+49 30 1' });
      expect(withPhone.text.replace(`${m.ladder.callbackBooked.phone('+49 30 1')}\n`, '')).toBe(noPhone.text);
    });

    it('callback reminder and missed call', () => {
      expect(mails.callbackReminder?.text).toContain(m.ladder.callbackReminder.text(`Tue 25 Nov ${EVIL}`));
      expect(mails.callbackMissed?.text).toContain(m.ladder.callbackMissed.text);
      expect(mails.callbackMissed?.text).toContain(`${m.ladder.callbackMissed.linkLabel}\n${URL}`);
    });

    it('consent: who the vendor is, what is shared, and how to answer', () => {
      const mail = mails.consent as ComposedEmail;
      expect(mail.text).toContain(m.ladder.consent.request(`PrintCare ${EVIL}`, 'printers <b>'));
      expect(mail.text).toContain(m.ladder.consent.shared);
      expect(mail.text).toContain(m.ladder.consent.how);
      expect(m.ladder.consent.refusedKept.length).toBeGreaterThan(10);
    });

    it('vendor progress: contacted with its reference, answered with the excerpt quoted', () => {
      expect(mails.vendorContacted?.text).toContain(m.ladder.vendorProgress.contacted(`PrintCare ${EVIL}`));
      expect(mails.vendorContacted?.text).toContain(m.ladder.vendorProgress.vendorReference(`PC-1 ${EVIL}`));
      expect(mails.vendorAnswered?.text).toContain(m.ladder.vendorProgress.answered('PrintCare'));
      expect(mails.vendorAnswered?.text).toContain('    We replaced the fuser.');
      expect(mails.vendorAnswered?.html).toContain('<blockquote');
      const withReference = composeVendorProgressMail({
        ...base(m),
        vendorName: 'PrintCare',
        kind: 'answered',
        vendorReference: 'PC-1',
      });
      const without = composeVendorProgressMail({ ...base(m), vendorName: 'PrintCare', kind: 'answered' });
      expect(withReference.text).toContain(m.ladder.vendorProgress.vendorReference('PC-1'));
      expect(without.text).not.toContain('PC-1');
    });

    it('closed: says how to come back, without the reply hint', () => {
      expect(mails.closed?.text).toContain(m.ladder.closed.text);
      expect(mails.closed?.text).not.toContain(m.ack.replyHint);
    });
  });

  it('folds bidirectional overrides and control characters out of written text', () => {
    const mail = composeReplyMail({
      ...base(MESSAGES.en),
      text: 'VPN \u202edown\u202c now\u0007!',
      waitingForCustomer: false,
    });
    expect(mail.text).toContain('VPN down now !');
  });

  it('cuts a long case subject in the reply subject', () => {
    const mail = composeReplyMail({
      ...base(MESSAGES.en),
      caseSubject: 'x'.repeat(500),
      text: 'ok',
      waitingForCustomer: false,
    });
    expect(mail.subject.length).toBeLessThan(200);
  });
});

describe('ladder messages', () => {
  it.each(LANGUAGES)('%s names every status', (language) => {
    const { statusNames } = MESSAGES[language].portal;
    for (const status of STATUSES) expect(statusNames[status]?.trim(), status).toBeTruthy();
  });

  it.each(LANGUAGES)('%s: what happens next on a resolved case names the two buttons', (language) => {
    const { portal } = MESSAGES[language];
    expect(portal.nextSteps.resolved).toContain(portal.resolution.confirm);
    expect(portal.nextSteps.resolved).toContain(portal.resolution.object);
  });

  it.each(LANGUAGES)('%s: every ladder subject keeps the reference first', (language) => {
    const { ladder } = MESSAGES[language];
    const subjects = [
      ladder.reply.subject(REF, 'VPN'),
      ladder.resolved.subject(REF),
      ladder.callbackBooked.subject(REF),
      ladder.callbackReminder.subject(REF),
      ladder.callbackMissed.subject(REF),
      ladder.consent.subject(REF),
      ladder.vendorProgress.subject(REF),
      ladder.closed.subject(REF),
    ];
    for (const subject of subjects) expect(subject.startsWith(`[${REF}] `), subject).toBe(true);
  });

  it.each(LANGUAGES)('%s: the callback page and mail quote the window', (language) => {
    const { portal, ladder } = MESSAGES[language];
    expect(portal.callback.booked('10:00–10:30')).toContain('10:00–10:30');
    expect(ladder.callbackBooked.booked('10:00–10:30')).toContain('10:00–10:30');
    expect(ladder.callbackReminder.text('10:00–10:30')).toContain('10:00–10:30');
    expect(ladder.callbackBooked.phone('+49 30 1')).toContain('+49 30 1');
  });

  it.each(LANGUAGES)(
    '%s: the YES and NO the consent mail asks for are understood as yes and no',
    (language) => {
      const how = MESSAGES[language].ladder.consent.how;
      const words = how.match(/\p{Lu}{2,}/gu) ?? [];
      expect(words).toHaveLength(2);
      expect(consentAnswerIn(words[0] as string)).toBe('yes');
      expect(consentAnswerIn(words[1] as string)).toBe('no');
    },
  );
});
