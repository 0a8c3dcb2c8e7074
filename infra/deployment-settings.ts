// What a deployment chooses through CDK context (`-c tierdesk:stage=prod`): read and checked
// once, so a typo stops the synth with the setting's name instead of deploying something odd.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { compileDeployment } from '../shared/config/deployment.ts';
import { DEFAULT_CONFIG_DIR } from '../shared/config/deployment-source.ts';
import { parseAckLimits } from '../shared/config/environment.ts';
import { INTAKE_ACCESS, type IntakeAccess } from '../shared/declaration/index.ts';
import { type AckLimits, DEFAULT_ACK_LIMITS } from '../shared/domain/mail-policy.ts';

const REPO_ROOT = join(import.meta.dirname, '..');
/** Where synth writes compiled configuration bundles, relative to the project (git-ignored). */
export const BUNDLE_FOLDER = '.tierdesk-build';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export const CONTEXT = {
  stage: 'tierdesk:stage',
  mailDomain: 'tierdesk:mailDomain',
  /** JSON: `{"perRecipient":{"max":5,"windowMinutes":60},"perSourceIp":{…}}` */
  ackLimits: 'tierdesk:ackLimits',
  /** `public` (default) or `signed-in`: an internal desk takes cases only from its own people. */
  intakeAccess: 'tierdesk:intakeAccess',
  /** The deployment's configuration folder (config/default unless set), shipped with the functions. */
  configDir: 'tierdesk:configDir',
} as const;

export type DeploymentSettings = {
  stage: Stage;
  /** The domain SES receives mail for; customers write to support@<mailDomain>. */
  mailDomain: string;
  /** How many acknowledgements one address, and one source IP, may cause per window. */
  ackLimits: AckLimits;
  /** Who may open a case: anyone, or only a caller signed in to the user pool. */
  intakeAccess: IntakeAccess;
  /** Production keeps its data when a stack is deleted; a dev stack cleans up after itself. */
  removalPolicy: RemovalPolicy;
  /** The configuration folder, validated, compiled with its search indexes into this file. */
  deploymentBundle: { configDir: string; file: string };
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
  const ackLimitsContext = scope.node.tryGetContext(CONTEXT.ackLimits);
  const ackLimits =
    ackLimitsContext === undefined
      ? DEFAULT_ACK_LIMITS
      : parseAckLimits(
          typeof ackLimitsContext === 'string' ? ackLimitsContext : JSON.stringify(ackLimitsContext),
        );
  const intakeAccess = scope.node.tryGetContext(CONTEXT.intakeAccess) ?? 'public';
  if (!INTAKE_ACCESS.includes(intakeAccess)) {
    throw new Error(`Context ${CONTEXT.intakeAccess} must be one of ${INTAKE_ACCESS.join(', ')}`);
  }
  return {
    stage,
    mailDomain,
    ackLimits,
    intakeAccess,
    removalPolicy: stage === 'prod' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deploymentBundle: compileDeploymentBundle(scope.node.tryGetContext(CONTEXT.configDir)),
  };
}

/**
 * Validates the configuration folder and builds its search indexes now, at synth: a broken
 * folder stops the synth naming the file and field, and no one can forget the index step.
 * The bundle is written under a name of its content, so each function's asset hash (and so a
 * deploy) changes exactly when the configuration does.
 */
function compileDeploymentBundle(configDir: unknown): DeploymentSettings['deploymentBundle'] {
  if (configDir !== undefined && (typeof configDir !== 'string' || configDir.trim() === '')) {
    throw new Error(
      `Context ${CONTEXT.configDir} must be a folder path, e.g. config/examples/software-vendor`,
    );
  }
  const dir = configDir ? resolve(configDir) : DEFAULT_CONFIG_DIR;
  const { bundle } = compileDeployment(dir);
  // Inside the project (the bundling's input folder, also when esbuild runs in Docker).
  const folder = join(REPO_ROOT, BUNDLE_FOLDER);
  mkdirSync(folder, { recursive: true });
  const name = `${createHash('sha256').update(bundle).digest('hex').slice(0, 16)}.json`;
  const file = join(folder, name);
  writeFileSync(file, bundle);
  // Bundles of earlier configurations are left for a day (another synth may still be copying
  // one), then removed, so the folder does not grow with every change.
  for (const old of readdirSync(folder)) {
    const path = join(folder, old);
    if (old !== name && old.endsWith('.json') && Date.now() - statSync(path).mtimeMs > 86_400_000)
      rmSync(path, { force: true });
  }
  return { configDir: dir, file };
}

/** The address customers write to and tierdesk sends from. */
export const supportAddress = (settings: DeploymentSettings) => `support@${settings.mailDomain}`;

/** The SES configuration set every send of the deployment names. */
export const mailConfigurationSetName = (settings: DeploymentSettings) => `tierdesk-${settings.stage}-mail`;
