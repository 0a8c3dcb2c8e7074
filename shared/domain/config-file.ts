// Configuration files a deployment edits (config/<deployment>/*.json) are validated when a function
// starts; a wrong field stops it at once with the file and the field's path.
import type { z } from 'zod';

export function parseConfig<S extends z.ZodType>(schema: S, raw: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${where}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
}
