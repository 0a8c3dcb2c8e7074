/**
 * Record what SES reports about a sent mail (the configuration set's event destination).
 *
 * Input: an SES sending event: a bounce or a complaint.
 * Output: the addresses now suppressed.
 * Primary course:
 *  1. A permanent bounce (the address does not exist) or a complaint (the recipient marked our
 *     mail as spam) suppresses each recipient named: every later send checks the suppression
 *     record and sends nothing there. SES pauses an account whose bounce or complaint rate
 *     grows; writing again to such addresses is how that happens.
 *  2. A transient bounce (mailbox full, greylisting) suppresses nothing: SES retried already,
 *     and the next mail may well arrive.
 * Suppressing an address twice writes the same record again: the consumer is idempotent.
 */
import type { Clock, Recipients } from './ports.ts';

export type MailEvent =
  | {
      eventType: 'Bounce';
      bounce: {
        bounceType: string;
        bounceSubType?: string;
        bouncedRecipients: Array<{ emailAddress: string }>;
      };
    }
  | {
      eventType: 'Complaint';
      complaint: { complaintFeedbackType?: string; complainedRecipients: Array<{ emailAddress: string }> };
    };

export async function recordMailEventUseCase(
  deps: { recipients: Recipients; clock: Clock },
  event: MailEvent,
): Promise<{ suppressed: string[] }> {
  const at = deps.clock().toISOString();
  const { addresses, reason } =
    event.eventType === 'Bounce'
      ? {
          addresses:
            event.bounce.bounceType === 'Permanent'
              ? event.bounce.bouncedRecipients.map((r) => r.emailAddress)
              : [],
          reason: `bounce: ${event.bounce.bounceType}/${event.bounce.bounceSubType ?? 'General'}`,
        }
      : {
          addresses: event.complaint.complainedRecipients.map((r) => r.emailAddress),
          reason: `complaint${event.complaint.complaintFeedbackType ? `: ${event.complaint.complaintFeedbackType}` : ''}`,
        };
  for (const address of addresses) await deps.recipients.suppress({ address: bare(address), reason, at });
  return { suppressed: addresses.map(bare) };
}

/** SES names a recipient as written in the header: `"Ada" <ada@example.com>` or bare. */
function bare(address: string): string {
  return (/<([^<>]+)>\s*$/.exec(address)?.[1] ?? address).trim();
}
