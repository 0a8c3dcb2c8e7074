// The values behind the environment names a function's declaration promises
// (shared/declaration → environmentNames). A name infra cannot fill stops the synth, so a
// function never deploys without a setting it will read at cold start.
import { ENV, environmentNames, type FunctionSpec, type QueueName } from '../shared/declaration/index.ts';

export type EnvironmentValues = {
  tableName: string;
  rawMailBucketName: string;
  queueUrls: Record<QueueName, string>;
  mailFrom: string;
  mailConfigurationSet: string;
  /** JSON of the acknowledgement limits (shared/domain/mail-policy.ts). */
  ackLimits: string;
  intakeAccess: string;
  publicBaseUrl: string;
  jwtIssuer: string;
  jwtAudience: string;
  jwksUrl: string;
};

export function functionEnvironment(spec: FunctionSpec, values: EnvironmentValues): Record<string, string> {
  const known: Record<string, string> = {
    [ENV.table]: values.tableName,
    [ENV.rawMailBucket]: values.rawMailBucketName,
    [ENV.mailFrom]: values.mailFrom,
    [ENV.mailConfigurationSet]: values.mailConfigurationSet,
    [ENV.ackLimits]: values.ackLimits,
    [ENV.intakeAccess]: values.intakeAccess,
    [ENV.publicBaseUrl]: values.publicBaseUrl,
    [ENV.jwtIssuer]: values.jwtIssuer,
    [ENV.jwtAudience]: values.jwtAudience,
    [ENV.jwksUrl]: values.jwksUrl,
  };
  for (const [queue, url] of Object.entries(values.queueUrls)) known[ENV.queueUrl(queue as QueueName)] = url;

  const environment: Record<string, string> = {};
  for (const name of environmentNames(spec)) {
    const value = known[name];
    if (value === undefined) throw new Error(`${spec.entry} needs ${name}, which infra/ does not provide`);
    environment[name] = value;
  }
  return { ...environment, ...spec.environment };
}
