// The articles themselves, to read: what GET /kb/articles/{id} answers and what the
// acknowledgement quotes. Search (knowledge-base.ts) finds articles; this library holds their
// text. Read once per process from the deployment's articles, the same the index is built from.

import { activeDeployment } from '../config/deployment.ts';
import { ArticleNotFoundError } from '../domain/errors.ts';
import type { Language } from '../domain/support-model.ts';
import type { Article } from './article.ts';

/** An article as a reader sees it; the search keywords stay inside the index. */
export type ArticleText = Omit<Article, 'keywords'>;

export class ArticleLibrary {
  private readonly byKey: Map<string, ArticleText>;

  constructor(articles: readonly Article[]) {
    this.byKey = new Map(
      articles.map(({ keywords: _searchOnly, ...text }) => [key(text.id, text.lang), text]),
    );
  }

  find(id: string, language: Language): ArticleText | undefined {
    return this.byKey.get(key(id, language));
  }

  /** Like find, but an unknown article is an ArticleNotFoundError (404). */
  get(id: string, language: Language): ArticleText {
    const article = this.find(id, language);
    if (!article) throw new ArticleNotFoundError(id, language);
    return article;
  }
}

const key = (id: string, language: Language) => `${language}:${id}`;

let library: ArticleLibrary | undefined;

export function defaultArticleLibrary(): ArticleLibrary {
  library ??= new ArticleLibrary(activeDeployment().articles);
  return library;
}
