// A knowledge-base article (level 0 self-help). Articles are data, one JSON file a language
// in ./articles; every article exists in all six languages under the same id.
import { z } from 'zod';
import { CATEGORIES, LANGUAGES } from '../domain/support-model.ts';

export const ArticleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  lang: z.enum(LANGUAGES),
  category: z.enum(CATEGORIES),
  title: z.string().min(3),
  summary: z.string().min(3),
  steps: z.array(z.string().min(3)).min(1),
  keywords: z.array(z.string().min(1)).min(1),
});
export type Article = z.infer<typeof ArticleSchema>;
