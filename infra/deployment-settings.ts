// What a deployment chooses through CDK context (`-c tierdesk:stage=prod`): read and checked
// once, so a typo stops the synth with the setting's name instead of deploying something odd.
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export const CONTEXT = {
  stage: 'tierdesk:stage',
  mailDomain: 'tierdesk:mailDomain',
} as const;

export type DeploymentSettings = {
  stage: Stage;
  /** The domain SES receives mail for; customers write to support@<mailDomain>. */
  mailDomain: string;
  /** Production keeps its data when a stack is deleted; a dev stack cleans up after itself. */
  removalPolicy: RemovalPolicy;
};

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function readDeploymentSettings(scope: Construct): DeploymentSettings {
  const stage = scope.node.tryGetContext(CONTEXT.stage) ?? 'dev';
  if (!STAGES.includes(stage)) {
    throw new Error(
      `Context ${CONTEXT.stage} must be one of ${STAGES.join(', ')}; got ${JSON.stringify(stage)}`,
    );
  }
  const mailDomain = String(scope.node.tryGetContext(CONTEXT.mailDomain) ?? '').toLowerCase();
  if (!DOMAIN.test(mailDomain)) {
    throw new Error(`Context ${CONTEXT.mailDomain} must be a domain name such as support.example.com`);
  }
  return {
    stage,
    mailDomain,
    removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  };
}

/** The address customers write to and tierdesk sends from. */
export const supportAddress = (settings: DeploymentSettings) => `support@${settings.mailDomain}`;
