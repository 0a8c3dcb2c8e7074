// The cdk-nag AwsSolutions findings we accept, each with its reason. Everything else fails
// the synthesis (and the infra tests).
import { Validations } from 'aws-cdk-lib';
import type { StatefulStack } from './stateful-stack.ts';
import type { StatelessStack } from './stateless-stack.ts';

export function acknowledgeKnownFindings(stateful: StatefulStack, stateless: StatelessStack): void {
  const acknowledge = (scope: Parameters<typeof Validations.of>[0], id: string, reason: string) =>
    Validations.of(scope).acknowledge({ id, reason });

  acknowledge(
    stateful.node.findChild('MailBucketAccessLogs'),
    'AwsSolutions-S1',
    'This bucket is the access-log target of the mail bucket; logging it into itself would loop',
  );
  for (const fn of Object.values(stateless.functions)) {
    acknowledge(
      fn.fn.role ?? fn,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'The AWS-managed basic execution role only lets the function write its own logs',
    );
  }
}
