// Where every alarm of tierdesk goes: one encrypted SNS topic that the operators subscribe to.
import { Aws, Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
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
 * An alarm to the ops topic when `metric` reaches `threshold` for `evaluationPeriods` minutes.
 * A metric with no datapoints (an empty queue, a function nobody called) is healthy, not
 * missing. Every alarm of tierdesk is one of these.
 */
export function opsAlarm(
  scope: Construct,
  id: string,
  props: {
    metric: IMetric;
    threshold: number;
    evaluationPeriods?: number;
    description: string;
    topic: ITopic;
  },
): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: props.evaluationPeriods ?? 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  notifyOps(alarm, props.topic);
  return alarm;
}

/**
 * An alarm as soon as one message waits in `queue` — for queues that should stay empty (dead
 * letters, failed events): every message there is work nobody is doing.
 */
export function alarmOnFirstMessage(
  scope: Construct,
  id: string,
  props: { queue: IQueue; description: string; topic: ITopic },
): Alarm {
  return opsAlarm(scope, id, {
    metric: props.queue.metricApproximateNumberOfMessagesVisible({
      period: ONE_MINUTE,
      statistic: 'Maximum',
    }),
    threshold: 1,
    description: props.description,
    topic: props.topic,
  });
}

/** Every alarm looks at one-minute periods. */
export const ONE_MINUTE = Duration.minutes(1);
