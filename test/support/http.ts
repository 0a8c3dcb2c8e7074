// Small helpers for talking to the local system through its front doors.
import nodemailer from 'nodemailer';
import { inject } from 'vitest';

export const local = () => inject('local');

export async function call(
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['content-type'] ??= 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${local().api}${path}`, {
    method,
    headers,
    ...(options.rawBody !== undefined
      ? { body: options.rawBody }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: a test reads arbitrary JSON answers
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export type SentEmail = {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
};

export async function sentEmailsTo(address: string): Promise<SentEmail[]> {
  const response = await fetch(`${local().ses}/store`);
  const store = (await response.json()) as { emails: SentEmail[] };
  return store.emails.filter((e) => e.destination.to.some((to) => to.includes(address)));
}

export function newCaseBody(
  overrides: { email?: string; subject?: string; description?: string; language?: string } = {},
) {
  return {
    customer: {
      name: 'Ada Lovelace',
      email: overrides.email ?? `ada.${Math.random().toString(36).slice(2)}@example.com`,
      ...(overrides.language ? { language: overrides.language } : {}),
    },
    problem: {
      subject: overrides.subject ?? 'Outlook crashes on start',
      description: overrides.description ?? 'Since this morning Outlook crashes right after I start it.',
    },
  };
}

export type SentEmailWithHeaders = SentEmail & { headers?: Array<{ name: string; value: string }> };

/** Waits for the `count`-th mail to `address` and returns all mails so far, oldest first. */
export async function waitForEmails(address: string, count = 1): Promise<SentEmailWithHeaders[]> {
  return eventually(
    async () => {
      const mails = await sentEmailsTo(address);
      return mails.length >= count ? mails : undefined;
    },
    20_000,
    `${count} email(s) to ${address}`,
  );
}

/** The case token a mail's link carries (#token=…). */
export const tokenIn = (mail: SentEmail | undefined) =>
  /#token=(tdc_[\w-]+)/.exec(mail?.body.text ?? '')?.[1];

/**
 * Makes `address` one the desk has seen verified, as its owner would: open a case, take the
 * link of the first-contact mail, confirm the address with it. Later mail to it may quote.
 */
export async function verifiedAddress(address = `ada.${Math.random().toString(36).slice(2)}@example.com`) {
  const created = await call('POST', '/cases', { body: newCaseBody({ email: address }) });
  if (created.status !== 201) throw new Error(`could not open a case: ${created.text}`);
  // This case's own first mail: the address may have had mail about other cases before.
  const reference = String(created.json.reference);
  const first = await eventually(
    async () => (await sentEmailsTo(address)).find((m) => m.subject.includes(reference)),
    20_000,
    `the first mail of ${reference}`,
  );
  const confirmed = await call('POST', `/cases/${created.json.id}/address-confirmation`, {
    token: tokenIn(first),
  });
  if (confirmed.status !== 200) throw new Error(`could not confirm ${address}: ${confirmed.text}`);
  return address;
}

/** Where customers write: the local SMTP intake accepts mail for this address only. */
export const SUPPORT_ADDRESS = 'support@tierdesk.localhost';

/** An SMTP client of the local intake (the front door SES's receipt rule plays in AWS). */
export const smtpTransport = () =>
  nodemailer.createTransport({
    host: local().smtp.host,
    port: local().smtp.port,
    secure: false,
    ignoreTLS: true,
  });
