// Builds the whole CDK app — both stacks and the cdk-nag checks — from context, so `cdk synth`
// (infra/app.ts) and the tests construct exactly the same thing.
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeploymentSettings } from './deployment-settings.ts';
import { NagWildcardAcknowledgements } from './nag.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export type BuildAppOptions = {
  /**
   * Context as `-c key=value` gives it, e.g. `{ 'tierdesk:stage': 'prod' }`. Tests add
   * `'aws:cdk:bundling-stacks': []` to skip esbuild. Under the CDK CLI, cdk.json and `-c` win.
   */
  context?: Record<string, unknown>;
};

/**
 * Feature flags this app relies on, as defaults that cdk.json may still override.
 * serverAccessLogsUseBucketPolicy: S3 access logs are delivered under a bucket policy, not the
 * legacy log-delivery ACL that BUCKET_OWNER_ENFORCED buckets refuse.
 */
const FEATURE_FLAGS = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

export function buildApp(options: BuildAppOptions = {}) {
  const app = new App({ context: { ...FEATURE_FLAGS, ...options.context } });
  const settings = readDeploymentSettings(app);
  Tags.of(app).add('application', 'tierdesk');
  Tags.of(app).add('stage', settings.stage);

  const stateful = new StatefulStack(app, `tierdesk-${settings.stage}-stateful`, {
    settings,
    description: `tierdesk (${settings.stage}): table, queues, raw mail, agent pool, mail identity`,
  });
  const stateless = new StatelessStack(app, `tierdesk-${settings.stage}-stateless`, {
    stateful,
    description: `tierdesk (${settings.stage}): functions, HTTP API, schedule, inbound mail rule`,
  });

  // A synth with an unacknowledged AwsSolutions finding fails, so none reaches a deploy.
  // The wildcard acknowledgements must run first: they name findings AwsSolutionsChecks reads.
  Validations.of(app).addPlugins(new NagWildcardAcknowledgements(), new AwsSolutionsChecks(app));
  return { app, settings, stateful, stateless };
}
