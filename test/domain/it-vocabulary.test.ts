import { describe, expect, it } from 'vitest';
import { IT_VOCABULARY, translationsOf } from '../../shared/domain/classification/it-vocabulary.ts';
import { normalize } from '../../shared/domain/classification/text-normalizer.ts';
import { LANGUAGES } from '../../shared/domain/support-model.ts';

const everyTerm = IT_VOCABULARY.flatMap((concept) =>
  LANGUAGES.flatMap((language) => concept[language].map((term) => ({ concept: concept.concept, term }))),
);
const bare = (term: string) => term.replace(/\$$/, '');
/** Single-word terms without `$`: they match every word that starts with them. */
const prefixTerms = everyTerm.filter(({ term }) => !term.includes('_') && !term.endsWith('$'));
/** Single-word terms, `$` removed. */
const wordTerms = everyTerm
  .filter(({ term }) => !term.includes('_'))
  .map((t) => ({ ...t, term: bare(t.term) }));

/** Terms deliberately in two concepts: French "connexion" is a network connection and signing in. */
const SHARED_TERMS = new Set(['connexion']);

describe('IT_VOCABULARY', () => {
  it('has about 150 concepts with distinct names', () => {
    expect(IT_VOCABULARY.length).toBeGreaterThanOrEqual(140);
    const names = IT_VOCABULARY.map((concept) => concept.concept);
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes every term normalized, in lexicon syntax', () => {
    const bad = everyTerm.filter(
      ({ term }) =>
        normalize(term.replace(/\$/g, '')) !== term.replace(/\$/g, '') ||
        !/^[\p{L}\p{N}]+\$?(?:_[\p{L}\p{N}]+\$?)*$/u.test(term),
    );
    expect(bad).toEqual([]);
  });

  it('marks every word shorter than three letters as a whole word', () => {
    const short = everyTerm.filter(({ term }) =>
      term.split('_').some((word) => !word.endsWith('$') && word.length < 3),
    );
    expect(short).toEqual([]);
  });

  it('gives every concept at least one term in each of the six languages', () => {
    const missing = IT_VOCABULARY.flatMap((concept) =>
      LANGUAGES.filter((language) => concept[language].length === 0).map(
        (language) => `${concept.concept}/${language}`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('puts no term in two concepts, apart from the deliberate exceptions', () => {
    const owners = new Map<string, Set<string>>();
    for (const { concept, term } of everyTerm) {
      const key = bare(term);
      owners.set(key, (owners.get(key) ?? new Set()).add(concept));
    }
    const shared = [...owners].filter(([, concepts]) => concepts.size > 1).map(([term]) => term);
    expect(shared.sort()).toEqual([...SHARED_TERMS].sort());
  });

  it('has no stem that catches a word of another concept', () => {
    const clashes = prefixTerms.flatMap((stem) =>
      wordTerms
        .filter(
          (word) =>
            word.concept !== stem.concept && word.term.startsWith(stem.term) && !SHARED_TERMS.has(word.term),
        )
        .map((word) => `${stem.term} (${stem.concept}) catches ${word.term} (${word.concept})`),
    );
    expect(clashes).toEqual([]);
  });

  // Common words of the six languages that have nothing to do with IT. Each one was a real
  // temptation: a stem a little too short, or a false friend between two languages.
  const COMMON_WORDS = `
    important information question answer morning people weather holiday better reported taxi accurate
    red bankrupt yesterday tomorrow colleague lunch coffee family expedite
    wichtig heute morgen leider kollege wochenende urlaub frage antwort geraten lohnt links firma
    steuerung funktioniert verbindlich kundig gestern zusammen
    vandaag gisteren bedankt vraag antwoord collega vakantie bericht gewoon kunnen misschien gele
    bonjour merci aujourdhui demain collegue semaine travail toujours presque compter copier importe
    parler coller content
    importante gracias pregunta respuesta manana semana trabajo companero vacaciones repartir rojo
    accesorio nominal defecto texto ayer siempre
    почти данный спасибо вопрос ответ сегодня завтра неделя работа коллега отпуск зависимость дискуссия
    мышца считать договориться проводить упаковка памятник функционирует администрация прав`
    .split(/\s+/)
    .filter(Boolean);

  it('spot-check: no term catches common words that have nothing to do with IT', () => {
    expect(COMMON_WORDS.length).toBeGreaterThanOrEqual(60);
    const caught = COMMON_WORDS.flatMap((word) =>
      everyTerm
        .filter(({ term }) => !term.includes('_'))
        .filter(({ term }) => (term.endsWith('$') ? word === bare(term) : word.startsWith(term)))
        .map(({ term, concept }) => `${word}: ${term} (${concept})`),
    );
    expect(caught).toEqual([]);
  });
});

describe('translationsOf', () => {
  it('gives an English word its terms in the other five languages', () => {
    const terms = translationsOf('invoice');
    expect(terms).toContain('rechnung');
    expect(terms).toContain('factuur');
    expect(terms).toContain('facture');
    expect(terms).toContain('factura');
    expect(terms.some((term) => term.startsWith('счет'))).toBe(true);
    expect(terms).not.toContain('invoice');
  });

  it('works from any of the six languages', () => {
    expect(translationsOf('rechnung')).toContain('invoice');
    expect(translationsOf('factura')).toContain('rechnung');
    expect(translationsOf('счет')).toContain('invoice');
    expect(translationsOf('drucker')).toEqual(expect.arrayContaining(['printer', 'imprimante', 'принтер']));
    expect(translationsOf('passwort')).toEqual(expect.arrayContaining(['password', 'wachtwoord', 'парол']));
  });

  it('knows plural and inflected forms up to three letters past a stem', () => {
    for (const word of ['invoices', 'rechnungen', 'facturen', 'factures', 'facturas', 'счета', 'счетов'])
      expect(translationsOf(word), word).toContain('invoice');
    expect(translationsOf('принтера')).toContain('printer');
    expect(translationsOf('printers')).toContain('drucker');
    expect(translationsOf('exports')).toContain('экспорт');
    expect(translationsOf('passwords')).toContain('passwort');
  });

  it('does not stretch a stem into a different word', () => {
    expect(translationsOf('rechnungslauf')).toEqual([]); // a compound: the author writes it per language
    expect(translationsOf('important')).toEqual([]); // import$ is a whole word
    expect(translationsOf('apple')).toEqual([]); // app$ is a whole word
  });

  it('ignores a trailing $ and never returns the word itself', () => {
    expect(translationsOf('app$')).toContain('anwendung');
    expect(translationsOf('app')).not.toContain('app$');
    expect(translationsOf('data')).not.toContain('data$');
    expect(translationsOf('data')).toContain('daten$');
  });

  it('returns nothing for words it does not know', () => {
    expect(translationsOf('banana')).toEqual([]);
    expect(translationsOf('xyz')).toEqual([]);
    expect(translationsOf('')).toEqual([]);
    expect(translationsOf('export_file')).toEqual([]);
  });

  it('answers quickly', () => {
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) translationsOf(`word${i % 500}`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
