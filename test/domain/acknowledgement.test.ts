import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_TARGETS } from '../../shared/config/this-deployment.ts';
import { composeAcknowledgement, escapeHtml, oneLine } from '../../shared/domain/acknowledgement.ts';
import { classify, openCase } from '../../shared/domain/support-case.ts';
import { LANGUAGES } from '../../shared/domain/support-model.ts';
import { MESSAGES } from '../../shared/i18n/index.ts';

const now = new Date('2026-11-24T09:00:00Z');

function caseWith(
  subject: string,
  name: string,
  language: (typeof LANGUAGES)[number] = 'en',
  level: 0 | 2 = 2,
) {
  const c = openCase({
    id: '01JDTESTCASE0000000000000A',
    reference: 'TD-ABCDEFG',
    accessTokenHash: 'hash',
    intake: {
      customer: { name, email: 'ada@example.com' },
      problem: { subject, description: '<script>alert(1)</script> it broke' },
      channel: 'web',
      attachments: [],
    },
    language,
    missingFacts: ['errorText', 'since'],
    now,
  });
  return classify(
    c,
    {
      language,
      category: 'software',
      impact: 'low',
      urgency: 'medium',
      priority: 'P4',
      level,
      confidence: 0.8,
      reasons: [],
      articles:
        level === 0
          ? [
              {
                id: 'reset-password',
                title: 'Reset a <forgotten> password',
                summary: 'Use the\r\nself-service portal.',
                score: 9,
              },
            ]
          : [],
      classifiedAt: now.toISOString(),
      classifiedBy: 'test',
    },
    now,
  );
}

describe('acknowledgement email', () => {
  it('can never carry a header in the subject: line breaks are folded', () => {
    const email = composeAcknowledgement({
      supportCase: caseWith('Hello\r\nBcc: victim@example.com', 'Eve\nX-Injected: 1'),
      messages: MESSAGES.en,
      sla: DEFAULT_SLA_TARGETS.P4,
      caseUrl: 'https://desk.example.com/cases/1#token=x',
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toContain('[TD-ABCDEFG]');
    expect(email.text).not.toContain('\nX-Injected');
  });

  it('escapes customer text in HTML', () => {
    const email = composeAcknowledgement({
      supportCase: caseWith('<b>subject</b>', 'Ada'),
      messages: MESSAGES.en,
      sla: DEFAULT_SLA_TARGETS.P4,
      caseUrl: 'https://desk.example.com/cases/1#token=x',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&#60;script&#62;');
    expect(email.html).not.toContain('<b>subject</b>');
  });

  it.each(LANGUAGES)('is written in %s, with the SLA and each missing fact', (language) => {
    const m = MESSAGES[language];
    const email = composeAcknowledgement({
      supportCase: caseWith('VPN', 'Ada', language),
      messages: m,
      sla: DEFAULT_SLA_TARGETS.P4,
      caseUrl: 'https://desk.example.com/cases/1#token=x',
    });
    expect(email.text).toContain(m.ack.greeting('Ada'));
    expect(email.text).toContain(m.facts.errorText);
    expect(email.text).toContain(m.facts.since);
    expect(email.text).toContain(m.ack.sla(m.duration.businessDays(1), m.duration.businessDays(5)));
    expect(email.text).toContain(m.ack.nextSteps[2]);
  });

  it('helpers fold and escape', () => {
    expect(oneLine(' a\r\n\tb\u2028c ')).toBe('a b c');
    // A right-to-left override would show "VPN nwod" as "VPN down" backwards in a subject.
    expect(oneLine('VPN \u202edown\u202c now')).toBe('VPN down now');
    expect(oneLine('شبكة VPN')).toBe('شبكة VPN');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  const portal = 'https://desk.example.com/portal/cases/01JDTESTCASE0000000000000A?lang=en#token=tdc_x';

  it.each(LANGUAGES)(
    'for self-help (%s): lists each article with its summary, links the case page once, and says when the SLA starts',
    (language) => {
      const m = MESSAGES[language];
      const email = composeAcknowledgement({
        supportCase: caseWith('Password', 'Ada', language, 0),
        messages: m,
        sla: DEFAULT_SLA_TARGETS.P4,
        caseUrl: portal,
        confirmUrl: portal,
      });
      expect(email.text).toContain('• Reset a <forgotten> password — Use the self-service portal.');
      expect(email.text).toContain(m.ack.nextSteps[0]);
      expect(email.text).toContain(m.ack.selfHelpHeading);
      expect(email.text.split(portal)).toHaveLength(2);
      expect(email.text).not.toContain(m.ack.viewHeading);
      expect(email.text).toContain(m.ack.slaSelfHelp(m.duration.businessDays(1), m.duration.businessDays(5)));
      expect(email.text).not.toContain(m.ack.sla(m.duration.businessDays(1), m.duration.businessDays(5)));
      expect(email.html).toContain('Reset a &#60;forgotten&#62; password');
      expect(email.html).toContain(`<a href="${portal}">`);
    },
  );

  it('for other levels: no article list, the usual SLA and the case link', () => {
    const email = composeAcknowledgement({
      supportCase: caseWith('VPN', 'Ada'),
      messages: MESSAGES.en,
      sla: DEFAULT_SLA_TARGETS.P4,
      caseUrl: portal,
    });
    expect(email.text).not.toContain(MESSAGES.en.ack.articlesHeading);
    expect(email.text).not.toContain(MESSAGES.en.ack.selfHelpHeading);
    expect(email.text).toContain(MESSAGES.en.ack.viewHeading);
    expect(email.text).toContain(portal);
  });
});

describe('case page messages', () => {
  it.each(LANGUAGES)(
    '%s: the self-help instructions name the two buttons as they are labelled',
    (language) => {
      const { portal } = MESSAGES[language];
      expect(portal.nextSteps.selfHelp).toContain(portal.solved);
      expect(portal.nextSteps.selfHelp).toContain(portal.needHelp);
    },
  );
});
