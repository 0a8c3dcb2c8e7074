// SES inbound: mail to support@<domain> is stored as raw MIME in S3, then the intake function
// is invoked with SES's event naming that object — the same two steps the local SMTP intake
// (local/smtp-intake.ts) plays on a laptop.
//
// CloudFormation cannot activate a receipt rule set, and a region has only one active set;
// activating it is a deliberate step after the first deploy (see README, "Deploying to AWS").
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { type ReceiptRule, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Lambda as LambdaAction, LambdaInvocationType, S3 as S3Action } from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { RAW_MAIL_PREFIX } from '../../shared/declaration/index.ts';

export type InboundMailProps = {
  ruleSetName: string;
  recipient: string;
  rawMailBucket: IBucket;
  intake: IFunction;
};

export class InboundMail extends Construct {
  readonly ruleSet: ReceiptRuleSet;
  readonly rule: ReceiptRule;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: props.ruleSetName });
    this.rule = this.ruleSet.addRule('Support', {
      recipients: [props.recipient],
      // SES adds spam, virus, SPF, DKIM and DMARC verdicts to the event; intake rejects (and
      // records) a virus, spam, or a sender that cannot be verified.
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        new S3Action({ bucket: props.rawMailBucket, objectKeyPrefix: RAW_MAIL_PREFIX }),
        // EVENT: SES does not wait for intake, and Lambda retries a failed intake twice.
        new LambdaAction({ function: props.intake, invocationType: LambdaInvocationType.EVENT }),
      ],
    });
  }
}
