// Everything that holds data or identity — the table, the work queues, the raw-mail bucket,
// the agents' user pool, the SES identity and the ops-alarm topic — in a stack of its own, so
// the stateless stack (functions, API, triggers) can be replaced freely without touching them.
import { Stack, type StackProps } from 'aws-cdk-lib';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { QUEUES, type QueueName } from '../functions/system.ts';
import { AgentDirectory } from './constructs/agent-directory.ts';
import { CaseTable } from './constructs/case-table.ts';
import { OpsAlarms } from './constructs/ops-alarms.ts';
import { RawMailBucket } from './constructs/raw-mail-bucket.ts';
import { WorkQueue } from './constructs/work-queue.ts';
import type { DeploymentSettings } from './deployment-settings.ts';
import { pascalCase } from './naming.ts';

export type StatefulStackProps = StackProps & { settings: DeploymentSettings };

export class StatefulStack extends Stack {
  readonly settings: DeploymentSettings;
  readonly caseTable: CaseTable;
  readonly workQueues: Record<QueueName, WorkQueue>;
  readonly rawMail: RawMailBucket;
  readonly agents: AgentDirectory;
  readonly mailIdentity: EmailIdentity;
  readonly opsAlarms: OpsAlarms;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, { terminationProtection: props.settings.stage === 'prod', ...props });
    const { settings } = props;
    const removalPolicy = settings.removalPolicy;
    this.settings = settings;

    this.opsAlarms = new OpsAlarms(this, 'OpsAlarms', {
      topicName: `tierdesk-${settings.stage}-ops-alarms`,
      removalPolicy,
    });
    this.opsAlarms.topic.applyRemovalPolicy(removalPolicy);
    this.caseTable = new CaseTable(this, 'CaseTable', { removalPolicy });
    this.workQueues = Object.fromEntries(
      (Object.entries(QUEUES) as Array<[QueueName, (typeof QUEUES)[QueueName]]>).map(([name, spec]) => [
        name,
        new WorkQueue(this, `${pascalCase(name)}Queue`, {
          name,
          spec,
          alarmTopic: this.opsAlarms.topic,
          removalPolicy,
        }),
      ]),
    ) as Record<QueueName, WorkQueue>;
    this.rawMail = new RawMailBucket(this, 'RawMail', { removalPolicy });
    this.agents = new AgentDirectory(this, 'Agents', { removalPolicy });
    // The domain identity lets tierdesk send as support@<domain> (DKIM records to publish come
    // with it) and is the resource the senders' ses:SendEmail permission names.
    this.mailIdentity = new EmailIdentity(this, 'MailIdentity', {
      identity: Identity.domain(settings.mailDomain),
    });
    this.mailIdentity.applyRemovalPolicy(removalPolicy);
  }
}
