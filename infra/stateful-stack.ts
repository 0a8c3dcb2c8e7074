// Everything that holds data or identity — the table, the work queues, the raw-mail bucket,
// the agents' user pool, the SES identity and the ops-alarm topic — in a stack of its own, so
// the stateless stack (functions, API, triggers) can be replaced freely without touching them.
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { EmailIdentity, Identity, type IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  INBOUND_MAIL_FAILURES,
  MAIL_EVENT_FAILURES,
  QUEUES,
  type QueueName,
} from '../shared/declaration/index.ts';
import { AgentDirectory } from './constructs/agent-directory.ts';
import { CaseTable } from './constructs/case-table.ts';
import { FailedEventsQueue } from './constructs/failed-events-queue.ts';
import { MailSending } from './constructs/mail-sending.ts';
import { OpsAlarms } from './constructs/ops-alarms.ts';
import { RawMailBucket } from './constructs/raw-mail-bucket.ts';
import { WorkQueue } from './constructs/work-queue.ts';
import { type DeploymentSettings, mailConfigurationSetName } from './deployment-settings.ts';
import { pascalCase } from './naming.ts';

/** What the stateless stack may use of the stateful one. */
export interface StatefulResources {
  readonly settings: DeploymentSettings;
  readonly table: ITable;
  readonly queues: Record<QueueName, IQueue>;
  readonly rawMailBucket: IBucket;
  /** Email intake's on-failure destination (shared/declaration INBOUND_MAIL_FAILURES). */
  readonly inboundMailFailures: IQueue;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  /** The `iss` of the agents' tokens. */
  readonly jwtIssuer: string;
  readonly mailIdentity: IEmailIdentity;
  /** The SES configuration set every send names (bounces and complaints → mailEvents). */
  readonly mailConfigurationSetName: string;
  /** The mailEvents function's on-failure destination (shared/declaration MAIL_EVENT_FAILURES). */
  readonly mailEventFailures: IQueue;
  readonly alarmTopic: ITopic;
}

export type StatefulStackProps = StackProps & { settings: DeploymentSettings };

export class StatefulStack extends Stack implements StatefulResources {
  readonly settings: DeploymentSettings;
  readonly table: ITable;
  readonly workQueues: Record<QueueName, WorkQueue>;
  readonly queues: Record<QueueName, IQueue>;
  readonly rawMailBucket: IBucket;
  readonly inboundMailFailures: IQueue;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  readonly jwtIssuer: string;
  readonly mailIdentity: IEmailIdentity;
  readonly mailConfigurationSetName: string;
  readonly mailEventFailures: IQueue;
  readonly alarmTopic: ITopic;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: props.settings.stage === 'prod', ...props });
    const { settings } = props;
    const removalPolicy = settings.removalPolicy;
    this.settings = settings;

    const opsAlarms = new OpsAlarms(this, 'OpsAlarms', {
      topicName: `tierdesk-${settings.stage}-ops-alarms`,
      removalPolicy,
    });
    this.alarmTopic = opsAlarms.topic;

    this.table = new CaseTable(this, 'CaseTable', { removalPolicy }).table;

    this.workQueues = Object.fromEntries(
      (Object.entries(QUEUES) as Array<[QueueName, (typeof QUEUES)[QueueName]]>).map(([name, spec]) => [
        name,
        new WorkQueue(this, `${pascalCase(name)}Queue`, {
          name,
          spec,
          alarmTopic: this.alarmTopic,
          removalPolicy,
        }),
      ]),
    ) as Record<QueueName, WorkQueue>;
    this.queues = Object.fromEntries(
      Object.entries(this.workQueues).map(([name, workQueue]): [string, IQueue] => [name, workQueue.queue]),
    ) as Record<QueueName, IQueue>;

    this.rawMailBucket = new RawMailBucket(this, 'RawMail', { removalPolicy }).bucket;
    this.inboundMailFailures = new FailedEventsQueue(this, 'InboundMailFailures', {
      name: INBOUND_MAIL_FAILURES,
      purpose: 'email intake of an inbound message',
      alarmTopic: this.alarmTopic,
      removalPolicy,
    }).queue;

    const agents = new AgentDirectory(this, 'Agents', { removalPolicy });
    this.userPool = agents.userPool;
    this.userPoolClient = agents.client;
    this.jwtIssuer = agents.issuerUrl;

    // The domain identity lets tierdesk send as support@<domain> (it comes with the DKIM
    // records to publish) and is the resource the senders' ses:SendEmail permission names.
    const mailIdentity = new EmailIdentity(this, 'MailIdentity', {
      identity: Identity.domain(settings.mailDomain),
    });
    mailIdentity.applyRemovalPolicy(removalPolicy);
    this.mailIdentity = mailIdentity;

    // Named by the settings, not by a token: the stateless stack and its grants name the same
    // string without a cross-stack export.
    this.mailConfigurationSetName = mailConfigurationSetName(settings);
    new MailSending(this, 'MailSending', {
      name: this.mailConfigurationSetName,
      alarmTopic: this.alarmTopic,
    });
    this.mailEventFailures = new FailedEventsQueue(this, 'MailEventFailures', {
      name: MAIL_EVENT_FAILURES,
      purpose: 'recording an SES bounce or complaint',
      alarmTopic: this.alarmTopic,
      removalPolicy,
    }).queue;
  }
}
