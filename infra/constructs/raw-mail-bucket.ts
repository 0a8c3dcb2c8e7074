// Raw inbound MIME (written by SES's receipt rule under inbound/) and attachments. Mail holds
// personal data, so raw messages expire after 90 days; the cases keep what matters.
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { RAW_MAIL_PREFIX } from '../../shared/declaration/index.ts';
import { acknowledgeNag } from '../nag.ts';

const RAW_MAIL_DAYS = 90;
/** Versioning guards against an overwrite or a mistaken delete; old versions go after a month. */
const NONCURRENT_VERSION_DAYS = 30;

export type RawMailBucketProps = { removalPolicy: RemovalPolicy };

export class RawMailBucket extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: RawMailBucketProps) {
    super(scope, id);
    const common = {
      // SSE-S3: SES's S3 action can write without a key grant, and readers need no kms: rights.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy: props.removalPolicy,
    };
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      ...common,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
    });
    acknowledgeNag(
      this.accessLogs,
      'This bucket receives the raw-mail bucket’s server access logs; logging it into itself would log its own log writes without end.',
      'S1',
    );
    this.bucket = new Bucket(this, 'Bucket', {
      ...common,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'raw-mail/',
      lifecycleRules: [
        {
          id: 'expire-raw-mail',
          prefix: RAW_MAIL_PREFIX,
          expiration: Duration.days(RAW_MAIL_DAYS),
          noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
        },
        // A separate rule: S3 rejects expiredObjectDeleteMarker next to an expiration in days.
        { id: 'remove-expired-delete-markers', prefix: RAW_MAIL_PREFIX, expiredObjectDeleteMarker: true },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
  }
}
