// Snowball stemmers, one per language, with a cache: the same words come back again and
// again in support requests. Orama's stemmers are one small module a language, so a function
// loads only the six it needs (the all-languages snowball bundle cost ~13 ms at cold start).
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { normalize } from '../domain/classification/text-normalizer.ts';
import type { Language } from '../domain/support-model.ts';

const STEMMERS: Record<Language, (word: string) => string> = {
  en: english,
  de: german,
  nl: dutch,
  fr: french,
  es: spanish,
  ru: russian,
};
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Stems one lower-case word, then folds accents so "contraseña" and "contrasena" meet. */
export function stem(word: string, language: Language): string {
  const key = `${language}:${word}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const stemmed = normalize(STEMMERS[language](word));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, stemmed);
  return stemmed;
}
