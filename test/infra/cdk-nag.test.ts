// cdk-nag's AwsSolutions checks over the whole app, both stages, exactly as `npm run synth`
// runs them (CDK's CloudFormation validation included). Every finding is either fixed or
// acknowledged with a reason in infra/; a new one fails here, listed with its resource.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from './synth.ts';

function acknowledgementsBelow(root: IConstruct): Array<{ path: string; id: string; reason: string }> {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe.each(['dev', 'prod'] as const)('cdk-nag AwsSolutions on the %s stage', (stage) => {
  const { app } = buildTestApp(stage);
  // Synthesis fails on an unacknowledged finding; keep going so the test can list them all.
  let synthError: Error | undefined;
  let assemblyDirectory: string | undefined;
  try {
    assemblyDirectory = app.synth().directory;
  } catch (error) {
    synthError = error as Error;
  }

  it('has no unacknowledged findings', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.flatMap((violation) =>
      violation.violatingResources.map(
        (resource) =>
          `${violation.severity} ${violation.ruleName} at ${resource.constructPath}: ${violation.description}`,
      ),
    );
    expect(findings, `unacknowledged AwsSolutions findings:\n${findings.join('\n')}`).toEqual([]);
    expect(synthError?.message).toBeUndefined();
  });

  it('gives every acknowledgement a reason', () => {
    const acknowledgements = acknowledgementsBelow(app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledgements) {
      expect(reason.length, `${id} at ${path}`).toBeGreaterThan(40);
    }
  });

  it('leaves nothing in the validation report, CloudFormation schema warnings included', () => {
    expect(assemblyDirectory, 'synthesis failed').toBeDefined();
    const report = JSON.parse(
      readFileSync(join(assemblyDirectory ?? '', VALIDATION_REPORT_FILE), 'utf8'),
    ) as {
      pluginReports: Array<{ violations?: unknown[] }>;
    };
    const violations = report.pluginReports.flatMap((plugin) => plugin.violations ?? []);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
});
