// Through the running system, in each of the six languages: a request written in it (no form
// language, no browser hint) is classified, and its acknowledgement arrives in the SES
// emulator in that language — subject, greeting, what happens next and the SLA, in its words.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/domain/support-model.ts';
import { MESSAGES } from '../../shared/i18n/index.ts';
import { call, eventually, sentEmailsTo } from '../support/http.ts';

const REQUESTS: Record<Language, { subject: string; description: string }> = {
  en: {
    subject: 'Laptop fan',
    description: 'The fan of my laptop is very loud since yesterday and it gets hot.',
  },
  de: { subject: 'Bildschirm', description: 'Mein zweiter Bildschirm bleibt seit heute Morgen schwarz.' },
  nl: { subject: 'Toetsenbord', description: 'Mijn toetsenbord reageert niet meer sinds de laatste update.' },
  fr: {
    subject: 'Écran',
    description: 'Mon deuxième écran reste noir depuis ce matin, je ne sais pas pourquoi.',
  },
  es: { subject: 'Teclado', description: 'Mi teclado dejó de responder después de la última actualización.' },
  ru: {
    subject: 'Монитор',
    description: 'Второй монитор с утра не показывает изображение, хотя кабель подключён.',
  },
};

describe('the acknowledgement speaks the customer’s language', () => {
  it.each(Object.keys(REQUESTS) as Language[])(
    '%s',
    async (language) => {
      const email = `ack-${language}-${Math.random().toString(36).slice(2)}@example.com`;
      const request = REQUESTS[language];
      const created = await call('POST', '/cases', {
        body: { customer: { name: 'Sam', email }, problem: request },
      });
      expect(created.status).toBe(201);
      expect(created.json.language).toBe(language);
      const [ack] = await eventually(
        async () => {
          const sent = await sentEmailsTo(email);
          return sent.length > 0 ? sent : undefined;
        },
        20_000,
        `the ${language} acknowledgement`,
      );
      const m = MESSAGES[language];
      const read = await call('GET', `/cases/${created.json.id}`, { token: created.json.accessToken });
      const level = read.json.classification.level as 0 | 1 | 2 | 3 | 4;
      const priority = read.json.classification.priority as keyof typeof m.priorityName;
      expect(ack?.subject).toBe(m.ack.subject(created.json.reference, request.subject));
      expect(ack?.body.text).toContain(m.ack.greeting('Sam'));
      expect(ack?.body.text).toContain(m.ack.nextSteps[level]);
      expect(ack?.body.text).toContain(m.priorityName[priority]);
    },
    30_000,
  );
});
