// Full-text search over the articles: MiniSearch with per-language Snowball stemming, prefix
// matching and typo tolerance. Each indexed word carries its language (`de:druck`), so an
// article is found only in its own language and stems of different languages never mix.
// The index is built ahead of time (npm run build:kb-index) and loaded at cold start,
// because stemming every article word again would cost ~200 ms.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Category, Language } from '../domain/support-model.ts';
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

export class KnowledgeBase {
  private constructor(private readonly index: MiniSearch<IndexedArticle>) {}

  static build(articles: readonly Article[]): KnowledgeBase {
    const index = new MiniSearch<IndexedArticle>(miniSearchOptions());
    index.addAll(articles.map((a) => ({ ...a, key: `${a.lang}:${a.id}` })));
    return new KnowledgeBase(index);
  }

  /** Loads an index that `serialize()` wrote, already parsed (e.g. imported as JSON). */
  static load(parsed: unknown): KnowledgeBase {
    return new KnowledgeBase(
      MiniSearch.loadJS<IndexedArticle>(
        parsed as Parameters<typeof MiniSearch.loadJS>[0],
        miniSearchOptions(),
      ),
    );
  }

  get size(): number {
    return this.index.documentCount;
  }

  serialize(): string {
    return JSON.stringify(this.index);
  }

  search(query: string, language: Language, options: SearchOptions = {}): ArticleHit[] {
    const words = (query.match(WORD) ?? []).slice(0, options.maxWords ?? 60);
    const terms = [
      ...new Set(words.map((w) => languageTerm(w, language)).filter((t): t is string => t !== null)),
    ];
    if (terms.length === 0) return [];
    const typos = options.typoTolerance !== false;
    const results = this.index.search(
      { combineWith: 'OR', queries: terms },
      {
        filter: (r) => r.lang === language,
        // `de:` is three characters of the term; only longer words get prefix and typo help.
        prefix: (term) => term.length >= 8,
        fuzzy: (term) => (typos && term.length >= 8 ? 0.2 : false),
        processTerm: (t) => t,
      },
    );
    return results.slice(0, options.limit ?? 5).map(toHit);
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
