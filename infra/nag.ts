// How tierdesk accepts cdk-nag findings. cdk-nag 3 reads acknowledgements from CDK's own
// Validations metadata, and each finding must be named exactly
// (`AwsSolutions-IAM5[Resource::*]`), so an acknowledgement covers only what it names and a new
// wildcard on the same resource still fails the synth.
import {
  CfnResource,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
  Validations,
} from 'aws-cdk-lib';
import { rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Accepts the named AwsSolutions findings on `scope` and everything below it, for `reason`. */
export function acknowledgeNag(scope: IConstruct, reason: string, ...findings: string[]): void {
  Validations.of(scope).acknowledge(
    ...findings.map((finding) => ({ id: `AwsSolutions-${finding}`, reason })),
  );
}

const WILDCARD_METADATA = 'tierdesk:acknowledged-iam5-resources';
type WildcardAcknowledgement = { pattern: string; reason: string };

/**
 * Accepts IAM5 wildcard-resource findings below `scope` whose resource matches `pattern`.
 *
 * An IAM5 finding quotes the resource as CloudFormation will see it, and a resource of the
 * stateful stack reaches the stateless one through an export whose name CDK makes up at synth
 * (`tierdesk-dev-stateful:ExportsOutputFnGetAttCaseTable4C11C959Arn0CCDFB42/index/*`). The
 * exact finding is therefore acknowledged at validation time, by NagWildcardAcknowledgements,
 * once the names exist; the pattern says which wildcard we accept, e.g. `/index/*` on a table.
 */
export function acknowledgeNagWildcardResource(scope: IConstruct, reason: string, pattern: RegExp): void {
  const data: WildcardAcknowledgement = { pattern: pattern.source, reason };
  scope.node.addMetadata(WILDCARD_METADATA, data);
}

/**
 * Runs before AwsSolutionsChecks (plugins run in the order they are added): turns every IAM5
 * resource finding matched by an acknowledgeNagWildcardResource pattern into an exact
 * acknowledgement. Reports nothing itself.
 */
export class NagWildcardAcknowledgements implements IPolicyValidationPlugin {
  readonly name = 'tierdesk-nag-wildcard-acknowledgements';

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    visit(context.appConstruct, (resource) => {
      const accepted = wildcardAcknowledgementsOf(resource);
      if (accepted.length === 0) return;
      const findings = rules.iam.IAMNoWildcardPermissions(resource);
      if (!Array.isArray(findings)) return;
      for (const finding of findings) {
        const match = accepted.find(({ pattern }) => new RegExp(pattern).test(finding));
        if (match) acknowledgeNag(resource, match.reason, `IAM5[${finding}]`);
      }
    });
    return { success: true, violations: [] };
  }
}

function visit(construct: IConstruct, onResource: (resource: CfnResource) => void): void {
  if (CfnResource.isCfnResource(construct)) onResource(construct);
  for (const child of construct.node.children) visit(child, onResource);
}

function wildcardAcknowledgementsOf(resource: IConstruct): WildcardAcknowledgement[] {
  const found: WildcardAcknowledgement[] = [];
  for (let scope: IConstruct | undefined = resource; scope; scope = scope.node.scope) {
    for (const entry of scope.node.metadata) {
      if (entry.type === WILDCARD_METADATA) found.push(entry.data as WildcardAcknowledgement);
    }
  }
  return found;
}
