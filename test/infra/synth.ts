// Synthesizes the tierdesk app as `npm run synth` does — same cdk.json context, same cdk-nag
// checks — except that esbuild does not run (CDK's aws:cdk:bundling-stacks context): the
// templates are identical, the code assets empty. Each test file synthesizes once per stage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/build-app.ts';
import type { Stage } from '../../infra/deployment-settings.ts';

const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '../../cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

export type SynthOptions = {
  stage?: Stage;
  /**
   * CDK's own CloudFormation schema validation (~1.5 s a synth). cdk-nag runs either way:
   * CDK_VALIDATION=false switches off only the built-in plugin, not the ones the app adds.
   */
  cfnValidation?: boolean;
};

/** The app as infra/app.ts builds it, with the test's stage and without bundling. */
export function buildTestApp(stage: Stage = 'dev') {
  return buildApp({
    context: {
      ...cdkJson.context,
      'tierdesk:stage': stage,
      'tierdesk:mailDomain': 'support.example.com',
      'aws:cdk:bundling-stacks': [],
    },
  });
}

/** Synthesizes; cdk-nag runs as part of it, so an unacknowledged finding throws here. */
export function synthesize({ stage = 'dev', cfnValidation = false }: SynthOptions = {}) {
  const built = buildTestApp(stage);
  const saved = process.env.CDK_VALIDATION;
  if (!cfnValidation) process.env.CDK_VALIDATION = 'false';
  try {
    const assembly = built.app.synth();
    return {
      ...built,
      assembly,
      templates: {
        stateful: Template.fromStack(built.stateful),
        stateless: Template.fromStack(built.stateless),
      },
    };
  } finally {
    if (saved === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = saved;
  }
}

export type Synthesized = ReturnType<typeof synthesize>;
export type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };

/** The resources of one type in a template, with their logical ids. */
export function resourcesOf(template: Template, type: string): Array<[string, Resource]> {
  return Object.entries(template.toJSON().Resources as Record<string, Resource>).filter(
    ([, resource]) => resource.Type === type,
  );
}

/** The value of a tag on a resource (tierdesk tags its functions and queues with their names). */
export function tagOf(resource: Resource, key: string): string | undefined {
  const tags = resource.Properties.Tags as Array<{ Key: string; Value: string }> | undefined;
  return tags?.find((tag) => tag.Key === key)?.Value;
}
