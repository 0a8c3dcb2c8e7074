// SES sending events as EventBridge delivers them from the default bus (source aws.ses), in
// the shapes of AWS's published examples (SES Developer Guide, "Examples of event data that
// Amazon SES publishes"), and the local Lambda Invoke API that replays them.
import { randomUUID } from 'node:crypto';
import { local } from './http.ts';

const CONFIGURATION_SET = 'tierdesk-local-mail';

/** The mail object every sending event carries: the message the event is about. */
function sentMail(destination: string[], sentAt: Date) {
  return {
    timestamp: sentAt.toISOString(),
    source: 'tierdesk <support@tierdesk.localhost>',
    sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/tierdesk.localhost',
    sendingAccountId: '123456789012',
    messageId: `0100019${randomUUID().replaceAll('-', '')}-000000`,
    destination,
    headersTruncated: false,
    tags: {
      'ses:configuration-set': [CONFIGURATION_SET],
      'ses:source-ip': ['192.0.2.10'],
      'ses:from-domain': ['tierdesk.localhost'],
      'ses:caller-identity': ['tierdesk-classify'],
    },
  };
}

/** The EventBridge envelope around an SES event's `detail`. */
function envelope(detailType: string, detail: Record<string, unknown>, at: Date) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source: 'aws.ses',
    account: '123456789012',
    time: at.toISOString(),
    region: 'us-east-1',
    resources: [`arn:aws:ses:us-east-1:123456789012:configuration-set/${CONFIGURATION_SET}`],
    detail,
  };
}

/** "Email Bounced": `recipients` as SES names them (bare, or `"Name" <addr>`). */
export function bounceEvent(
  recipients: string[],
  bounceType: 'Permanent' | 'Transient' | 'Undetermined' = 'Permanent',
  bounceSubType = bounceType === 'Transient' ? 'MailboxFull' : 'General',
) {
  const at = new Date();
  const permanent = bounceType === 'Permanent';
  return envelope(
    'Email Bounced',
    {
      eventType: 'Bounce',
      bounce: {
        bounceType,
        bounceSubType,
        bouncedRecipients: recipients.map((emailAddress) => ({
          emailAddress,
          action: 'failed',
          status: permanent ? '5.1.1' : '4.2.2',
          diagnosticCode: permanent ? 'smtp; 550 5.1.1 user unknown' : 'smtp; 452 4.2.2 mailbox full',
        })),
        timestamp: at.toISOString(),
        feedbackId: `0100019${randomUUID().replaceAll('-', '')}-000000`,
        reportingMTA: 'dsn; mta.example.com',
      },
      mail: sentMail(recipients, new Date(at.getTime() - 60_000)),
    },
    at,
  );
}

/** "Email Complaint Received": the recipient marked the mail as spam. */
export function complaintEvent(recipients: string[]) {
  const at = new Date();
  return envelope(
    'Email Complaint Received',
    {
      eventType: 'Complaint',
      complaint: {
        feedbackId: `0100019${randomUUID().replaceAll('-', '')}-000000`,
        complaintSubType: null,
        complainedRecipients: recipients.map((emailAddress) => ({ emailAddress })),
        timestamp: at.toISOString(),
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
        complaintFeedbackType: 'abuse',
        arrivalDate: at.toISOString(),
      },
      mail: sentMail(recipients, new Date(at.getTime() - 60_000)),
    },
    at,
  );
}

/** "Email Delivered": neither a bounce nor a complaint. */
export function deliveryEvent(recipients: string[]) {
  const at = new Date();
  return envelope(
    'Email Delivered',
    {
      eventType: 'Delivery',
      delivery: {
        timestamp: at.toISOString(),
        processingTimeMillis: 546,
        recipients,
        smtpResponse: '250 2.6.0 Message received',
        reportingMTA: 'mta-1a.example.com',
      },
      mail: sentMail(recipients, new Date(at.getTime() - 1_000)),
    },
    at,
  );
}

/** POST /2015-03-31/functions/{name}/invocations on the local Lambda Invoke API. */
export async function invokeFunction(
  name: string,
  payload: unknown,
  options: {
    invocationType?: 'RequestResponse' | 'Event' | 'DryRun';
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const response = await fetch(
    `${local().lambda}/2015-03-31/functions/${encodeURIComponent(name)}/invocations`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.invocationType ? { 'x-amz-invocation-type': options.invocationType } : {}),
        ...options.headers,
      },
      body: options.rawBody ?? JSON.stringify(payload),
    },
  );
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: a test reads arbitrary JSON answers
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
