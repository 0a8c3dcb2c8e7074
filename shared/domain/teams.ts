// Who works each level: the team's address (hand-offs, dossiers, callback bookings go there)
// and its lead (SLA alerts), and level 2's callback rules. Configuration, not code: the data is
// config/default/teams.json, validated when a function starts, so a broken file stops it at
// once with the path of the wrong field.
import { z } from 'zod';
import { parseConfig } from './config-file.ts';
import type { QueuedLevel } from './support-model.ts';

const Team = z.object({
  name: z.string().min(1),
  address: z.email(),
  lead: z.email(),
});

const CallbackRules = z.object({
  /** Length of one bookable window. */
  windowMinutes: z.number().int().min(10).max(240),
  /** The earliest window starts this long after now (time to prepare the call). */
  leadMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  /** How many calendar days ahead windows are offered. */
  days: z.number().int().min(1).max(60),
  /** Calls per window: the technicians on duty. */
  capacity: z.number().int().min(1).max(1000),
});

export const TeamsSchema = z.object({
  level1: Team,
  level2: Team.extend({ callback: CallbackRules }),
  level3: Team,
  level4: Team,
});
export type Teams = z.output<typeof TeamsSchema>;
export type Team = z.output<typeof Team>;
export type CallbackRules = z.output<typeof CallbackRules>;

export function parseTeams(raw: unknown, where: string): Teams {
  return parseConfig(TeamsSchema, raw, where);
}

export function teamOf(level: QueuedLevel, all: Teams): Team {
  return all[`level${level}`];
}
