// Full-text search over the articles: MiniSearch with per-language Snowball stemming, prefix
// matching and typo tolerance. Each indexed word carries its language (`de:druck`), so an
// article is found only in its own language and stems of different languages never mix.
// The index is built ahead of time (synth puts it in the deployment bundle), one a language, and each
// is loaded when its language is first searched: stemming every article word again would
// cost ~200 ms, and loading all six indexes ~25 ms of every cold start.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { type Category, LANGUAGES, type Language } from '../domain/support-model.ts';
import type { Article } from './article.ts';
import { stem } from './stemming.ts';

export type ArticleHit = {
  id: string;
  lang: Language;
  category: Category;
  title: string;
  summary: string;
  score: number;
  /** How many distinct words of the query the article matched. */
  matchedTerms: number;
};
export type SearchOptions = { limit?: number; typoTolerance?: boolean; maxWords?: number };

type IndexedArticle = Article & { key: string };

const INDEXED_FIELDS = ['title', 'summary', 'keywords', 'steps'] as const;
const WORD = /[\p{L}\p{N}]+/gu;

function languageTerm(word: string, language: Language): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  return `${language}:${stem(lower, language)}`;
}

function miniSearchOptions(): Options<IndexedArticle> {
  return {
    idField: 'key',
    fields: [...INDEXED_FIELDS],
    storeFields: ['id', 'lang', 'category', 'displayTitle', 'displaySummary'],
    extractField: (document, field) => {
      const doc = document as unknown as Record<string, unknown>;
      if (field === 'displayTitle') return String(doc.title);
      if (field === 'displaySummary') return String(doc.summary);
      const value = doc[field];
      const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      if (!(INDEXED_FIELDS as readonly string[]).includes(field)) return text;
      // Tag every word with the article's language; processTerm stems it in that language.
      return (text.match(WORD) ?? []).map((w) => `${doc.lang}|${w}`).join(' ');
    },
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (tagged) => {
      const bar = tagged.indexOf('|');
      return bar < 0 ? tagged : languageTerm(tagged.slice(bar + 1), tagged.slice(0, bar) as Language);
    },
    searchOptions: { boost: { title: 3, keywords: 2, summary: 1.5 } },
  };
}

/** The serialized knowledge base: one MiniSearch index a language, as JSON text. */
export type SerializedKnowledgeBase = Record<Language, string>;

export class KnowledgeBase {
  private readonly indexes = new Map<Language, MiniSearch<IndexedArticle>>();

  /** `indexFor` makes a language's index when it is first searched. */
  private constructor(private readonly indexFor: (language: Language) => MiniSearch<IndexedArticle>) {}

  static build(articles: readonly Article[]): KnowledgeBase {
    const built = new Map<Language, MiniSearch<IndexedArticle>>();
    for (const language of LANGUAGES) {
      const index = new MiniSearch<IndexedArticle>(miniSearchOptions());
      index.addAll(
        articles.filter((a) => a.lang === language).map((a) => ({ ...a, key: `${a.lang}:${a.id}` })),
      );
      built.set(language, index);
    }
    return new KnowledgeBase((language) => built.get(language) as MiniSearch<IndexedArticle>);
  }

  /**
   * Loads what `serialize()` wrote. Each language's index is read on its first search, so a
   * cold start pays only for the customer's own language (~4 ms), not for all six (~25 ms).
   */
  static load(serialized: SerializedKnowledgeBase): KnowledgeBase {
    return new KnowledgeBase((language) =>
      MiniSearch.loadJSON<IndexedArticle>(serialized[language], miniSearchOptions()),
    );
  }

  serialize(): SerializedKnowledgeBase {
    return Object.fromEntries(
      LANGUAGES.map((language) => [language, JSON.stringify(this.index(language))]),
    ) as SerializedKnowledgeBase;
  }

  search(query: string, language: Language, options: SearchOptions = {}): ArticleHit[] {
    const words = (query.match(WORD) ?? []).slice(0, options.maxWords ?? 60);
    const terms = [
      ...new Set(words.map((w) => languageTerm(w, language)).filter((t): t is string => t !== null)),
    ];
    if (terms.length === 0) return [];
    const typos = options.typoTolerance !== false;
    const results = this.index(language).search(
      { combineWith: 'OR', queries: terms },
      {
        // `de:` is three characters of the term; only longer words get prefix and typo help.
        prefix: (term) => term.length >= 8,
        fuzzy: (term) => (typos && term.length >= 8 ? 0.2 : false),
        processTerm: (t) => t,
      },
    );
    return results.slice(0, options.limit ?? 5).map(toHit);
  }

  private index(language: Language): MiniSearch<IndexedArticle> {
    let index = this.indexes.get(language);
    if (!index) {
      index = this.indexFor(language);
      this.indexes.set(language, index);
    }
    return index;
  }
}

function toHit(result: SearchResult): ArticleHit {
  return {
    id: String(result.id),
    lang: result.lang as Language,
    category: result.category as Category,
    title: String(result.displayTitle),
    summary: String(result.displaySummary),
    score: Math.round(result.score * 100) / 100,
    matchedTerms: result.queryTerms.length,
  };
}
