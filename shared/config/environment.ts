// Configuration is read once, at cold start, from the environment the declaration promises
// (functions/system.ts → environmentNames). A missing setting stops the function at once,
// with its name, instead of failing later on the first request that needs it.
import { environmentNames, type FunctionSpec } from '../../functions/system.ts';

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
