// The classifier as functions use it: eld's six-language profile, the prebuilt knowledge-base
// index and the vendor catalogue. Built once per process; its cost is the cold-start
// initialisation that `npm run bench:classify` measures.

import { KB_INDEXES } from '../../knowledge-base/kb-index.generated.ts';
import { KnowledgeBase } from '../../knowledge-base/knowledge-base.ts';
import { VENDOR_CATALOGUE, type Vendor } from '../vendor-catalogue.ts';
import { Classifier } from './classifier.ts';
import { LanguageDetector } from './language-detector.ts';

let knowledgeBase: KnowledgeBase | undefined;
let classifier: Classifier | undefined;

export function defaultKnowledgeBase(): KnowledgeBase {
  knowledgeBase ??= KnowledgeBase.load(KB_INDEXES);
  return knowledgeBase;
}

export function createClassifier(vendors: readonly Vendor[] = VENDOR_CATALOGUE): Classifier {
  const kb = defaultKnowledgeBase();
  return new Classifier(
    new LanguageDetector(),
    (query, language) => kb.search(query, language, { typoTolerance: false, limit: 3 }),
    vendors,
  );
}

export function defaultClassifier(): Classifier {
  classifier ??= createClassifier();
  return classifier;
}
