// Mailer on SES v2. Headers are built by SES from structured fields, never by concatenating
// customer text, so a subject or name can never inject a header. Every mail goes through the
// deployment's configuration set, whose event destination reports bounces and complaints.
import { type MessageHeader, type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { LOOP_HEADER } from '../../domain/mail-policy.ts';
import { type Mailer, type OutgoingEmail, UndeliverableEmailError } from '../../use-cases/ports.ts';

/**
 * SES's answers that retrying cannot change: the message or address is refused, or the
 * account may not send (sandbox, paused, suspended, unverified sender). Throttling and service
 * errors are not among them — those are retried by the queue.
 */
const PERMANENT = new Set([
  'MessageRejected',
  'BadRequestException',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
]);

/**
 * Tells a permanent refusal from a failure worth retrying. An AccessDenied is permanent only
 * when it names the recipient's identity — the SES sandbox's answer for an unverified
 * recipient. Any other AccessDenied (a wrong grant, a missing configuration set) is the
 * deployment's fault: thrown, retried, and dead-lettered with an alarm, never recorded quietly
 * as this customer's undeliverable mail.
 */
export function asDeliveryError(error: unknown, recipient?: string): unknown {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as Error)?.message ?? '';
  const sandboxRecipient =
    name === 'AccessDeniedException' &&
    recipient !== undefined &&
    message.toLowerCase().includes(`identity/${recipient.toLowerCase()}`);
  return PERMANENT.has(name) || sandboxRecipient
    ? new UndeliverableEmailError(`${name}: ${message}`, { cause: error })
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
              ...(email.attachments?.length
                ? {
                    Attachments: email.attachments.map((a) => ({
                      FileName: a.filename,
                      ContentType: a.contentType,
                      ContentDisposition: 'ATTACHMENT' as const,
                      RawContent: Buffer.from(a.content, 'utf8'),
                    })),
                  }
                : {}),
            },
          },
        }),
      )
      .catch((error: unknown) => {
        throw asDeliveryError(error, email.to);
      });
    return { messageId: result.MessageId ?? '' };
  }
}
