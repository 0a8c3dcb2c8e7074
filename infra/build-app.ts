// Builds the tierdesk CDK app: the stateful stack, the stateless stack on top of it, and the
// cdk-nag AwsSolutions checks. infra/app.ts synthesizes it; the tests build it in memory.
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { acknowledgeKnownFindings } from './nag-acknowledgements.ts';
import { type Stage, StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export type TierdeskApp = { app: App; stateful: StatefulStack; stateless: StatelessStack };

export function buildApp(props: AppProps = {}): TierdeskApp {
  const app = new App(props);
  const stage = (app.node.tryGetContext('tierdesk:stage') ?? 'dev') as Stage;
  if (stage !== 'dev' && stage !== 'prod')
    throw new Error(`tierdesk:stage must be dev or prod, not ${stage}`);
  const mailDomain = String(app.node.tryGetContext('tierdesk:mailDomain') ?? 'support.example.com');
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, `tierdesk-${stage}-stateful`, { stage, mailDomain, env });
  const stateless = new StatelessStack(app, `tierdesk-${stage}-stateless`, { stateful, env });
  acknowledgeKnownFindings(stateful, stateless);
  if (process.env.CDK_VALIDATION !== 'false') Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stateful, stateless };
}
