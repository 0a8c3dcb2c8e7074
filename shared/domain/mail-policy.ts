// How often the desk may write to one address or on behalf of one source, and the marks every
// mail it sends carries so that other robots (and its own intake) never answer it.
import type { SendLimit } from '../use-cases/ports.ts';

export type AckLimits = {
  /** Acknowledgements to one recipient address per window. */
  perRecipient: SendLimit;
  /** Acknowledgements of cases opened from one source IP per window. */
  perSourceIp: SendLimit;
};

/**
 * Defaults a deployment can change (`tierdesk:ackLimits`, or ACK_LIMITS locally). A person
 * rarely opens more than a few cases an hour; an office behind one NAT address may open dozens.
 * A relay attempt of hundreds of requests from one client sends at most `perSourceIp.max` mails.
 */
export const DEFAULT_ACK_LIMITS: AckLimits = {
  perRecipient: { max: 5, windowMinutes: 60 },
  perSourceIp: { max: 30, windowMinutes: 60 },
};

/**
 * The loop header: every mail tierdesk sends carries it, and email intake refuses mail that
 * carries it, so two desks (or one desk and itself) can never answer each other for ever.
 */
export const LOOP_HEADER = { name: 'X-Loop', value: 'tierdesk' } as const;
