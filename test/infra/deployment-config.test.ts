// The deployment's configuration at synth: `-c tierdesk:configDir=<folder>` is validated
// (a broken folder stops the synth naming file and field), compiled with its search indexes,
// and every function is told where its asset carries the bundle; the bundle reads back as a
// function reads it at cold start.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { readBundle, readDeployment } from '../../shared/config/deployment.ts';
import {
  BUNDLE_FILE,
  configurationSource,
  DEFAULT_CONFIG_DIR,
  DEPLOYMENT_BUNDLE_ENV,
} from '../../shared/config/deployment-source.ts';

const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '../../cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};
const scratch = mkdtempSync(join(tmpdir(), 'tierdesk-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function build(configDir?: string) {
  return buildApp({
    context: {
      ...cdkJson.context,
      'tierdesk:mailDomain': 'support.example.com',
      'aws:cdk:bundling-stacks': [],
      ...(configDir ? { 'tierdesk:configDir': configDir } : {}),
    },
  });
}

/** A copy of the default folder with one file replaced. */
function brokenCopy(name: string, file: string, content: string): string {
  const dir = join(scratch, name);
  cpSync(DEFAULT_CONFIG_DIR, dir, { recursive: true });
  writeFileSync(join(dir, file), content);
  return dir;
}

describe('the configuration folder at synth', () => {
  it('ships the compiled folder to every function and names it in the environment', () => {
    const { settings, stateless } = build();
    const bundle = readBundle(settings.deploymentBundle.file);
    expect(bundle.kbIndex).toBeDefined();
    expect(bundle.articles.length).toBe(readDeployment(DEFAULT_CONFIG_DIR).articles.length);
    const functions = Template.fromStack(stateless).findResources('AWS::Lambda::Function');
    const ours = Object.values(functions).filter(
      (f) => (f as { Properties: { Environment?: unknown } }).Properties.Environment,
    );
    expect(ours.length).toBeGreaterThan(10);
    for (const fn of ours) {
      const variables = (fn as { Properties: { Environment: { Variables: Record<string, unknown> } } })
        .Properties.Environment.Variables;
      expect(variables[DEPLOYMENT_BUNDLE_ENV]).toBe(BUNDLE_FILE);
    }
  });

  it('stops the synth on a broken folder, naming every file and field at fault', () => {
    const dir = brokenCopy(
      'broken',
      'routing-rules.json',
      JSON.stringify({ rules: [{ id: 'Bad Id', reason: 'x', match: {} }] }),
    );
    writeFileSync(join(dir, 'desk-policy.json'), '{ "objectionDays": 0, "customerSilenceDays": 5 }');
    const error = (() => {
      try {
        build(dir);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message).toMatch(/routing-rules\.json: rules\.0\.id: lower-case letters/);
    expect(error?.message).toMatch(/desk-policy\.json: objectionDays/);
  });

  it('stops the synth on a folder that is not there', () => {
    expect(() => build(join(scratch, 'nowhere'))).toThrow(/nowhere: not a folder/);
  });

  it('a function finds the bundle beside its code (LAMBDA_TASK_ROOT)', () => {
    const { settings } = build();
    const from = configurationSource({ [DEPLOYMENT_BUNDLE_ENV]: BUNDLE_FILE, LAMBDA_TASK_ROOT: '/var/task' });
    expect(from).toEqual({ bundle: `/var/task/${BUNDLE_FILE}` });
    expect(configurationSource({ TIERDESK_CONFIG_DIR: 'config/x' })).toEqual({ dir: 'config/x' });
    expect(readBundle(settings.deploymentBundle.file).source).toMatch(/config\/default \(bundled\)$/);
  });
});
