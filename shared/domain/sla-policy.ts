// Service-level targets as data (config/default/sla-policy.json, DESIGN §6 defaults): per
// priority, overridable per level and per customer organisation (its contract), and what a
// breach sets off. Validated when a function starts: a wrong field stops it with its path.
// P1 and P2 run around the clock; P3–P5 count the level's business time.
import { z } from 'zod';
import { parseConfig } from './config-file.ts';
import { PRIORITIES, type Priority, type QueuedLevel } from './support-model.ts';

const DurationSchema = z
  .object({
    amount: z.number().positive().max(10_000),
    unit: z.enum(['minutes', 'hours', 'businessHours', 'businessDays']),
  })
  .strict();
const TargetSchema = z
  .object({
    firstResponse: DurationSchema,
    resolution: DurationSchema,
    clock: z.enum(['24x7', 'business-hours']),
  })
  .strict();
const PartialTargets = z.partialRecord(z.enum(PRIORITIES), TargetSchema.partial().strict());

export const SlaPolicySchema = z
  .object({
    /** Share of a target at which the level's lead is warned (DESIGN: 75 %). */
    warningShare: z.number().gt(0).lt(1),
    targets: z.record(z.enum(PRIORITIES), TargetSchema),
    levels: z.partialRecord(z.enum(['level1', 'level2', 'level3', 'level4']), PartialTargets).default({}),
    /** A customer organisation's contract, by the organisation's name as intake records it. */
    organisations: z.record(z.string().min(1), PartialTargets).default({}),
    /** What a breach sets off beyond the lead's alert, per priority. */
    breach: z
      .partialRecord(
        z.enum(PRIORITIES),
        z
          .object({ escalateToNextLevel: z.boolean().default(false), notify: z.array(z.email()).default([]) })
          .strict(),
      )
      .default({}),
  })
  .strict();

export type Duration = z.output<typeof DurationSchema>;
export type SlaTarget = z.output<typeof TargetSchema>;
export type SlaPolicy = z.output<typeof SlaPolicySchema>;

export function parseSlaPolicy(raw: unknown, where: string): SlaPolicy {
  return parseConfig(SlaPolicySchema, raw, where);
}

/**
 * The targets that hold for a case: the priority's, then its level's override, then its
 * organisation's contract (the most specific wins, field by field).
 */
export function slaTargetFor(
  priority: Priority,
  level: QueuedLevel,
  organisation: string | undefined,
  p: SlaPolicy,
): SlaTarget {
  return {
    ...p.targets[priority],
    ...p.levels[`level${level}`]?.[priority],
    ...(organisation ? p.organisations[organisation]?.[priority] : {}),
  };
}
