// Finds lexicon terms in tokenized text in one pass. Terms are indexed by their first word;
// for each token we look up its prefixes, so the cost grows with the text, not the lexicon.
import { normalize, tokenize } from './text-normalizer.ts';

type Word = { stem: string; whole: boolean };
type Term<T> = { words: Word[]; value: T; text: string };

const MIN_PREFIX = 2;
const MAX_PREFIX = 24;

export class TermMatcher<T> {
  private readonly byFirstStem = new Map<string, Term<T>[]>();

  /** `terms` in lexicon syntax: space-separated; `word$` whole word; `a_b` a phrase. */
  add(terms: string, value: T): this {
    for (const raw of terms.split(/\s+/).filter(Boolean)) {
      const words = normalize(raw)
        .split('_')
        .filter(Boolean)
        .map((w) => (w.endsWith('$') ? { stem: w.slice(0, -1), whole: true } : { stem: w, whole: false }));
      const first = words[0];
      if (!first) continue;
      const list = this.byFirstStem.get(first.stem) ?? [];
      list.push({ words, value, text: raw });
      this.byFirstStem.set(first.stem, list);
    }
    return this;
  }

  /** Every match, as the value and the term that matched. */
  match(tokens: readonly string[]): Array<{ value: T; term: string }> {
    const found: Array<{ value: T; term: string }> = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      const longest = Math.min(token.length, MAX_PREFIX);
      for (let length = MIN_PREFIX; length <= longest; length++) {
        const candidates = this.byFirstStem.get(token.slice(0, length));
        if (!candidates) continue;
        for (const term of candidates)
          if (matchesAt(term.words, tokens, i)) found.push({ value: term.value, term: term.text });
      }
    }
    return found;
  }
}

function matchesAt(words: Word[], tokens: readonly string[], start: number): boolean {
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as Word;
    const token = tokens[start + k];
    if (token === undefined) return false;
    if (word.whole ? token !== word.stem : !token.startsWith(word.stem)) return false;
  }
  return true;
}

export function tokensOf(text: string): string[] {
  return tokenize(normalize(text));
}
