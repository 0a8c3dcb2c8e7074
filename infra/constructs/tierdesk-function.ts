// The one construct every tierdesk function is made of: a declaration from functions/system.ts
// in, a Lambda function with our defaults out — Node 24 on arm64, ESM bundled by esbuild
// (no Docker), X-Ray tracing, a log group with a retention, an alarm on errors, and exactly
// the permissions its declaration says it uses.
import { join } from 'node:path';
import { Duration, Stack, Tags, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTION_TIMEOUT_SECONDS, type FunctionName, type FunctionSpec } from '../../functions/system.ts';
import { INDEXES } from '../../shared/adapters/dynamodb/table-keys.ts';
import type { StatefulStack } from '../stateful-stack.ts';

const ROOT = join(import.meta.dirname, '../..');

export type TierdeskFunctionProps = {
  name: FunctionName;
  spec: FunctionSpec;
  stateful: StatefulStack;
  /** The values of the environment names the declaration promises. */
  environment: Record<string, string>;
};

export class TierdeskFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, props: TierdeskFunctionProps) {
    super(scope, id);
    const { spec, stateful } = props;
    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      description: spec.description,
      entry: join(ROOT, spec.entry),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: spec.memoryMb ?? 512,
      timeout: Duration.seconds(spec.timeoutSeconds ?? FUNCTION_TIMEOUT_SECONDS),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH }),
      loggingFormat: lambda.LoggingFormat.JSON,
      depsLockFilePath: join(ROOT, 'package-lock.json'),
      projectRoot: ROOT,
      environment: {
        ...props.environment,
        ...spec.environment,
        POWERTOOLS_SERVICE_NAME: 'tierdesk',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // CommonJS dependencies bundled into ESM still call require().
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    // The parity test reads the declaration's name back from the template.
    Tags.of(this.fn).add('tierdesk:function', props.name);

    // Explicit statements instead of grant*(): exactly the actions the adapters call, on the
    // table and its named indexes — no index/* or s3:List* wildcards.
    const uses = spec.uses;
    if (uses.table) {
      const tableArn = stateful.table.tableArn;
      this.fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions:
            uses.table === 'read'
              ? ['dynamodb:GetItem', 'dynamodb:Query']
              : [
                  'dynamodb:GetItem',
                  'dynamodb:Query',
                  'dynamodb:PutItem',
                  'dynamodb:UpdateItem',
                  'dynamodb:ConditionCheckItem',
                ],
          resources: [tableArn, ...Object.values(INDEXES).map((index) => `${tableArn}/index/${index.name}`)],
        }),
      );
    }
    for (const queue of uses.queues ?? []) stateful.queues[queue].grantSendMessages(this.fn);
    if (uses.rawMail) {
      this.fn.addToRolePolicy(
        new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [stateful.inboundMailArn] }),
      );
      Validations.of(this.fn.role ?? this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${stateful.inboundMailArnPattern}]`,
        reason:
          'SES names each inbound object after its message id; the function reads only the inbound/ prefix',
      });
    }
    // X-Ray accepts trace segments only on Resource "*".
    Validations.of(this.fn.role ?? this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions',
    });
    if (uses.sendMail) {
      const stack = Stack.of(this);
      this.fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resources: [
            stack.formatArn({ service: 'ses', resource: 'identity', resourceName: stateful.mailDomain }),
          ],
        }),
      );
    }

    this.fn
      .metricErrors({ period: Duration.minutes(5) })
      .createAlarm(this, 'Errors', {
        alarmDescription: `${props.name} failed (${spec.description})`,
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      })
      .addAlarmAction(new cloudwatchActions.SnsAction(stateful.alarmTopic));
  }
}
