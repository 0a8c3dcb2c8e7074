// Every function of shared/declaration, built by one construct and wired to its trigger: HTTP
// routes, a work queue, a schedule or inbound mail. Nothing here holds data, so this stack can
// be destroyed and redeployed at will; the stateful stack keeps the data.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import {
  ASYNC_RETRY_ATTEMPTS,
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  MAIL_EVENT_TYPES,
  QUEUES,
  type Trigger,
} from '../shared/declaration/index.ts';
import { InboundMail } from './constructs/inbound-mail.ts';
import { TierdeskApi } from './constructs/tierdesk-api.ts';
import { TierdeskFunction, type TierdeskResources } from './constructs/tierdesk-function.ts';
import { supportAddress } from './deployment-settings.ts';
import { pascalCase } from './naming.ts';
import type { StatefulResources } from './stateful-stack.ts';

export type StatelessStackProps = StackProps & { stateful: StatefulResources };

/** How long an SQS trigger may wait to fill a batch: cheap batches, barely noticeable delay. */
const MAX_BATCHING_WINDOW = Duration.seconds(1);

export class StatelessStack extends Stack {
  readonly api: TierdeskApi;
  readonly functions: Record<FunctionName, TierdeskFunction>;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful } = props;
    const { settings } = stateful;

    this.api = new TierdeskApi(this, 'Api', {
      apiName: `tierdesk-${settings.stage}`,
      jwtIssuer: stateful.jwtIssuer,
      jwtAudience: stateful.userPoolClient.userPoolClientId,
      logRemovalPolicy: settings.removalPolicy,
    });

    const resources: TierdeskResources = {
      table: stateful.table,
      queues: stateful.queues,
      rawMailBucket: stateful.rawMailBucket,
      mailIdentity: stateful.mailIdentity,
      mailConfigurationSetName: stateful.mailConfigurationSetName,
      supportAddress: supportAddress(settings),
      alarmTopic: stateful.alarmTopic,
      logRemovalPolicy: settings.removalPolicy,
      deploymentBundleFile: settings.deploymentBundle.file,
      environment: {
        tableName: stateful.table.tableName,
        rawMailBucketName: stateful.rawMailBucket.bucketName,
        queueUrls: Object.fromEntries(
          Object.entries(stateful.queues).map(([name, queue]) => [name, queue.queueUrl]),
        ) as TierdeskResources['environment']['queueUrls'],
        mailFrom: `tierdesk <${supportAddress(settings)}>`,
        mailConfigurationSet: stateful.mailConfigurationSetName,
        ackLimits: JSON.stringify(settings.ackLimits),
        intakeAccess: settings.intakeAccess,
        publicBaseUrl: this.api.url,
        jwtIssuer: stateful.jwtIssuer,
        jwtAudience: stateful.userPoolClient.userPoolClientId,
        jwksUrl: `${stateful.jwtIssuer}/.well-known/jwks.json`,
      },
    };

    const functions: Partial<Record<FunctionName, TierdeskFunction>> = {};
    for (const [name, spec] of Object.entries(FUNCTIONS) as Array<[FunctionName, FunctionSpec]>) {
      const fn = new TierdeskFunction(this, pascalCase(name), { name, spec, resources });
      this.connect(pascalCase(name), spec.trigger, fn, stateful);
      functions[name] = fn;
    }
    this.functions = functions as Record<FunctionName, TierdeskFunction>;

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the tierdesk API' });
    new CfnOutput(this, 'TableName', { value: stateful.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: stateful.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: stateful.userPoolClient.userPoolClientId });
  }

  private connect(id: string, trigger: Trigger, fn: TierdeskFunction, stateful: StatefulResources): void {
    switch (trigger.kind) {
      case 'http':
        this.api.addRoutes(id, fn.function, trigger.routes);
        return;
      case 'queue':
        fn.function.addEventSource(
          new SqsEventSource(stateful.queues[trigger.queue], {
            batchSize: QUEUES[trigger.queue].batchSize,
            // Consumers report the messages that failed; the rest of the batch is not retried.
            reportBatchItemFailures: true,
            maxBatchingWindow: MAX_BATCHING_WINDOW,
          }),
        );
        return;
      case 'schedule':
        new Rule(this, `${id}Schedule`, {
          description: `tierdesk ${id}: every ${trigger.everyMinutes} minute(s)`,
          schedule: Schedule.rate(Duration.minutes(trigger.everyMinutes)),
          // The next tick is the retry: a late duplicate sweep would only add load.
          targets: [new LambdaFunction(fn.function, { retryAttempts: 0 })],
        });
        return;
      case 'inbound-mail':
        // SES invokes intake asynchronously: Lambda retries twice, then the event goes to the
        // failures queue (alarmed) instead of being dropped.
        fn.function.configureAsyncInvoke({
          retryAttempts: ASYNC_RETRY_ATTEMPTS,
          maxEventAge: Duration.hours(6),
          onFailure: new SqsDestination(stateful.inboundMailFailures),
        });
        new InboundMail(this, `${id}InboundMail`, {
          ruleSetName: `tierdesk-${stateful.settings.stage}-inbound`,
          recipient: supportAddress(stateful.settings),
          rawMailBucket: stateful.rawMailBucket,
          intake: fn.function,
        });
        return;
      case 'mail-events':
        // EventBridge invokes asynchronously: Lambda retries twice, then the event goes to the
        // failures queue (alarmed), as inbound mail does.
        fn.function.configureAsyncInvoke({
          retryAttempts: ASYNC_RETRY_ATTEMPTS,
          maxEventAge: Duration.hours(6),
          onFailure: new SqsDestination(stateful.mailEventFailures),
        });
        new Rule(this, `${id}Events`, {
          description: `tierdesk ${id}: SES bounces and complaints of the ${stateful.mailConfigurationSetName} configuration set`,
          eventPattern: {
            source: ['aws.ses'],
            detailType: [...MAIL_EVENT_TYPES],
            detail: { mail: { tags: { 'ses:configuration-set': [stateful.mailConfigurationSetName] } } },
          },
          targets: [new LambdaFunction(fn.function)],
        });
        return;
      default: {
        const unknown: never = trigger;
        throw new Error(`No wiring for trigger ${JSON.stringify(unknown)}`);
      }
    }
  }
}
