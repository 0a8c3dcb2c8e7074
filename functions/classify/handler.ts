// Classify queue consumer: classify, acknowledge and route each new case.
import { z } from 'zod';
import { wire } from '../../shared/adapters/wiring.ts';
import { activeDeployment } from '../../shared/config/deployment.ts';
import { FUNCTIONS } from '../../shared/declaration/index.ts';
import { defaultClassifier } from '../../shared/domain/classification/default-classifier.ts';
import { functionLogger } from '../../shared/http/http-function.ts';
import { queueFunction } from '../../shared/queue/queue-function.ts';
import { classifyCaseUseCase } from '../../shared/use-cases/classify-case.ts';
import { LearnedRulesClassifier } from '../../shared/use-cases/learned-classifier.ts';

const spec = FUNCTIONS.classify;
const learnedRulesLog = functionLogger();
const wired = wire(spec);
const deps = {
  store: wired.caseStore(),
  queues: wired.workQueues(),
  mailer: wired.mailer(),
  // The deployment's classifier plus the rules leads learned from corrections: read at most
  // once a minute, rebuilt when they changed (effective within a minute).
  classifier: new LearnedRulesClassifier({
    rules: wired.routingRules(),
    deployment: activeDeployment(),
    base: defaultClassifier(),
    clock: wired.clock,
    onReadError: (error) =>
      learnedRulesLog.warn('learned routing rules could not be read; classifying with those last read', {
        error,
      }),
  }),
  clock: wired.clock,
  publicBaseUrl: wired.publicBaseUrl(),
  recipients: wired.recipients(),
  limits: wired.ackLimits(),
};

export const handler = queueFunction(spec, z.object({ caseId: z.string().min(1) }), (message) =>
  classifyCaseUseCase(deps, message.caseId),
);
