// The classifier on its own: pure, no I/O. The knowledge base is replaced by a fake search
// so these tests pin the rules, not the articles.
import { describe, expect, it } from 'vitest';
import { Classifier } from '../../shared/domain/classification/classifier.ts';
import { browserLanguage, LanguageDetector } from '../../shared/domain/classification/language-detector.ts';
import { DEFAULT_VENDORS } from '../../shared/domain/vendor-catalogue.ts';
import type { ArticleHit } from '../../shared/knowledge-base/knowledge-base.ts';

const detector = new LanguageDetector();
const passwordArticle = (lang: ArticleHit['lang']): ArticleHit[] => [
  {
    id: 'reset-password',
    lang,
    category: 'service',
    title: 'Reset a forgotten password',
    summary: '',
    score: 12,
    matchedTerms: 2,
  },
];
const classifier = new Classifier(
  detector,
  (query, lang) => (/pass|wacht|contra|mot de passe|пароль/i.test(query) ? passwordArticle(lang) : []),
  DEFAULT_VENDORS,
);
const classify = (subject: string, description: string, extra: object = {}) =>
  classifier.classify({ subject, description, ...extra });

describe('language detection', () => {
  it.each([
    ['en', 'My laptop does not start since this morning'],
    ['de', 'Mein Laptop startet seit heute Morgen nicht mehr'],
    ['nl', 'Mijn laptop start sinds vanochtend niet meer op'],
    ['fr', 'Mon ordinateur portable ne démarre plus depuis ce matin'],
    ['es', 'Mi portátil no arranca desde esta mañana'],
    ['ru', 'Мой ноутбук не включается с утра'],
  ] as const)('reads a one-sentence %s request', (language, text) => {
    expect(detector.detect(text).language).toBe(language);
  });

  it('lets the form language decide when the text is too short to tell', () => {
    expect(detector.detect('VPN kaputt', { form: 'de' }).language).toBe('de');
    expect(detector.detect('Outlook', { form: 'nl' }).language).toBe('nl');
  });

  it('falls back to the browser language, by quality', () => {
    expect(browserLanguage('pt-BR,fr;q=0.8,de;q=0.9')).toBe('de');
    expect(browserLanguage('ja')).toBeUndefined();
    expect(detector.detect('Teams', { acceptLanguage: 'es-ES,es;q=0.9' }).language).toBe('es');
  });
});

describe('classification', () => {
  it('answers a how-to question from the knowledge base (level 0, P5)', () => {
    const v = classify('Passwort vergessen', 'Wie kann ich mein Passwort zurücksetzen?');
    expect(v).toMatchObject({ language: 'de', level: 0, priority: 'P5', kind: 'how-to' });
    expect(v.articles[0]?.id).toBe('reset-password');
    expect(v.reasons.join(' ')).toContain('Reset a forgotten password');
  });

  it('sends billing and licence questions to the ticket desk (level 1)', () => {
    expect(
      classify('Factuur', 'Op de factuur van de verlenging staat het verkeerde btw-nummer.'),
    ).toMatchObject({
      level: 1,
      category: 'service',
    });
    expect(classify('Licencia', 'Necesitamos una licencia adicional para un nuevo empleado.')).toMatchObject({
      level: 1,
    });
  });

  it('books a technical callback for an installer error (level 2) and asks for a phone number', () => {
    const v = classify('Installer error', 'The installer stops with an access denied error on my PC.');
    expect(v).toMatchObject({ level: 2, category: 'software' });
    expect(v.missingFacts).toContain('phone');
    expect(v.missingFacts).not.toContain('errorText');
  });

  it('sends integration faults to the experts (level 3)', () => {
    expect(
      classify(
        'SSO',
        'Single sign-on rejette des jetons valides depuis la mise à jour, tous les utilisateurs sont bloqués.',
      ),
    ).toMatchObject({
      level: 3,
      impact: 'high',
    });
    expect(
      classify('Ночная задача', 'Ночная задача импорта зависает с deadlock в базе данных.'),
    ).toMatchObject({ level: 3 });
  });

  it('sends vendor-maintained items to level 4 and names the vendor', () => {
    const v = classify('Kopierer', 'Der Kopierer im 2. OG zeigt Fehler E-52 und druckt nicht.');
    expect(v).toMatchObject({ level: 4, category: 'hardware', vendor: { id: 'printcare' } });
    expect(v.reasons.join(' ')).toContain('PrintCare');
  });

  it('derives priority from impact × urgency, with the customer’s form taking precedence', () => {
    expect(classify('Email down', 'Nobody in the company can send email, urgent!')).toMatchObject({
      impact: 'high',
      urgency: 'high',
      priority: 'P1',
    });
    expect(classify('Email', 'Outlook is slow', { impact: 'medium', urgency: 'low' })).toMatchObject({
      priority: 'P4',
    });
    expect(classify('Monitor', 'My second monitor flickers, no rush.')).toMatchObject({
      impact: 'low',
      urgency: 'low',
      priority: 'P5',
    });
  });

  it('counts the people affected', () => {
    expect(classify('VPN', '25 Mitarbeiter können sich nicht mit dem VPN verbinden.')).toMatchObject({
      impact: 'high',
    });
    expect(classify('VPN', 'VPN werkt niet voor 5 medewerkers')).toMatchObject({ impact: 'medium' });
  });

  it('sends what it cannot read to a person at level 1, with low confidence', () => {
    const v = classify('hello', 'hello');
    expect(v.level).toBe(1);
    expect(v.confidence).toBeLessThan(0.5);
  });

  it('always explains itself', () => {
    const v = classify('Printer', 'Our printer is broken');
    expect(v.reasons.some((r) => r.startsWith('language'))).toBe(true);
    expect(v.reasons.some((r) => r.startsWith('priority'))).toBe(true);
    expect(v.reasons.some((r) => r.startsWith('level'))).toBe(true);
  });

  it('is deterministic', () => {
    const input = { subject: 'Outlook', description: 'Outlook stürzt seit dem Update ab' };
    expect(classifier.classify(input)).toEqual(classifier.classify(input));
  });
});
