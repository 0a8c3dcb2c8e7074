// The single table: generic pk/sk plus gsi1..gsi3, whose meaning (named access patterns) lives
// in shared/adapters/dynamodb/table-keys.ts — the same module the local runtime provisions from.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { INDEXES, TABLE_KEYS } from '../../shared/adapters/dynamodb/table-keys.ts';

export type CaseTableProps = { removalPolicy: RemovalPolicy };

export class CaseTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: CaseTableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      // Traffic is bursty (a morning rush, quiet nights): on-demand costs nothing when idle.
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_KEYS.ttl,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The AWS managed key (aws/dynamodb): usage shows in CloudTrail, and callers need no
      // kms: permissions, which keeps every function's policy to the table alone.
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy,
    });
    for (const index of Object.values(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.pk, type: AttributeType.STRING },
        sortKey: { name: index.sk, type: AttributeType.STRING },
        // Queries return whole cases; projecting everything saves a second read per item.
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
