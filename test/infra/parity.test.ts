// The declaration builds both the CDK stacks and the local runtime. This test reads the
// synthesized templates back and compares them with what the running local runtime serves —
// every function, route, queue consumer, schedule and inbound-mail rule, both ways round.
import { describe, expect, it } from 'vitest';
import { local } from '../support/http.ts';
import { synthesize } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

const { stateful, stateless } = synthesize('dev');
const statefulJson = stateful.toJSON() as {
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: string } }>;
};
const statelessJson = stateless.toJSON() as { Resources: Record<string, Resource> };
const all = (type: string) => Object.entries(statelessJson.Resources).filter(([, r]) => r.Type === type);
const tag = (r: Resource, key: string) =>
  (r.Properties.Tags as Array<{ Key: string; Value: string }> | undefined)?.find((t) => t.Key === key)?.Value;

const functionByLogicalId = new Map(
  all('AWS::Lambda::Function').flatMap(([id, r]) =>
    tag(r, 'tierdesk:function') ? [[id, tag(r, 'tierdesk:function') as string]] : [],
  ),
);
const functionOf = (ref: unknown): string | undefined => {
  const id =
    (ref as { Ref?: string; 'Fn::GetAtt'?: string[] }).Ref ??
    (ref as { 'Fn::GetAtt': string[] })['Fn::GetAtt']?.[0];
  return id ? functionByLogicalId.get(id) : undefined;
};
// Queue ARNs cross the stacks as exports of the stateful stack.
const queueByExport = new Map(
  Object.values(statefulJson.Outputs ?? {}).flatMap((output) => {
    const getAtt = (output.Value as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt'];
    const queue = getAtt ? statefulJson.Resources[getAtt[0] as string] : undefined;
    const name = queue ? tag(queue, 'tierdesk:queue') : undefined;
    return name && output.Export ? [[output.Export.Name, name]] : [];
  }),
);

describe('the CDK stacks and the local runtime serve the same system', () => {
  it('the same functions', () => {
    expect([...functionByLogicalId.values()].sort()).toEqual([...local().functions].sort());
  });

  it('the same routes, each by the same function', () => {
    const integrations = new Map(
      all('AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, r.Properties.IntegrationUri]),
    );
    const template = all('AWS::ApiGatewayV2::Route').map(([, r]) => {
      const target = String(
        (r.Properties.Target as string | undefined) ?? JSON.stringify(r.Properties.Target),
      );
      const integrationId = [...integrations.keys()].find((id) =>
        JSON.stringify(r.Properties.Target).includes(id),
      );
      return `${r.Properties.RouteKey} → ${functionOf(integrations.get(integrationId ?? '')) ?? target}`;
    });
    const runtime = local().routes.map((r) => `${r.method} ${r.path} → ${r.functionName}`);
    expect(template.sort()).toEqual(runtime.sort());
  });

  it('the same queue consumers, with the same batch sizes', () => {
    const template = all('AWS::Lambda::EventSourceMapping').map(([, r]) => {
      const imported = (r.Properties.EventSourceArn as { 'Fn::ImportValue': string })['Fn::ImportValue'];
      return `${queueByExport.get(imported)} → ${functionOf(r.Properties.FunctionName)} (batch ${r.Properties.BatchSize})`;
    });
    const runtime = local().served.queues.map((q) => `${q.queue} → ${q.functionName} (batch ${q.batchSize})`);
    expect(template.sort()).toEqual(runtime.sort());
  });

  it('the same schedule and the same inbound-mail function', () => {
    const schedules = all('AWS::Events::Rule').flatMap(([, r]) =>
      (r.Properties.Targets as Array<{ Arn: unknown }>).map((t) => functionOf(t.Arn)),
    );
    expect(schedules).toEqual(local().served.schedules);
    const inbound = all('AWS::SES::ReceiptRule').flatMap(([, r]) =>
      (
        (r.Properties.Rule as { Actions: Array<{ LambdaAction?: { FunctionArn: unknown } }> }).Actions ?? []
      ).flatMap((a) => (a.LambdaAction ? [functionOf(a.LambdaAction.FunctionArn)] : [])),
    );
    expect(inbound).toEqual(local().served.inboundMail);
  });
});
