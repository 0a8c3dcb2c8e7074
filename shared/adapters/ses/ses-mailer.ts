// Mailer on SES v2. Headers are built by SES from structured fields, never by concatenating
// customer text, so a subject or name can never inject a header. Every mail goes through the
// deployment's configuration set, whose event destination reports bounces and complaints.
import { type MessageHeader, type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { LOOP_HEADER } from '../../domain/mail-policy.ts';
import { type Mailer, type OutgoingEmail, UndeliverableEmailError } from '../../use-cases/ports.ts';

/**
 * SES's answers that retrying cannot change: the message or address is refused, or the
 * account may not send (sandbox, paused, suspended, unverified sender). In the sandbox IAM
 * checks the recipient's identity too, so an unverified recipient is an AccessDenied.
 * Throttling and service errors are not among them — those are retried by the queue.
 */
const PERMANENT = new Set([
  'MessageRejected',
  'BadRequestException',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'NotFoundException',
  'AccessDeniedException',
]);

/** Tells a permanent refusal from a failure worth retrying. */
export function asDeliveryError(error: unknown): unknown {
  const name = (error as { name?: string })?.name ?? '';
  return PERMANENT.has(name)
    ? new UndeliverableEmailError(`${name}: ${(error as Error).message}`, { cause: error })
    : error;
}

const MAX_MESSAGE_ID = 250;

/** The headers every mail carries (RFC 3834, the loop header) and a reply's threading. */
export function mailHeaders(email: OutgoingEmail): MessageHeader[] {
  const headers: MessageHeader[] = [
    { Name: 'Auto-Submitted', Value: email.autoSubmitted },
    { Name: LOOP_HEADER.name, Value: LOOP_HEADER.value },
    // Asks Exchange and Outlook not to answer with out-of-office or read receipts.
    { Name: 'X-Auto-Response-Suppress', Value: 'All' },
  ];
  // SES refuses a header that is not printable ASCII or too long; a Message-ID SES would refuse
  // is left out rather than cost the customer the mail.
  const thread = (email.inReplyTo ?? []).filter(
    (id) => id.length <= MAX_MESSAGE_ID && /^<[!-;=?-~]+>$/.test(id),
  );
  const last = thread.at(-1);
  if (last) {
    headers.push({ Name: 'In-Reply-To', Value: last }, { Name: 'References', Value: thread.join(' ') });
  }
  return headers;
}

export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly from: string,
    private readonly configurationSet: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.client
      .send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [email.to] },
          ReplyToAddresses: email.replyTo ? [email.replyTo] : undefined,
          ConfigurationSetName: this.configurationSet,
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
              Headers: mailHeaders(email),
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
