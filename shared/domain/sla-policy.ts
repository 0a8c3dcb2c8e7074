// Service-level targets per priority (DESIGN §6). A deployment can change them; these are
// the defaults. P1 and P2 run around the clock; P3–P5 count business time only.
import type { Priority } from './support-model.ts';

export type Duration = { amount: number; unit: 'minutes' | 'hours' | 'businessHours' | 'businessDays' };
export type SlaTarget = { firstResponse: Duration; resolution: Duration; clock: '24x7' | 'business-hours' };

export const DEFAULT_SLA_TARGETS: Record<Priority, SlaTarget> = {
  P1: {
    firstResponse: { amount: 15, unit: 'minutes' },
    resolution: { amount: 4, unit: 'hours' },
    clock: '24x7',
  },
  P2: {
    firstResponse: { amount: 30, unit: 'minutes' },
    resolution: { amount: 8, unit: 'hours' },
    clock: '24x7',
  },
  P3: {
    firstResponse: { amount: 4, unit: 'businessHours' },
    resolution: { amount: 3, unit: 'businessDays' },
    clock: 'business-hours',
  },
  P4: {
    firstResponse: { amount: 1, unit: 'businessDays' },
    resolution: { amount: 5, unit: 'businessDays' },
    clock: 'business-hours',
  },
  P5: {
    firstResponse: { amount: 2, unit: 'businessDays' },
    resolution: { amount: 10, unit: 'businessDays' },
    clock: 'business-hours',
  },
};

/** Warning at 75 % of a target, breach at 100 %. */
export const SLA_WARNING_SHARE = 0.75;
