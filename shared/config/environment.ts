// Configuration is read once, at cold start, from the environment the declaration promises
// (shared/declaration → environmentNames). A missing setting stops the function at once,
// with its name, instead of failing later on the first request that needs it.
import { z } from 'zod';
import { ENV, environmentNames, type FunctionSpec } from '../declaration/index.ts';
import type { AckLimits } from '../domain/mail-policy.ts';

export class MissingSettingError extends Error {
  constructor(names: string[], where: string) {
    super(`Missing required setting${names.length > 1 ? 's' : ''} ${names.join(', ')} for ${where}`);
    this.name = 'MissingSettingError';
  }
}

export function requireEnvironment(
  spec: FunctionSpec,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const names = environmentNames(spec);
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) throw new MissingSettingError(missing, spec.entry);
  return Object.fromEntries(names.map((name) => [name, env[name] as string]));
}

const SendLimitSchema = z.object({
  max: z.number().int().min(1).max(1_000_000),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});
const AckLimitsSchema = z.object({ perRecipient: SendLimitSchema, perSourceIp: SendLimitSchema }).strict();

/** The acknowledgement limits, checked at cold start: a typo stops the function with its name. */
export function parseAckLimits(json: string): AckLimits {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(`${ENV.ackLimits} is not JSON`);
  }
  const parsed = AckLimitsSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${ENV.ackLimits}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
