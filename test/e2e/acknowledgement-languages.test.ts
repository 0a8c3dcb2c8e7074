// Through the running system, in each of the six languages: a request written in it (no form
// language, no browser hint) is classified, and its mail arrives in the SES emulator in that
// language: first the address check, then — the address confirmed — the acknowledgement with
// subject, greeting, what happens next and the SLA, in its words.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/domain/support-model.ts';
import { MESSAGES } from '../../shared/i18n/index.ts';
import { call, tokenIn, waitForEmails } from '../support/http.ts';

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
      const m = MESSAGES[language];
      const open = () =>
        call('POST', '/cases', { body: { customer: { name: 'Sam', email }, problem: request } });

      // The first mail to a new address: in the language, and nothing the caller wrote.
      const first = await open();
      expect(first.status).toBe(201);
      expect(first.json.language).toBe(language);
      const [check] = await waitForEmails(email);
      expect(check?.subject).toBe(m.ack.firstContact.subject(first.json.reference));
      expect(check?.body.text).toContain(m.ack.firstContact.received(first.json.reference));
      for (const written of [request.subject, request.description, 'Sam'])
        expect(check?.body.text).not.toContain(written);
      const confirmed = await call('POST', `/cases/${first.json.id}/address-confirmation`, {
        token: tokenIn(check),
      });
      expect(confirmed.status).toBe(200);

      // Once the address is confirmed, the acknowledgement says it all, in the same language.
      const created = await open();
      const ack = (await waitForEmails(email, 2))[1];
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
