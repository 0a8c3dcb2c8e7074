// The classifier of the classify function: the deployment's own (its articles, vendors and
// configured routing rules) plus the routing rules leads learned from corrections
// (routing-rules.ts). Learned rules take effect within a minute: the learned rules are read
// with one query at most once every LEARNED_RULES_MAX_AGE_MS per warm function, and the
// classifier is rebuilt only when they changed. A learned rule whose id is a configured rule's
// is ignored (the API refuses to create one; this guards the configuration anyway).
import type { Classifier } from '../domain/classification/classifier.ts';
import { type ClassifierConfig, createClassifier } from '../domain/classification/default-classifier.ts';
import type { RoutingRuleStore } from './ports.ts';

/** How long a warm function classifies with the learned rules it read (effective within a minute). */
export const LEARNED_RULES_MAX_AGE_MS = 60_000;

/** What the classify use case asks for a classifier; a plain Classifier serves as well. */
export type ClassifierSource = { current(): Promise<Classifier> };

export class LearnedRulesClassifier implements ClassifierSource {
  private classifier: Classifier;
  private signature = '[]';
  private readAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: {
      rules: Pick<RoutingRuleStore, 'listLearned'>;
      /** The deployment's configuration as the classifier takes it (its configured rules included). */
      deployment: ClassifierConfig;
      /** The classifier without learned rules (the process's own, already built). */
      base: Classifier;
      clock: () => Date;
      maxAgeMs?: number;
      /** Told when the learned rules could not be read (the handler logs it). */
      onReadError?: (error: unknown) => void;
    },
  ) {
    this.classifier = deps.base;
  }

  async current(): Promise<Classifier> {
    const now = this.deps.clock().getTime();
    if (now - this.readAt < (this.deps.maxAgeMs ?? LEARNED_RULES_MAX_AGE_MS)) return this.classifier;
    const configured = new Set(this.deps.deployment.routingRules.map((r) => r.id));
    let stored: Awaited<ReturnType<RoutingRuleStore['listLearned']>>;
    try {
      stored = await this.deps.rules.listLearned();
    } catch (error) {
      // A throttled or failed read must not stop classification: keep the rules last read and
      // try again after the next interval.
      this.readAt = now;
      this.deps.onReadError?.(error);
      return this.classifier;
    }
    const learned = stored
      .map((l) => l.rule)
      .filter((rule) => !configured.has(rule.id))
      .sort((a, b) => a.id.localeCompare(b.id));
    this.readAt = now;
    const signature = JSON.stringify(learned);
    if (signature !== this.signature) {
      this.classifier = learned.length ? createClassifier(this.deps.deployment, learned) : this.deps.base;
      this.signature = signature;
    }
    return this.classifier;
  }
}
