// The classifier as functions use it: eld's six-language profile, and the deployment's
// knowledge-base index, routing rules and vendor catalogue. Built once per process; its cost is
// the cold-start initialisation that `npm run bench:classify` measures.
import {
  activeDeployment,
  compiledRulesOf,
  type Deployment,
  knowledgeBaseOf,
} from '../../config/deployment.ts';
import type { KnowledgeBase } from '../../knowledge-base/knowledge-base.ts';
import { Classifier } from './classifier.ts';
import { LanguageDetector } from './language-detector.ts';
import type { RoutingRule } from './routing-rules.ts';

let classifier: Classifier | undefined;

export function defaultKnowledgeBase(): KnowledgeBase {
  return knowledgeBaseOf(activeDeployment());
}

/**
 * A classifier for `deployment`: its articles, its rules, its vendors — and `learned` rules
 * (leads' rules from agents' corrections, stored in the table) after the configured ones.
 */
export function createClassifier(
  deployment: Deployment = activeDeployment(),
  learned: readonly RoutingRule[] = [],
): Classifier {
  const kb = knowledgeBaseOf(deployment);
  return new Classifier(
    new LanguageDetector(),
    (query, language) => kb.search(query, language, { typoTolerance: false, limit: 3 }),
    deployment.vendors,
    compiledRulesOf(
      learned.length ? { ...deployment, routingRules: [...deployment.routingRules, ...learned] } : deployment,
    ),
  );
}

export function defaultClassifier(): Classifier {
  classifier ??= createClassifier();
  return classifier;
}
