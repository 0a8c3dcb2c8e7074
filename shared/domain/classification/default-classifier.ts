// The classifier as functions use it: eld's six-language profile, and the deployment's
// knowledge-base index, routing rules and vendor catalogue. Built once per process; its cost is
// the cold-start initialisation that `npm run bench:classify` measures. It reads the
// configuration raw (deployment-source.ts), trusting what start and synth validated, so a cold
// start loads neither zod nor the other policies' parsers.
import { activeSource, type RawDeployment } from '../../config/deployment-source.ts';
import type { Article } from '../../knowledge-base/article.ts';
import { KnowledgeBase, type SerializedKnowledgeBase } from '../../knowledge-base/knowledge-base.ts';
import { parseVendorCatalogue, type Vendor } from '../vendor-catalogue.ts';
import { Classifier } from './classifier.ts';
import { translationsOf } from './it-vocabulary.ts';
import { LanguageDetector } from './language-detector.ts';
import type { RoutingRule } from './routing-rules.ts';
import { compileRoutingRules } from './rule-compiler.ts';

/** What a classifier takes from a deployment; a validated Deployment (deployment.ts) is one. */
export type ClassifierConfig = {
  source: string;
  vendors: readonly Vendor[];
  routingRules: readonly RoutingRule[];
  articles: readonly Article[];
  kbIndex?: SerializedKnowledgeBase;
};

let active: ClassifierConfig | undefined;
let classifier: Classifier | undefined;

/** This process's configuration as the classifier needs it (the vendors' own parser is zod/mini). */
function activeClassifierConfig(): ClassifierConfig {
  active ??= classifierConfigOf(activeSource());
  return active;
}

function classifierConfigOf(raw: RawDeployment): ClassifierConfig {
  return {
    source: raw.source,
    vendors: parseVendorCatalogue(raw.files.vendors, `${raw.source}/vendor-catalogue.json`),
    routingRules: (raw.files.routingRules as { rules: RoutingRule[] }).rules,
    articles: (raw.articles as Array<Article & { __file?: string }>).map(
      ({ __file: _file, ...article }) => article,
    ),
    ...(raw.kbIndex ? { kbIndex: raw.kbIndex } : {}),
  };
}

const knowledgeBases = new Map<string, KnowledgeBase>();

/** The deployment's search indexes: loaded as synth built them, or built from its articles once. */
export function knowledgeBaseOf(config: ClassifierConfig): KnowledgeBase {
  let kb = knowledgeBases.get(config.source);
  if (!kb) {
    kb = config.kbIndex ? KnowledgeBase.load(config.kbIndex) : KnowledgeBase.build(config.articles);
    knowledgeBases.set(config.source, kb);
  }
  return kb;
}

export function defaultKnowledgeBase(): KnowledgeBase {
  return knowledgeBaseOf(activeClassifierConfig());
}

/**
 * A classifier for a deployment: its articles, its rules, its vendors — and `learned` rules
 * (leads' rules from agents' corrections, stored in the table) after the configured ones.
 */
export function createClassifier(
  config: ClassifierConfig = activeClassifierConfig(),
  learned: readonly RoutingRule[] = [],
): Classifier {
  const kb = knowledgeBaseOf(config);
  return new Classifier(
    new LanguageDetector(),
    (query, language) => kb.search(query, language, { typoTolerance: false, limit: 3 }),
    config.vendors,
    compileRoutingRules([...config.routingRules, ...learned], translationsOf),
  );
}

export function defaultClassifier(): Classifier {
  classifier ??= createClassifier();
  return classifier;
}
