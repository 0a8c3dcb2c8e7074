// The CDK stacks through assertions: what DESIGN §3 asks of the table, the queues, the API, the
// triggers and the functions' permissions, checked against the declaration (shared/declaration)
// rather than against copied values.

import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { INDEXES, TABLE_KEYS } from '../../shared/adapters/dynamodb/table-keys.ts';
import { BUNDLE_FILE, DEPLOYMENT_BUNDLE_ENV } from '../../shared/config/deployment-source.ts';
import {
  allRoutes,
  environmentNames,
  FUNCTION_TIMEOUT_SECONDS,
  FUNCTIONS,
  type FunctionName,
  type FunctionSpec,
  INBOUND_MAIL_FAILURES,
  QUEUES,
  type QueueName,
  ROUTING_RULES_PARTITION,
  routeKeyOf,
} from '../../shared/declaration/index.ts';
import { resourcesOf, synthesize, tagOf } from './synth.ts';

const dev = synthesize({ stage: 'dev' });
const { stateful, stateless } = dev.templates;
const declared = Object.entries(FUNCTIONS) as Array<[FunctionName, FunctionSpec]>;

function functionResource(name: FunctionName) {
  const found = resourcesOf(stateless, 'AWS::Lambda::Function').find(
    ([, r]) => tagOf(r, 'tierdesk:function') === name,
  );
  if (!found) throw new Error(`no Lambda function tagged ${name}`);
  return found;
}

/** Every IAM statement attached to the function's role, as JSON text. */
function permissionsOf(name: FunctionName): string {
  const [, fn] = functionResource(name);
  const roleId = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const policies = resourcesOf(stateless, 'AWS::IAM::Policy').filter(([, p]) =>
    (p.Properties.Roles as Array<{ Ref: string }>).some((role) => role.Ref === roleId),
  );
  return JSON.stringify(policies.map(([, p]) => p.Properties.PolicyDocument));
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** The DynamoDB statements of the function's role, each with its actions as a list. */
function dynamoStatementsOf(name: FunctionName): Array<Statement & { actions: string[] }> {
  const documents = JSON.parse(permissionsOf(name)) as Array<{ Statement: Statement[] }>;
  return documents
    .flatMap((d) => d.Statement)
    .map((st) => ({ ...st, actions: [st.Action].flat() }))
    .filter((st) => st.actions.some((action) => action.startsWith('dynamodb:')));
}

/** The table's ARN as the stateless stack sees it: an import of the stateful stack's export. */
const isTableArn = (resource: unknown) =>
  typeof (resource as { 'Fn::ImportValue'?: unknown })['Fn::ImportValue'] === 'string';
/** `<table ARN>/index/*`: the table's global secondary indexes. */
const isTableIndexes = (resource: unknown) => {
  const [separator, parts] = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'] ?? [];
  return separator === '' && parts?.length === 2 && isTableArn(parts[0]) && parts[1] === '/index/*';
};
const DYNAMODB_WRITES = ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'].map((a) => `dynamodb:${a}`);

function queueResource(template: Template, name: QueueName) {
  const found = resourcesOf(template, 'AWS::SQS::Queue').find(([, r]) => tagOf(r, 'tierdesk:queue') === name);
  if (!found) throw new Error(`no queue tagged ${name}`);
  return found;
}

describe('stateful stack', () => {
  it('has the single table: pk/sk, on demand, PITR, encryption, TTL and the three named indexes', () => {
    stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE_KEYS.ttl, Enabled: true },
      GlobalSecondaryIndexes: Object.values(INDEXES).map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.pk, KeyType: 'HASH' },
          { AttributeName: index.sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('gives each declared queue a dead-letter queue with its maxReceiveCount, an alarm on it, and a stuck-work alarm', () => {
    const alarms = resourcesOf(stateful, 'AWS::CloudWatch::Alarm');
    for (const [name, spec] of Object.entries(QUEUES) as Array<[QueueName, (typeof QUEUES)[QueueName]]>) {
      const [, queue] = queueResource(stateful, name);
      expect(queue.Properties, name).toMatchObject({
        VisibilityTimeout: spec.visibilityTimeoutSeconds,
        SqsManagedSseEnabled: true,
        RedrivePolicy: { maxReceiveCount: spec.maxReceiveCount },
      });
      const dlqId = (queue.Properties.RedrivePolicy as { deadLetterTargetArn: { 'Fn::GetAtt': string[] } })
        .deadLetterTargetArn['Fn::GetAtt'][0] as string;
      expect(stateful.toJSON().Resources[dlqId].Properties, `${name} DLQ`).toMatchObject({
        MessageRetentionPeriod: 14 * 86_400,
        SqsManagedSseEnabled: true,
      });
      const alarm = alarms.find(([, a]) => JSON.stringify(a.Properties.Dimensions).includes(dlqId));
      expect(alarm, `alarm on the ${name} DLQ`).toBeDefined();
      expect(alarm?.[1].Properties).toMatchObject({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [expect.anything()],
      });
      const [queueId] = queueResource(stateful, name);
      const stuck = alarms.find(
        ([, a]) =>
          a.Properties.MetricName === 'ApproximateAgeOfOldestMessage' &&
          JSON.stringify(a.Properties.Dimensions).includes(`"${queueId}"`),
      );
      expect(stuck?.[1].Properties, `stuck-work alarm on the ${name} queue`).toMatchObject({
        Threshold: 300,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [expect.anything()],
      });
    }
    // Each work queue with its DLQ, and the on-failure destinations of email intake and of
    // the bounce and complaint events.
    expect(resourcesOf(stateful, 'AWS::SQS::Queue')).toHaveLength(Object.keys(QUEUES).length * 2 + 2);
    stateful.allResourcesProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('sends alarms to an encrypted ops-alarms topic that refuses plain HTTP', () => {
    stateful.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'tierdesk-dev-ops-alarms',
      KmsMasterKeyId: Match.anyValue(),
    });
    stateful.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: Match.anyValue() })]),
      }),
    });
  });

  it('keeps raw mail private, encrypted, versioned, access-logged and for 90 days', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: Match.objectLike({
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
        ],
      }),
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'inbound/', ExpirationInDays: 90, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('has an agent user pool without self sign-up, with MFA, a strong password policy and the groups', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
    const groups = resourcesOf(stateful, 'AWS::Cognito::UserPoolGroup').map(
      ([, g]) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['admin', 'agent', 'lead', 'level-1', 'level-2', 'level-3', 'level-4']);
    stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    stateful.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'support.example.com' });
  });

  it('keeps data in production (RETAIN) and cleans up in dev (DESTROY)', () => {
    const prod = synthesize({ stage: 'prod' }).templates.stateful;
    const kept = [
      'AWS::DynamoDB::Table',
      'AWS::SQS::Queue',
      'AWS::S3::Bucket',
      'AWS::Cognito::UserPool',
      'AWS::Cognito::UserPoolGroup',
      'AWS::SES::EmailIdentity',
    ];
    for (const type of kept) {
      const inProd = resourcesOf(prod, type);
      expect(inProd.length, type).toBeGreaterThan(0);
      for (const [id, r] of inProd) expect(r.DeletionPolicy, `prod ${type} ${id}`).toBe('Retain');
      for (const [id, r] of resourcesOf(stateful, type))
        expect(r.DeletionPolicy, `dev ${type} ${id}`).toBe('Delete');
    }
    prod.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
  });
});

describe('inbound mail that keeps failing', () => {
  it('goes to an alarmed failures queue after two retries, instead of being dropped', () => {
    const [queueId, queue] = resourcesOf(stateful, 'AWS::SQS::Queue').find(
      ([, r]) => tagOf(r, 'tierdesk:failed-events') === INBOUND_MAIL_FAILURES,
    ) ?? ['', undefined];
    expect(queue?.Properties).toMatchObject({
      MessageRetentionPeriod: 14 * 86_400,
      SqsManagedSseEnabled: true,
    });
    const alarm = resourcesOf(stateful, 'AWS::CloudWatch::Alarm').find(([, a]) =>
      JSON.stringify(a.Properties.Dimensions).includes(`"${queueId}"`),
    );
    expect(alarm?.[1].Properties).toMatchObject({ Threshold: 1, AlarmActions: [expect.anything()] });
    const [intakeId] = functionResource('emailIntake');
    const [, config] = resourcesOf(stateless, 'AWS::Lambda::EventInvokeConfig').find(([, c]) =>
      JSON.stringify(c.Properties.FunctionName).includes(intakeId),
    ) ?? ['', undefined];
    expect(config?.Properties).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 6 * 3600 });
    // The destination is the failures queue, reaching this stack as an export of the stateful one.
    const destination = JSON.stringify(config?.Properties.DestinationConfig);
    expect(destination).toContain('OnFailure');
    expect(destination).toMatch(/InboundMailFailures/);
  });
});

describe('stateless stack', () => {
  it('has one Lambda per declared function: Node 24, arm64, traced, sized and timed as declared', () => {
    expect(resourcesOf(stateless, 'AWS::Lambda::Function')).toHaveLength(declared.length);
    for (const [name, spec] of declared) {
      const [, fn] = functionResource(name);
      expect(fn.Properties, name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        MemorySize: spec.memoryMb ?? 512,
        Timeout: spec.timeoutSeconds ?? FUNCTION_TIMEOUT_SECONDS,
        LoggingConfig: { LogGroup: expect.anything() },
      });
    }
    stateless.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('gives each function exactly the environment its declaration promises', () => {
    for (const [name, spec] of declared) {
      const [, fn] = functionResource(name);
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Object.keys(variables).sort(), name).toEqual(
        [
          ...environmentNames(spec),
          ...Object.keys(spec.environment ?? {}),
          'POWERTOOLS_SERVICE_NAME',
          'NODE_OPTIONS',
          DEPLOYMENT_BUNDLE_ENV,
        ].sort(),
      );
      expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(variables[DEPLOYMENT_BUNDLE_ENV]).toBe(BUNDLE_FILE);
    }
    const [, classify] = functionResource('classify');
    expect(JSON.stringify(classify.Properties.Environment)).toContain(
      'tierdesk <support@support.example.com>',
    );
  });

  it('alarms on every function’s errors', () => {
    const alarms = resourcesOf(stateless, 'AWS::CloudWatch::Alarm').filter(
      ([, a]) => a.Properties.MetricName === 'Errors' && a.Properties.Namespace === 'AWS/Lambda',
    );
    expect(alarms).toHaveLength(declared.length);
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('serves every declared route by its function, with the JWT authorizer exactly on agent routes', () => {
    const routes = resourcesOf(stateless, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    expect(routes).toHaveLength(allRoutes().length);
    const integrations = Object.fromEntries(resourcesOf(stateless, 'AWS::ApiGatewayV2::Integration'));
    for (const route of allRoutes()) {
      const key = routeKeyOf(route);
      const found = routes.find((r) => r.RouteKey === key);
      expect(found, key).toBeDefined();
      expect(found?.AuthorizationType, key).toBe(route.access.kind === 'agent' ? 'JWT' : 'NONE');
      const integrationId = JSON.stringify(found?.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
      const integration = integrations[integrationId];
      expect(integration?.Properties.PayloadFormatVersion, key).toBe('2.0');
      const [functionId] = functionResource(route.functionName);
      expect(JSON.stringify(integration?.Properties.IntegrationUri), key).toContain(functionId);
    }
    stateless.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
  });

  it('throttles the stage, the declared routes more strictly, logs access and allows the CORS headers', () => {
    const throttled = Object.fromEntries(
      allRoutes()
        .filter((route) => route.throttle)
        .map((route) => [
          `${route.method} ${route.path}`,
          { ThrottlingRateLimit: route.throttle?.rate, ThrottlingBurstLimit: route.throttle?.burst },
        ]),
    );
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      RouteSettings: throttled,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowMethods: ['GET', 'POST', 'PUT'],
        AllowHeaders: ['Idempotency-Key', 'Authorization', 'Content-Type'],
      }),
    });
  });

  it('consumes each queue with its declared batch size and partial batch failures', () => {
    const consumers = declared.filter(([, spec]) => spec.trigger.kind === 'queue');
    stateless.resourceCountIs('AWS::Lambda::EventSourceMapping', consumers.length);
    for (const [name, spec] of consumers) {
      if (spec.trigger.kind !== 'queue') continue;
      const [functionId] = functionResource(name);
      stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: functionId },
        BatchSize: QUEUES[spec.trigger.queue].batchSize,
        MaximumBatchingWindowInSeconds: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      // AWS: a queue's visibility timeout at least six times its consumer's timeout.
      expect(QUEUES[spec.trigger.queue].visibilityTimeoutSeconds, name).toBeGreaterThanOrEqual(
        6 * (spec.timeoutSeconds ?? FUNCTION_TIMEOUT_SECONDS),
      );
    }
  });

  it('runs the SLA sweep on its schedule and turns support@ mail into the intake function’s work', () => {
    const [slaTimer] = functionResource('slaTimer');
    stateless.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [slaTimer, 'Arn'] } })],
    });
    const [emailIntake] = functionResource('emailIntake');
    stateless.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Enabled: true,
        Recipients: ['support@support.example.com'],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [
          { S3Action: Match.objectLike({ ObjectKeyPrefix: 'inbound/' }) },
          {
            LambdaAction: Match.objectLike({
              FunctionArn: { 'Fn::GetAtt': [emailIntake, 'Arn'] },
              InvocationType: 'Event',
            }),
          },
        ],
      }),
    });
  });

  it('publishes the API URL, table name and user pool ids', () => {
    for (const output of ['ApiUrl', 'TableName', 'UserPoolId', 'UserPoolClientId']) {
      stateless.hasOutput(output, {});
    }
  });
});

describe('least privilege', () => {
  it('gives functions that use no table no DynamoDB permission at all', () => {
    for (const [name] of declared.filter(([, spec]) => !spec.uses.table)) {
      expect(permissionsOf(name), name).not.toContain('dynamodb:');
    }
    expect(permissionsOf('triage')).not.toContain('dynamodb:');
    expect(permissionsOf('openapi')).not.toContain('dynamodb:');
  });

  it('lets readers read and only writers write', () => {
    for (const [name] of declared.filter(([, spec]) => spec.uses.table === 'read')) {
      expect(permissionsOf(name), name).toContain('dynamodb:GetItem');
      for (const write of ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']) {
        expect(permissionsOf(name), `${name} ${write}`).not.toContain(`dynamodb:${write}`);
      }
    }
    expect(permissionsOf('readCase')).not.toContain('dynamodb:PutItem');
    expect(permissionsOf('createCase')).toContain('dynamodb:PutItem');
  });

  it('lets the index readers (the reports) only Query the table’s indexes: no item by key, no Scan', () => {
    const indexReaders = declared.filter(
      ([, spec]) => typeof spec.uses.table === 'object' && 'query' in spec.uses.table,
    );
    expect(indexReaders.map(([name]) => name)).toEqual(
      expect.arrayContaining(['slaReport', 'correctionReport']),
    );
    for (const [name] of indexReaders) {
      const statements = dynamoStatementsOf(name);
      expect(statements.length, name).toBeGreaterThan(0);
      for (const st of statements) {
        expect(st.actions, name).toEqual(['dynamodb:Query']);
        expect(isTableIndexes(st.Resource), `${name} ${JSON.stringify(st.Resource)}`).toBe(true);
      }
    }
  });

  it('lets routingRules read items of the table and write only the routing rules’ partition', () => {
    expect(FUNCTIONS.routingRules.uses.table).toEqual({ read: 'items', writePartitions: ['ROUTING_RULES'] });
    // The adapter's keys (table-keys.ts) take the partition from the declaration.
    const statements = dynamoStatementsOf('routingRules');
    const allowed = statements.flatMap((st) => st.actions).sort();
    expect(allowed).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    for (const st of statements) expect(isTableArn(st.Resource), JSON.stringify(st.Resource)).toBe(true);
    const writes = statements.filter((st) => st.actions.some((action) => DYNAMODB_WRITES.includes(action)));
    expect(writes.length).toBeGreaterThan(0);
    for (const st of writes) {
      expect(st.Condition).toEqual({
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [ROUTING_RULES_PARTITION] },
      });
    }
    // Nothing beyond what it calls: no Scan, no batch, no index.
    expect(permissionsOf('routingRules')).not.toContain('/index/');
  });

  it('gives unconditioned table writes only to the functions that declare readwrite', () => {
    for (const [name, spec] of declared) {
      const unconditioned = dynamoStatementsOf(name)
        .filter((st) => st.Condition === undefined)
        .flatMap((st) => st.actions)
        .filter((action) => DYNAMODB_WRITES.includes(action));
      if (spec.uses.table === 'readwrite') expect(unconditioned, name).toContain('dynamodb:PutItem');
      else expect(unconditioned, name).toEqual([]);
    }
  });

  it('grants mail, raw mail and queues only to the functions that declare them', () => {
    for (const [name, spec] of declared) {
      const permissions = permissionsOf(name);
      expect(permissions.includes('ses:SendEmail'), `${name} ses`).toBe(Boolean(spec.uses.sendMail));
      expect(permissions.includes('s3:GetObject'), `${name} s3`).toBe(spec.uses.rawMail === 'read');
      // An asynchronously invoked function also sends to its on-failure destination.
      const onFailure = spec.trigger.kind === 'inbound-mail' || spec.trigger.kind === 'mail-events';
      expect(permissions.includes('sqs:SendMessage'), `${name} sqs`).toBe(
        (spec.uses.queues ?? []).length > 0 || onFailure,
      );
      expect(permissions, name).not.toContain('logs:CreateLogGroup');
    }
  });

  it('lets senders send what SES checks in the sandbox: any recipient identity and the configuration set, only from the support address', () => {
    const senders = declared.filter(([, spec]) => spec.uses.sendMail);
    expect(senders.length).toBeGreaterThan(0);
    for (const [name] of senders) {
      const documents = JSON.parse(permissionsOf(name)) as Array<{
        Statement: Array<{ Action: unknown; Resource: unknown; Condition?: unknown }>;
      }>;
      const send = documents.flatMap((d) => d.Statement).find((st) => st.Action === 'ses:SendEmail');
      const resources = JSON.stringify(send?.Resource);
      expect(resources, name).toContain(':identity/*');
      expect(resources, name).toContain(':configuration-set/tierdesk-dev-mail"');
      expect(send?.Condition, name).toEqual({
        StringEquals: { 'ses:FromAddress': 'support@support.example.com' },
      });
    }
  });

  it('sends bounces and complaints of its configuration set to the mailEvents function, and alarms on SES reputation', () => {
    stateful.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: 'tierdesk-dev-mail',
      ReputationOptions: { ReputationMetricsEnabled: true },
    });
    stateful.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: ['bounce', 'complaint'],
        EventBridgeDestination: { EventBusArn: Match.anyValue() },
      }),
    });
    for (const metric of ['Reputation.BounceRate', 'Reputation.ComplaintRate'])
      stateful.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SES',
        MetricName: metric,
        AlarmActions: [Match.anyValue()],
      });
    const rules = resourcesOf(stateless, 'AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern);
    expect(rules).toHaveLength(1);
    expect(rules[0]?.[1].Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: { mail: { tags: { 'ses:configuration-set': ['tierdesk-dev-mail'] } } },
    });
    const [mailEventsId] = functionResource('mailEvents');
    expect(JSON.stringify(rules[0]?.[1].Properties.Targets)).toContain(`"${mailEventsId}"`);
  });

  it('uses no AWS managed policies on function roles', () => {
    for (const [, role] of resourcesOf(stateless, 'AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});
