// Builds the serialized knowledge-base index that functions load at cold start.
// Run after changing an article: npm run build:kb-index (a test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticles } from '../shared/knowledge-base/articles.ts';
import { KnowledgeBase } from '../shared/knowledge-base/knowledge-base.ts';

const articles = loadArticles();
const out = join(import.meta.dirname, '../shared/knowledge-base/kb-index.json');
writeFileSync(out, `${KnowledgeBase.build(articles).serialize()}\n`);
console.log(`wrote ${out}: ${articles.length} articles`);
