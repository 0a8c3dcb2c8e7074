// The one way tierdesk turns a declared function (shared/declaration) into a Lambda: runtime,
// architecture, ESM bundling, logs, tracing, environment, alarm and least-privilege grants all
// follow from the declaration, so the stack states each function in a single line.
import { join, relative } from 'node:path';
import { Duration, type RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BUNDLE_FILE, DEPLOYMENT_BUNDLE_ENV } from '../../shared/config/deployment-source.ts';
import {
  FUNCTION_TIMEOUT_SECONDS,
  type FunctionName,
  type FunctionSpec,
  type QueueName,
  RAW_MAIL_PREFIX,
  type TableAccess,
} from '../../shared/declaration/index.ts';
import { type EnvironmentValues, functionEnvironment } from '../function-environment.ts';
import { acknowledgeNag, acknowledgeNagWildcardResource } from '../nag.ts';
import { ONE_MINUTE, opsAlarm } from './ops-alarms.ts';

const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** The newest Node.js Lambda runs (aws-cdk-lib 2.276 has it); esbuild targets the same major. */
const LAMBDA_RUNTIME = Runtime.NODEJS_24_X;
const ESBUILD_TARGET = 'node24';
const DEFAULT_MEMORY_MB = 512;

// esbuild's ESM output has no `require`, yet CommonJS dependencies (mailparser, …) call it for
// Node built-ins. The alias keeps the banner's import from clashing with a bundled one.
const REQUIRE_BANNER =
  "import { createRequire as __tierdeskCreateRequire } from 'node:module'; const require = __tierdeskCreateRequire(import.meta.url);";

/** What functions may be granted and told about; the stateless stack fills it from the stateful one. */
export type TierdeskResources = {
  table: ITable;
  queues: Record<QueueName, IQueue>;
  rawMailBucket: IBucket;
  mailIdentity: IEmailIdentity;
  mailConfigurationSetName: string;
  /** The one address functions send as. */
  supportAddress: string;
  alarmTopic: ITopic;
  environment: EnvironmentValues;
  logRemovalPolicy: RemovalPolicy;
  /** The compiled configuration (deployment-settings.ts), copied into every function's asset. */
  deploymentBundleFile: string;
};

export type TierdeskFunctionProps = { name: FunctionName; spec: FunctionSpec; resources: TierdeskResources };

/** Names the declared function on its Lambda, so tests and people can find it in a template. */
export const FUNCTION_TAG = 'tierdesk:function';

export class TierdeskFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly errorsAlarm: Alarm;

  constructor(scope: Construct, id: string, props: TierdeskFunctionProps) {
    super(scope, id);
    const { spec, resources } = props;

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: resources.logRemovalPolicy,
    });
    // An own role instead of AWSLambdaBasicExecutionRole: it may write to this function's log
    // group only, not create and write any log group in the account.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, spec.entry),
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      description: spec.description,
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(spec.timeoutSeconds ?? FUNCTION_TIMEOUT_SECONDS),
      role: this.role,
      logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        ...functionEnvironment(spec, resources.environment),
        POWERTOOLS_SERVICE_NAME: 'tierdesk',
        [DEPLOYMENT_BUNDLE_ENV]: BUNDLE_FILE,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: ESBUILD_TARGET,
        minify: true,
        sourceMap: true,
        // Stack traces still point at file:line; the sources themselves need not ship.
        sourcesContent: false,
        mainFields: ['module', 'main'],
        banner: REQUIRE_BANNER,
        // Ship the SDK versions package-lock.json pins and the tests ran against, not whatever
        // version the Lambda runtime happens to carry.
        bundleAwsSDK: true,
        // The deployment's configuration rides in the asset beside index.mjs: no folder to
        // read at run time, and the indexes are already built.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp "${join(inputDir, relative(REPO_ROOT, resources.deploymentBundleFile))}" "${join(outputDir, BUNDLE_FILE)}"`,
          ],
        },
      },
    });
    Tags.of(this.function).add(FUNCTION_TAG, props.name);
    acknowledgeNag(
      this.role,
      'X-Ray (tracing ACTIVE) accepts trace segments only on Resource "*"; it has no resource-level permissions.',
      'IAM5[Resource::*]',
    );

    this.grantWhatItUses(spec, resources);

    this.errorsAlarm = opsAlarm(this, 'ErrorsAlarm', {
      metric: this.function.metricErrors({ period: ONE_MINUTE, statistic: 'Sum' }),
      threshold: 1,
      description: `tierdesk ${id}: the function failed (${spec.description})`,
      topic: resources.alarmTopic,
    });
  }

  /**
   * What a send really needs. SES authorizes ses:SendEmail against every identity the message
   * involves — in the sandbox the recipient's too — and against the configuration set it names;
   * so the grant covers the account's identities and that one configuration set, and only for
   * mail from the support address.
   */
  private grantSendMail(resources: TierdeskResources): void {
    const stack = Stack.of(this);
    this.role.addToPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: resources.mailConfigurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': resources.supportAddress } },
      }),
    );
    acknowledgeNagWildcardResource(
      this.role,
      'In the SES sandbox every recipient is an identity that SendEmail is authorized against, so sending needs identity/*; the ses:FromAddress condition keeps it to mail from the support address.',
      /^Resource::arn:.*:ses:.*:identity\/\*$/,
    );
  }

  /**
   * The table access `uses.table` declares (model.ts, TableAccess). CDK's grants cover the
   * string forms; its helpers cannot name an index-only Query or a LeadingKeys condition, so
   * the object forms are explicit statements.
   */
  private grantTable(access: TableAccess, table: ITable): void {
    const indexes = `${table.tableArn}/index/*`;
    if (access === 'read') table.grantReadData(this.role);
    else if (access === 'readwrite') table.grantReadWriteData(this.role);
    else if ('query' in access) {
      this.role.addToPolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [indexes] }));
    } else {
      this.role.addToPolicy(
        new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [table.tableArn] }),
      );
      this.role.addToPolicy(
        new PolicyStatement({
          actions: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
          resources: [table.tableArn],
          conditions: {
            'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...access.writePartitions] },
          },
        }),
      );
    }
    // Only the item-and-partition form names no index.
    if (typeof access === 'string' || 'query' in access) {
      acknowledgeNagWildcardResource(
        this.role,
        'The wildcard names the table’s own global secondary indexes (<table>/index/*), which serve the declared access patterns.',
        /^Resource::.+\/index\/\*$/,
      );
    }
  }

  /** Exactly the access `spec.uses` declares; `auth` needs none (the JWKS is public). */
  private grantWhatItUses(spec: FunctionSpec, resources: TierdeskResources): void {
    const { uses } = spec;
    if (uses.table) this.grantTable(uses.table, resources.table);
    for (const queue of uses.queues ?? []) resources.queues[queue].grantSendMessages(this.role);
    if (uses.sendMail) this.grantSendMail(resources);
    if (uses.rawMail === 'read') {
      resources.rawMailBucket.grantRead(this.role, `${RAW_MAIL_PREFIX}*`);
      // The read grant's List* lets a missing object read as 404 (NoSuchKey) rather than 403,
      // so intake can tell a lost message from a permission fault.
      acknowledgeNag(
        this.role,
        'CDK’s read grant on the raw-mail bucket only: GetObject* on inbound/ objects, GetBucket*/List* on the bucket so a missing message reads as NoSuchKey, not AccessDenied.',
        'IAM5[Action::s3:GetObject*]',
        'IAM5[Action::s3:GetBucket*]',
        'IAM5[Action::s3:List*]',
      );
      acknowledgeNagWildcardResource(
        this.role,
        `SES names each raw message after its message id, so the readable objects are the ${RAW_MAIL_PREFIX} prefix, not a fixed list.`,
        new RegExp(`^Resource::.+/${RAW_MAIL_PREFIX}\\*$`),
      );
    }
  }
}
