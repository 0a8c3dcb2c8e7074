// cdk-nag 3 reads acknowledgements from CDK's own Validations metadata. Each finding is named
// exactly (`AwsSolutions-IAM5[Resource::*]`), so an acknowledgement covers only what it names
// and a new wildcard on the same resource still fails the synth.
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Accepts the named AwsSolutions findings on `scope` and everything below it, for `reason`. */
export function acknowledgeNag(scope: IConstruct, reason: string, ...findings: string[]): void {
  Validations.of(scope).acknowledge(
    ...findings.map((finding) => ({ id: `AwsSolutions-${finding}`, reason })),
  );
}
