// The CDK stacks through assertions: what DESIGN §3 asks of the table, the queues, the API,
// the functions and their permissions.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { allRoutes, FUNCTIONS, QUEUES } from '../../functions/system.ts';
import { INDEXES } from '../../shared/adapters/dynamodb/table-keys.ts';
import { synthesize } from './synth.ts';

const { stateful, stateless: template } = synthesize('dev');

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
const resources = (t: typeof stateful, type: string) =>
  Object.entries(t.toJSON().Resources as Record<string, Resource>).filter(([, r]) => r.Type === type);

function functionLogicalId(name: string): string {
  const found = resources(template, 'AWS::Lambda::Function').find(([, r]) =>
    (r.Properties.Tags as Array<{ Key: string; Value: string }> | undefined)?.some(
      (t) => t.Key === 'tierdesk:function' && t.Value === name,
    ),
  );
  if (!found) throw new Error(`no function ${name}`);
  return found[0];
}

function policyOf(name: string): string {
  const id = functionLogicalId(name);
  const role = (template.toJSON().Resources[id].Properties.Role as { 'Fn::GetAtt': string[] })[
    'Fn::GetAtt'
  ][0];
  const policies = resources(template, 'AWS::IAM::Policy').filter(([, r]) =>
    (r.Properties.Roles as Array<{ Ref: string }>).some((ref) => ref.Ref === role),
  );
  return JSON.stringify(policies.map(([, p]) => p.Properties.PolicyDocument));
}

describe('stateful stack', () => {
  it('has the single table with PITR, encryption, TTL and the three named indexes', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      GlobalSecondaryIndexes: Object.values(INDEXES).map((index) =>
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.pk, KeyType: 'HASH' },
            { AttributeName: index.sk, KeyType: 'RANGE' },
          ],
        }),
      ),
    });
  });

  it('gives every queue a dead-letter queue with the declared maxReceiveCount, and an alarm on it', () => {
    const queues = resources(stateful, 'AWS::SQS::Queue');
    for (const [name, spec] of Object.entries(QUEUES)) {
      const queue = queues.find(([, r]) =>
        (r.Properties.Tags as Array<{ Value: string }> | undefined)?.some((t) => t.Value === name),
      );
      expect(queue, name).toBeDefined();
      expect(queue?.[1].Properties).toMatchObject({
        VisibilityTimeout: spec.visibilityTimeoutSeconds,
        RedrivePolicy: { maxReceiveCount: spec.maxReceiveCount },
        SqsManagedSseEnabled: true,
      });
    }
    expect(queues).toHaveLength(Object.keys(QUEUES).length * 2);
    const alarms = resources(stateful, 'AWS::CloudWatch::Alarm').filter(
      ([, r]) => r.Properties.MetricName === 'ApproximateNumberOfMessagesVisible',
    );
    expect(alarms).toHaveLength(Object.keys(QUEUES).length);
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('keeps data in production: RETAIN on the table, queues and bucket', () => {
    const prod = synthesize('prod').stateful;
    for (const type of [
      'AWS::DynamoDB::Table',
      'AWS::SQS::Queue',
      'AWS::S3::Bucket',
      'AWS::Cognito::UserPool',
    ]) {
      for (const [id, r] of resources(prod, type)) expect(r.DeletionPolicy, `${type} ${id}`).toBe('Retain');
    }
  });

  it('has a private, encrypted, versioned mail bucket with access logs and an agent user pool with MFA', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: Match.anyValue(),
    });
    stateful.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
    stateful.resourceCountIs('AWS::Cognito::UserPoolGroup', 7);
    stateful.resourceCountIs('AWS::SES::EmailIdentity', 1);
  });
});

describe('stateless stack', () => {
  it('has one function per declaration, on Node 24 and arm64, traced, with a log retention', () => {
    expect(resources(template, 'AWS::Lambda::Function').filter(([, r]) => r.Properties.Tags)).toHaveLength(
      Object.keys(FUNCTIONS).length,
    );
    for (const name of Object.keys(FUNCTIONS)) {
      const fn = template.toJSON().Resources[functionLogicalId(name)].Properties;
      expect(fn, name).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('serves every declared route, with the JWT authorizer exactly on agent routes', () => {
    const routes = resources(template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties);
    for (const route of allRoutes()) {
      const found = routes.find((r) => r.RouteKey === `${route.method} ${route.path}`);
      expect(found, `${route.method} ${route.path}`).toBeDefined();
      expect(found?.AuthorizationType ?? 'NONE', `${route.method} ${route.path}`).toBe(
        route.access.kind === 'agent' ? 'JWT' : 'NONE',
      );
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
  });

  it('throttles the API, and the public routes that create or compute more strictly, and logs access', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      RouteSettings: Match.objectLike({
        'POST /cases': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('wires queues with partial batch failures, the minute schedule and the inbound receipt rule', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 5);
    template.allResourcesProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Recipients: ['support@support.example.com'],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [
          Match.objectLike({ S3Action: Match.objectLike({ ObjectKeyPrefix: 'inbound/' }) }),
          Match.objectLike({ LambdaAction: Match.anyValue() }),
        ],
      }),
    });
  });

  it('gives each function only what its declaration uses', () => {
    expect(policyOf('triage')).not.toContain('dynamodb:');
    expect(policyOf('openapi')).not.toContain('dynamodb:');
    expect(policyOf('readCase')).toContain('dynamodb:GetItem');
    expect(policyOf('readCase')).not.toContain('dynamodb:PutItem');
    expect(policyOf('readCase')).not.toContain('sqs:');
    expect(policyOf('createCase')).toContain('dynamodb:PutItem');
    expect(policyOf('createCase')).not.toContain('ses:');
    expect(policyOf('classify')).toContain('ses:SendEmail');
    expect(policyOf('emailIntake')).toContain('s3:GetObject');
    expect(policyOf('classify')).not.toContain('s3:');
    expect(policyOf('health')).not.toContain('dynamodb:PutItem');
  });
});
