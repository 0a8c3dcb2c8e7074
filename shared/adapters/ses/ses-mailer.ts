// Mailer on SES v2. Headers are built by SES from structured fields, never by concatenating
// customer text, so a subject or name can never inject a header.
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { type Mailer, type OutgoingEmail, UndeliverableEmailError } from '../../use-cases/ports.ts';

/**
 * SES's answers that retrying cannot change: the message or address is refused, or the
 * account may not send (sandbox, paused, suspended, unverified sender). Throttling and
 * service errors are not among them — those are retried by the queue.
 */
const PERMANENT = new Set([
  'MessageRejected',
  'BadRequestException',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'NotFoundException',
]);

/** Tells a permanent refusal from a failure worth retrying. */
export function asDeliveryError(error: unknown): unknown {
  const name = (error as { name?: string })?.name ?? '';
  return PERMANENT.has(name)
    ? new UndeliverableEmailError(`${name}: ${(error as Error).message}`, { cause: error })
    : error;
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly from: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.client
      .send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [email.to] },
          ReplyToAddresses: email.replyTo ? [email.replyTo] : undefined,
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
            },
          },
        }),
      )
      .catch((error: unknown) => {
        throw asDeliveryError(error);
      });
    return { messageId: result.MessageId ?? '' };
  }
}
