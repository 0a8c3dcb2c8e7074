// The declaration builds both the CDK stacks and the local runtime. This test reads the
// synthesized templates back and compares them with what the running local runtime (started by
// the test run's global setup) serves: every function, route, queue consumer, schedule and
// inbound-mail rule, both ways round.
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { sqsClient } from '../../shared/adapters/aws-clients.ts';
import { type RouteSpec, routeKeyOf } from '../../shared/declaration/index.ts';
import { local } from '../support/http.ts';
import { type Resource, resourcesOf, synthesize, tagOf } from './synth.ts';

const { templates } = synthesize({ stage: 'dev' });
const { stateful, stateless } = templates;

const functionByLogicalId = new Map(
  resourcesOf(stateless, 'AWS::Lambda::Function').flatMap(([id, r]) => {
    const name = tagOf(r, 'tierdesk:function');
    return name ? [[id, name] as const] : [];
  }),
);
/** The declared function a `Ref` or `Fn::GetAtt` points at. */
const functionOf = (reference: unknown): string | undefined => {
  const ref = reference as { Ref?: string; 'Fn::GetAtt'?: string[] };
  return functionByLogicalId.get(ref.Ref ?? ref['Fn::GetAtt']?.[0] ?? '');
};

// Queue ARNs reach the stateless stack as exports of the stateful one.
const statefulJson = stateful.toJSON() as {
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }>;
};
const queueByExport = new Map(
  Object.values(statefulJson.Outputs ?? {}).flatMap((output) => {
    const getAtt = (output.Value as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt'];
    const queue = getAtt ? statefulJson.Resources[getAtt[0] as string] : undefined;
    const name = queue ? tagOf(queue, 'tierdesk:queue') : undefined;
    return name && output.Export ? [[output.Export.Name, name] as const] : [];
  }),
);

describe('the CDK stacks and the local runtime serve the same system', () => {
  it('the same functions', () => {
    expect([...functionByLogicalId.values()].sort()).toEqual([...local().functions].sort());
  });

  it('the same routes, each by the same function', () => {
    const integrations = new Map(
      resourcesOf(stateless, 'AWS::ApiGatewayV2::Integration').map(([id, r]) => [
        id,
        r.Properties.IntegrationUri,
      ]),
    );
    const template = resourcesOf(stateless, 'AWS::ApiGatewayV2::Route').map(([, r]) => {
      const integrationId = JSON.stringify(r.Properties.Target).match(/"Ref":"([^"]+)"/)?.[1] ?? '';
      return `${r.Properties.RouteKey} → ${functionOf(integrations.get(integrationId))}`;
    });
    const runtime = local().routes.map(
      (r) => `${routeKeyOf(r as Pick<RouteSpec, 'method' | 'path'>)} → ${r.functionName}`,
    );
    expect(template.sort()).toEqual(runtime.sort());
  });

  it('the same queue consumers, with the same batch sizes', () => {
    const template = resourcesOf(stateless, 'AWS::Lambda::EventSourceMapping').map(([, r]) => {
      const imported = (r.Properties.EventSourceArn as { 'Fn::ImportValue': string })['Fn::ImportValue'];
      return `${queueByExport.get(imported)} → ${functionOf(r.Properties.FunctionName)} (batch ${r.Properties.BatchSize})`;
    });
    const runtime = local().served.queues.map((q) => `${q.queue} → ${q.functionName} (batch ${q.batchSize})`);
    expect(template.sort()).toEqual(runtime.sort());
  });

  it('the same schedule, inbound-mail and mail-event functions', () => {
    const rules = resourcesOf(stateless, 'AWS::Events::Rule');
    const targetsOf = (kind: 'ScheduleExpression' | 'EventPattern') =>
      rules
        .filter(([, r]) => r.Properties[kind] !== undefined)
        .flatMap(([, r]) =>
          (r.Properties.Targets as Array<{ Arn: unknown }>).map((target) => functionOf(target.Arn)),
        );
    expect(targetsOf('ScheduleExpression')).toEqual(local().served.schedules);
    // SES's bounce and complaint events: EventBridge in AWS, the Lambda Invoke API locally.
    expect(targetsOf('EventPattern')).toEqual(local().served.mailEvents);
    const inbound = resourcesOf(stateless, 'AWS::SES::ReceiptRule').flatMap(([, r]) =>
      (r.Properties.Rule as { Actions: Array<{ LambdaAction?: { FunctionArn: unknown } }> }).Actions.flatMap(
        (action) => (action.LambdaAction ? [functionOf(action.LambdaAction.FunctionArn)] : []),
      ),
    );
    expect(inbound).toEqual(local().served.inboundMail);
  });

  it('the same on-failure destinations', () => {
    const template = Object.values(statefulJson.Resources).flatMap((r) => {
      const name = r.Type === 'AWS::SQS::Queue' ? tagOf(r, 'tierdesk:failed-events') : undefined;
      return name ? [name] : [];
    });
    expect(template.sort()).toEqual(Object.keys(local().failedEvents).sort());
  });

  it('the same queues: visibility timeout, redrive after the same receive count, a dead-letter queue each', async () => {
    const queues = Object.entries(statefulJson.Resources).filter(([, r]) => r.Type === 'AWS::SQS::Queue');
    const template = queues.flatMap(([, r]) => {
      const name = tagOf(r, 'tierdesk:queue');
      if (!name) return [];
      const redrive = r.Properties.RedrivePolicy as { maxReceiveCount: number; deadLetterTargetArn: unknown };
      const dlqId = (redrive.deadLetterTargetArn as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0] as string;
      const dlq = statefulJson.Resources[dlqId];
      return [
        `${name}: visibility ${r.Properties.VisibilityTimeout}s, dead-lettered after ${redrive.maxReceiveCount} receives into a ${dlq?.Type} kept ${dlq?.Properties.MessageRetentionPeriod}s`,
      ];
    });
    const runtime = await Promise.all(
      Object.entries(local().queues).map(async ([name, q]) => {
        const attributes = async (url: string) =>
          (await sqsClient().send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] })))
            .Attributes ?? {};
        const queue = await attributes(q.url);
        const dlq = await attributes(q.dlqUrl);
        const redrive = JSON.parse(queue.RedrivePolicy ?? '{}') as {
          maxReceiveCount: number;
          deadLetterTargetArn: string;
        };
        expect(redrive.deadLetterTargetArn).toBe(dlq.QueueArn);
        return `${name}: visibility ${queue.VisibilityTimeout}s, dead-lettered after ${redrive.maxReceiveCount} receives into a AWS::SQS::Queue kept ${dlq.MessageRetentionPeriod}s`;
      }),
    );
    expect(template.sort()).toEqual(runtime.sort());
    expect(template).toHaveLength(Object.keys(local().queues).length);
  });
});
