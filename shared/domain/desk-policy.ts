// The desk's lifecycle rules a deployment sets as data (config/default/desk-policy.json),
// validated when a function starts: a wrong value stops it at once with the field's path.
import { z } from 'zod';
import { parseConfig } from './config-file.ts';

export const DeskPolicySchema = z
  .object({
    /** Days a resolved case waits for the customer's objection before it closes by itself. */
    objectionDays: z.number().int().min(1).max(90),
    /**
     * Days a case waits on the customer's answer before it goes back to whoever works it (the
     * resolution clock runs again): a silent customer must not leave a case waiting for ever.
     */
    customerSilenceDays: z.number().int().min(1).max(90),
  })
  .strict();
export type DeskPolicy = z.output<typeof DeskPolicySchema>;

export function parseDeskPolicy(raw: unknown, where: string): DeskPolicy {
  return parseConfig(DeskPolicySchema, raw, where);
}
