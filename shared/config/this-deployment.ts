// This process's deployment (deployment.ts), read once when first imported: the policies,
// teams, calendars and vendors the functions work by. A broken configuration stops the
// function at its cold start with every problem named.
import type { BusinessCalendar } from '../domain/business-calendar.ts';
import type { QueuedLevel } from '../domain/support-model.ts';
import { activeDeployment } from './deployment.ts';

const deployment = activeDeployment();

export const SLA_POLICY = deployment.slaPolicy;
export const DEFAULT_SLA_TARGETS = SLA_POLICY.targets;
/** Warning at 75 % of a target, breach at 100 % (sla-policy.json: warningShare). */
export const SLA_WARNING_SHARE = SLA_POLICY.warningShare;
export const TEAMS = deployment.teams;
export const DESK_POLICY = deployment.deskPolicy;
export const VENDOR_CATALOGUE = deployment.vendors;
export const TEAM_CALENDARS: Readonly<Record<QueuedLevel, BusinessCalendar>> = deployment.calendars;

export function teamCalendar(level: QueuedLevel): BusinessCalendar {
  return TEAM_CALENDARS[level];
}
