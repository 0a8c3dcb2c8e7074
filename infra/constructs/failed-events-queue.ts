// Where an asynchronous invocation lands when Lambda's own retries are spent (its on-failure
// destination): the event, the error and the attempts, kept 14 days, and an alarm at the first
// message. Inbound mail goes here when email intake keeps failing — the raw mail is in S3, and
// this record says which one to replay.
import { Duration, type RemovalPolicy, Tags } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag } from '../nag.ts';
import { alarmOnFirstMessage } from './ops-alarms.ts';

export const FAILED_EVENTS_TAG = 'tierdesk:failed-events';

export type FailedEventsQueueProps = {
  /** What fails into it, for the tag and the alarm. */
  name: string;
  purpose: string;
  alarmTopic: ITopic;
  removalPolicy: RemovalPolicy;
};

export class FailedEventsQueue extends Construct {
  readonly queue: Queue;
  readonly alarm: Alarm;

  constructor(scope: Construct, id: string, props: FailedEventsQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
    });
    Tags.of(this.queue).add(FAILED_EVENTS_TAG, props.name);
    acknowledgeNag(
      this.queue,
      'This queue is itself a dead-letter destination (a Lambda on-failure destination, which cdk-nag does not see as a DLQ); a queue behind it would only move the same records again.',
      'SQS3',
    );
    this.alarm = alarmOnFirstMessage(this, 'Alarm', {
      queue: this.queue,
      description: `tierdesk: ${props.purpose} failed after its retries`,
      topic: props.alarmTopic,
    });
  }
}
