// One declared work queue (shared/declaration QUEUES) with its dead-letter queue, and two
// alarms: as soon as a single message lands in the dead-letter queue (a dead letter is a case
// nobody is working on), and when work waits in the queue itself for longer than a P1's first
// response may take (its consumer is failing, throttled or switched off).
import { Duration, type RemovalPolicy, Tags } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { QueueName, QueueSpec } from '../../shared/declaration/index.ts';
import { alarmOnFirstMessage, ONE_MINUTE, opsAlarm } from './ops-alarms.ts';

export type WorkQueueProps = {
  name: QueueName;
  spec: QueueSpec;
  alarmTopic: ITopic;
  removalPolicy: RemovalPolicy;
};

export const QUEUE_TAG = 'tierdesk:queue';

/** The longest SQS keeps a message: time for a person to look at a dead letter after a holiday. */
const DEAD_LETTER_RETENTION = Duration.days(14);
/** Healthy consumers take a message within seconds; a P1's first response is due in 15 min. */
const STUCK_AFTER = Duration.minutes(5);

export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;
  readonly stuckWorkAlarm: Alarm;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    // SSE-SQS rather than a KMS key: encrypted at rest, and producers and consumers need no
    // kms: permissions, so a function's policy names the queue and nothing else.
    const encryption = QueueEncryption.SQS_MANAGED;
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      retentionPeriod: DEAD_LETTER_RETENTION,
      encryption,
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
    });
    this.queue = new Queue(this, 'Queue', {
      visibilityTimeout: Duration.seconds(props.spec.visibilityTimeoutSeconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.spec.maxReceiveCount },
      encryption,
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
    });
    // Names the declared queue in the template (test/infra/parity.test.ts reads it back).
    Tags.of(this.queue).add(QUEUE_TAG, props.name);
    this.deadLetterAlarm = alarmOnFirstMessage(this, 'DeadLetterAlarm', {
      queue: this.deadLetterQueue,
      description: `tierdesk: a message of the ${props.name} queue (${props.spec.purpose}) was dead-lettered`,
      topic: props.alarmTopic,
    });
    this.stuckWorkAlarm = opsAlarm(this, 'StuckWorkAlarm', {
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: ONE_MINUTE, statistic: 'Maximum' }),
      threshold: STUCK_AFTER.toSeconds(),
      evaluationPeriods: 2,
      description: `tierdesk: work in the ${props.name} queue (${props.spec.purpose}) has waited over ${STUCK_AFTER.toMinutes()} minutes`,
      topic: props.alarmTopic,
    });
  }
}
