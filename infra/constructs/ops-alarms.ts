// Where every alarm of tierdesk goes: one encrypted SNS topic that the operators subscribe to.
import { Aws, Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export type OpsAlarmsProps = { topicName: string; removalPolicy: RemovalPolicy };

export class OpsAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OpsAlarmsProps) {
    super(scope, id);
    // CloudWatch alarms cannot publish to a topic encrypted with the AWS managed aws/sns key
    // (its policy does not admit CloudWatch), so the topic gets a customer key that does.
    const key = new Key(this, 'Key', {
      description: 'Encrypts the tierdesk ops-alarms topic',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      topicName: props.topicName,
      displayName: 'tierdesk ops alarms',
      masterKey: key,
      enforceSSL: true,
    });
    // Operators' subscriptions hang off this topic; production keeps it with the key.
    this.topic.applyRemovalPolicy(props.removalPolicy);
  }
}

/** Sends the alarm's ALARM and OK transitions to the ops topic (OK tells people to stand down). */
export function notifyOps(alarm: Alarm, topic: ITopic): void {
  const action = new SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
}

/**
 * An alarm as soon as one message waits in `queue` — for queues that should stay empty (dead
 * letters, failed events): every message there is work nobody is doing. An empty queue
 * reports no datapoints; that is the healthy state, not missing data.
 */
export function alarmOnFirstMessage(
  scope: Construct,
  id: string,
  props: { queue: IQueue; description: string; topic: ITopic },
): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmDescription: props.description,
    metric: props.queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    }),
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  notifyOps(alarm, props.topic);
  return alarm;
}
