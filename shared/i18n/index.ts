// Everything said to customers, by language. A language is complete when its file satisfies
// the Messages type — the compiler refuses a missing string.
import type { Language } from '../domain/support-model.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import type { Messages } from './messages.ts';
import { nl } from './nl.ts';
import { ru } from './ru.ts';

export const MESSAGES: Record<Language, Messages> = { en, de, nl, fr, es, ru };

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}

export type { Messages };
