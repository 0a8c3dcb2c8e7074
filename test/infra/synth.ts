// One synthesized tierdesk app per test file, without esbuild bundling (CDK's
// aws:cdk:bundling-stacks context) — the templates are the same, the code assets empty.
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/build-app.ts';

export function synthesize(stage: 'dev' | 'prod' = 'dev') {
  const built = buildApp({
    context: {
      'aws:cdk:bundling-stacks': [],
      'tierdesk:stage': stage,
      'tierdesk:mailDomain': 'support.example.com',
    },
  });
  // Synthesis runs the cdk-nag AwsSolutions checks; an unacknowledged finding throws here.
  const assembly = built.app.synth();
  return {
    ...built,
    assembly,
    stateful: Template.fromStack(built.stateful),
    stateless: Template.fromStack(built.stateless),
  };
}
