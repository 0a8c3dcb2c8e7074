// Snowball stemmers, one per language, made on first use (each costs a few milliseconds),
// with a cache: the same words come back again and again in support requests.
import snowball from 'snowball-stemmers';
import { normalize } from '../domain/classification/text-normalizer.ts';
import type { Language } from '../domain/support-model.ts';

const ALGORITHM: Record<Language, string> = {
  en: 'english',
  de: 'german',
  nl: 'dutch',
  fr: 'french',
  es: 'spanish',
  ru: 'russian',
};
const stemmers = new Map<Language, { stem(word: string): string }>();
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Stems one lower-case word, then folds accents so "contraseña" and "contrasena" meet. */
export function stem(word: string, language: Language): string {
  const key = `${language}:${word}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let stemmer = stemmers.get(language);
  if (!stemmer) {
    stemmer = snowball.newStemmer(ALGORITHM[language]);
    stemmers.set(language, stemmer);
  }
  const stemmed = normalize(stemmer.stem(word));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, stemmed);
  return stemmed;
}
