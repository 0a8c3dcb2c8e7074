// How tierdesk sends: one SES configuration set that every send names. It publishes bounces
// and complaints to EventBridge's default bus (the only bus SES publishes to), where the
// mailEvents function suppresses the addresses; SES's own account-level suppression list is on
// too. Two alarms watch the reputation rates at which SES first reviews and then pauses an
// account — for the whole account, not one message.
import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { EventBus } from 'aws-cdk-lib/aws-events';
import {
  ConfigurationSet,
  EmailSendingEvent,
  EventDestination,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { opsAlarm } from './ops-alarms.ts';

/** SES reviews an account at a 5 % bounce rate and may pause it at 10 %. */
export const BOUNCE_RATE_ALARM = 0.05;
/** SES reviews an account at a 0.1 % complaint rate and may pause it at 0.5 %. */
export const COMPLAINT_RATE_ALARM = 0.001;

export class MailSending extends Construct {
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: { name: string; alarmTopic: ITopic }) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: props.name,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const reputation = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.minutes(15) });
    opsAlarm(this, 'BounceRateAlarm', {
      metric: reputation('Reputation.BounceRate'),
      threshold: BOUNCE_RATE_ALARM,
      description: `SES bounce rate at ${BOUNCE_RATE_ALARM * 100} %: SES reviews the account now and pauses sending at 10 %`,
      topic: props.alarmTopic,
    });
    opsAlarm(this, 'ComplaintRateAlarm', {
      metric: reputation('Reputation.ComplaintRate'),
      threshold: COMPLAINT_RATE_ALARM,
      description: `SES complaint rate at ${COMPLAINT_RATE_ALARM * 100} %: SES reviews the account now and pauses sending at 0.5 %`,
      topic: props.alarmTopic,
    });
  }
}
