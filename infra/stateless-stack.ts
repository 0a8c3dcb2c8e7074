// The functions and what triggers them, built in one loop over the declaration
// (functions/system.ts): HTTP routes on an HTTP API, queue consumers, the minute schedule
// and the inbound-mail receipt rule.
//
// HTTP API rather than REST API: about a third of the price per request, lower latency, and
// native JWT authorizers for Cognito. Its own refusals (authorizer 401, throttling 429) carry
// API Gateway's body, not ours — every function answer is our JSON error shape.
import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sesActions from 'aws-cdk-lib/aws-ses-actions';
import type { Construct } from 'constructs';
import {
  ENV,
  environmentNames,
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  QUEUES,
  type QueueName,
} from '../functions/system.ts';
import { TierdeskFunction } from './constructs/tierdesk-function.ts';
import type { StatefulStack } from './stateful-stack.ts';

export type StatelessStackProps = StackProps & { stateful: StatefulStack };

const DEFAULT_THROTTLE = { rate: 100, burst: 200 };

export class StatelessStack extends Stack {
  readonly functions = {} as Record<FunctionName, TierdeskFunction>;
  readonly api: apigwv2.HttpApi;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful } = props;

    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: 'tierdesk: intake, cases, triage and the agent API',
      corsPreflight: {
        allowOrigins: ['*'],
        allowMethods: [apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.POST, apigwv2.CorsHttpMethod.PUT],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        maxAge: Duration.hours(1),
      },
    });
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${stateful.userPool.userPoolId}`;
    const agentAuthorizer = new HttpJwtAuthorizer('AgentJwt', issuer, {
      jwtAudience: [stateful.userPoolClient.userPoolClientId],
    });

    const environment: Record<string, string> = {
      [ENV.table]: stateful.table.tableName,
      [ENV.rawMailBucket]: stateful.mailBucket.bucketName,
      [ENV.mailFrom]: `tierdesk <support@${stateful.mailDomain}>`,
      [ENV.publicBaseUrl]: this.api.apiEndpoint,
      [ENV.jwtIssuer]: issuer,
      [ENV.jwtAudience]: stateful.userPoolClient.userPoolClientId,
      [ENV.jwksUrl]: `${issuer}/.well-known/jwks.json`,
      ...Object.fromEntries(
        Object.entries(stateful.queues).map(([name, q]) => [ENV.queueUrl(name as QueueName), q.queueUrl]),
      ),
    };

    // RouteSettings is a plain JSON map in CloudFormation: the keys are spelled as CloudFormation wants.
    const routeThrottles: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const [name, spec] of Object.entries(FUNCTIONS) as Array<[FunctionName, FunctionSpec]>) {
      const declared = new Set(environmentNames(spec));
      const fn = new TierdeskFunction(this, name, {
        name,
        spec,
        stateful,
        // Only the settings the declaration promises this function, nothing more.
        environment: Object.fromEntries(Object.entries(environment).filter(([key]) => declared.has(key))),
      });
      this.functions[name] = fn;
      const trigger = spec.trigger;
      if (trigger.kind === 'http') {
        const integration = new HttpLambdaIntegration(`${name}Integration`, fn.fn);
        for (const route of trigger.routes) {
          const [created] = this.api.addRoutes({
            path: route.path,
            methods: [route.method as apigwv2.HttpMethod],
            integration,
            // Agent-only routes are also refused at the gateway. Customer routes carry a case
            // token, which is not a JWT: the function checks it (shared/http/caller.ts).
            ...(route.access.kind === 'agent' ? { authorizer: agentAuthorizer } : {}),
          });
          if (created && route.access.kind !== 'agent') {
            Validations.of(created).acknowledge({
              id: 'AwsSolutions-APIG4',
              reason: `${route.method} ${route.path} is declared '${route.access.kind}' in functions/system.ts; a customer's case token or nothing is checked inside the function`,
            });
          }
          if (route.throttle) {
            routeThrottles[`${route.method} ${route.path}`] = {
              ThrottlingRateLimit: route.throttle.rate,
              ThrottlingBurstLimit: route.throttle.burst,
            };
          }
        }
      } else if (trigger.kind === 'queue') {
        fn.fn.addEventSource(
          new SqsEventSource(stateful.queues[trigger.queue], {
            batchSize: QUEUES[trigger.queue].batchSize,
            maxBatchingWindow: Duration.seconds(1),
            reportBatchItemFailures: true,
          }),
        );
      } else if (trigger.kind === 'schedule') {
        new events.Rule(this, `${name}Schedule`, {
          description: `Runs ${name} every ${trigger.everyMinutes} minute(s)`,
          schedule: events.Schedule.rate(Duration.minutes(trigger.everyMinutes)),
          targets: [new targets.LambdaFunction(fn.fn, { retryAttempts: 2 })],
        });
      } else {
        new ses.ReceiptRuleSet(this, 'InboundMail', {
          rules: [
            {
              recipients: [`support@${stateful.mailDomain}`],
              scanEnabled: true,
              tlsPolicy: ses.TlsPolicy.REQUIRE,
              actions: [
                new sesActions.S3({ bucket: stateful.mailBucket, objectKeyPrefix: 'inbound/' }),
                new sesActions.Lambda({
                  function: fn.fn,
                  invocationType: sesActions.LambdaInvocationType.EVENT,
                }),
              ],
            },
          ],
        });
      }
    }

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
    });
    const stage = this.api.defaultStage?.node.defaultChild as apigwv2.CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
        error: '$context.error.message',
        authorizerError: '$context.authorizer.error',
      }),
    };
    stage.defaultRouteSettings = {
      throttlingRateLimit: DEFAULT_THROTTLE.rate,
      throttlingBurstLimit: DEFAULT_THROTTLE.burst,
    };
    stage.routeSettings = routeThrottles;

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: stateful.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: stateful.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: stateful.userPoolClient.userPoolClientId });
  }
}
