// The knowledge-base articles, loaded from their JSON files and validated once.
import { z } from 'zod';
import { type Article, ArticleSchema } from './article.ts';
import de from './articles/de.json' with { type: 'json' };
import en from './articles/en.json' with { type: 'json' };
import es from './articles/es.json' with { type: 'json' };
import fr from './articles/fr.json' with { type: 'json' };
import nl from './articles/nl.json' with { type: 'json' };
import ru from './articles/ru.json' with { type: 'json' };

export function loadArticles(): Article[] {
  return z.array(ArticleSchema).parse([...en, ...de, ...nl, ...fr, ...es, ...ru]);
}
