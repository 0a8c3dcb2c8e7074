// Finds lexicon terms in tokenized text in one pass. Terms are kept in a trie of their first
// word: each token walks the trie character by character, so the cost grows with the text,
// not with the lexicon, and nothing is allocated per prefix.
import { normalize, tokenize } from './text-normalizer.ts';

type Word = { stem: string; whole: boolean };
export type Match<T> = { value: T; term: string; start: number; end: number };
type Term<T> = { words: Word[]; value: T; text: string };
type TrieNode<T> = { next: Map<string, TrieNode<T>>; terms: Term<T>[] };

const MIN_PREFIX = 2;

export class TermMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map(), terms: [] };

  /**
   * `terms` in lexicon syntax: space-separated; `word$` whole word; `a_b` a phrase; `*` inside
   * a phrase any one word (`ne_*_plus`).
   */
  add(terms: string, value: T): this {
    for (const raw of terms.split(/\s+/).filter(Boolean)) {
      const words = normalize(raw)
        .split('_')
        .filter(Boolean)
        .map((w): Word => {
          if (w === '*') return { stem: '', whole: false }; // every token starts with ''
          return w.endsWith('$') ? { stem: w.slice(0, -1), whole: true } : { stem: w, whole: false };
        });
      const first = words[0];
      // A one-letter prefix would match half the words; a one-letter whole word ("l" of
      // "l'écran") is fine.
      if (!first || (!first.whole && first.stem.length < MIN_PREFIX)) continue;
      let node = this.root;
      for (const ch of first.stem) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map(), terms: [] };
          node.next.set(ch, child);
        }
        node = child;
      }
      node.terms.push({ words, value, text: raw });
    }
    return this;
  }

  /**
   * Every match, as the value, the term that matched and the tokens it covers (`start`, and
   * `end` exclusive).
   */
  match(tokens: readonly string[]): Array<Match<T>> {
    const found: Array<Match<T>> = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      let node: TrieNode<T> | undefined = this.root;
      for (let c = 0; c < token.length && node; c++) {
        node = node.next.get(token[c] as string);
        if (!node || node.terms.length === 0) continue;
        const exact = c === token.length - 1;
        for (const term of node.terms) {
          const first = term.words[0] as Word;
          if (first.whole && !exact) continue;
          if (term.words.length === 1 || restMatches(term.words, tokens, i))
            found.push({ value: term.value, term: term.text, start: i, end: i + term.words.length });
        }
      }
    }
    return found;
  }
}

function restMatches(words: Word[], tokens: readonly string[], start: number): boolean {
  for (let k = 1; k < words.length; k++) {
    const word = words[k] as Word;
    const token = tokens[start + k];
    if (token === undefined) return false;
    if (word.whole ? token !== word.stem : !token.startsWith(word.stem)) return false;
  }
  return true;
}

/**
 * The matches that no longer match contains: the words of a phrase mean what the phrase means
 * ("no se puede" is not the question "se puede"; "heute Morgen" is not the deadline "morgen").
 */
export function longestMatches<T>(matches: Array<Match<T>>): Array<Match<T>> {
  return matches.filter(
    (m) =>
      !matches.some(
        (other) => other.end - other.start > m.end - m.start && other.start <= m.start && m.end <= other.end,
      ),
  );
}

export function tokensOf(text: string): string[] {
  return tokenize(normalize(text));
}
