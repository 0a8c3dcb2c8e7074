// The local runtime's settings, from the environment, validated once.
import { join } from 'node:path';
import { z } from 'zod';

const Port = z.coerce.number().int().min(0).max(65_535);

const SettingsSchema = z.object({
  PORT: Port.default(3000),
  DYNAMODB_PORT: Port.default(8000),
  SQS_PORT: Port.default(4566),
  SES_PORT: Port.default(8005),
  SMTP_PORT: Port.default(2525),
  /** Lambda's Invoke API for every function, as `sam local start-lambda` serves it. */
  LAMBDA_PORT: Port.default(3001),
  TIERDESK_DATA_DIR: z
    .string()
    .min(1)
    .default(join(import.meta.dirname, '..', '.tierdesk-data')),
  TIERDESK_MAIL_DOMAIN: z.string().min(3).default('tierdesk.localhost'),
});

export type LocalSettings = z.infer<typeof SettingsSchema>;

export function readLocalSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const parsed = SettingsSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid setting ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
