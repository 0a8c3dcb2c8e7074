// What first-level intake records about a problem, and which facts each kind of problem
// needs — so an agent never has to ask for them. The zod schemas here are the single source
// of truth: they validate the HTTP body, type the domain and generate the OpenAPI document.
import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { CHANNELS, GRADES, LANGUAGES } from './support-model.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * An address in any script (`jürgen@müller.de`, `ада@пример.рф`): a customer is never turned
 * away for the letters of their name. The domain is kept in its ASCII (punycode) form, the one
 * mail servers and SES take, so the same address always reads the same.
 */
const EmailAddress = z
  .email({ pattern: z.regexes.unicodeEmail })
  .max(254)
  .refine(
    (address) => address.slice(address.lastIndexOf('@') + 1).includes('.'),
    'must have a domain such as example.com',
  )
  .superRefine((address, ctx) => {
    const problem = unusableAddressReason(address);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalizeEmail);

const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Why an address must never be used as a recipient, or undefined when it may. The web form
 * and email intake both ask here. Such an address is an injection (control characters, angle
 * brackets), a spoof (bidi controls reorder what an agent reads), not text at all (a lone
 * surrogate), or a domain no mail should go to: an IP literal, or one with an empty label.
 */
export function unusableAddressReason(address: string): string | undefined {
  const surrogate = /\p{Cs}/u.exec(address);
  if (surrogate) return `contains a lone UTF-16 surrogate (${codePoint(surrogate[0])})`;
  const control = /\p{Cc}/u.exec(address);
  if (control) return `contains a control character (${codePoint(control[0])})`;
  const bidi = BIDI_CONTROL.exec(address);
  if (bidi) return `contains a bidirectional text control (${codePoint(bidi[0])})`;
  if (/[<>]/.test(address)) return 'contains an angle bracket';
  const at = address.lastIndexOf('@');
  if (at <= 0) return 'is not an address: it needs a name, an @ and a domain';
  const domain = address.slice(at + 1);
  if (/[[\]]/.test(domain)) return 'has an IP literal instead of a domain name';
  const labels = domain.split('.');
  // No top-level domain is all digits, so `a@1.2.3.4` names a host by its IP address.
  if (/^\d+$/.test(labels.at(-1) ?? '')) return 'has an IP address instead of a domain name';
  if (labels.includes('')) return 'has an empty label in its domain';
  return undefined;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function normalizeEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = address.slice(at + 1).toLowerCase();
  return `${address.slice(0, at)}@${domainToASCII(domain) || domain}`;
}

export const CustomerSchema = z
  .object({
    name: text(200).describe('Full name of the person who needs help'),
    email: EmailAddress.describe('Where the acknowledgement and all updates go'),
    phone: text(40).optional().describe('Needed for a technical callback (level 2)'),
    organisation: text(200).optional(),
    language: z.enum(LANGUAGES).optional().describe('Preferred language, if the customer chose one'),
    timeZone: text(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').optional(),
  })
  .strict();

export const ProblemSchema = z
  .object({
    subject: text(200),
    description: text(20_000),
    product: text(200).optional().describe('Affected product, application or asset model'),
    version: text(60).optional(),
    asset: text(200).optional().describe('Asset tag, serial number or device name'),
    errorText: text(4000).optional().describe('The exact error message'),
    steps: text(4000).optional().describe('Steps that lead to the problem'),
    since: text(100).optional().describe('Since when the problem occurs'),
    affectedUsers: z.number().int().min(1).max(1_000_000).optional(),
    impact: z.enum(GRADES).optional().describe("The customer's own view of the impact"),
    urgency: z.enum(GRADES).optional().describe("The customer's own view of the urgency"),
  })
  .strict();

export const AttachmentRefSchema = z
  .object({
    name: text(255),
    contentType: text(255),
    size: z.number().int().min(0),
    key: text(1024).describe('Object key in the attachments bucket'),
  })
  .strict();

export const IntakeSchema = z
  .object({
    customer: CustomerSchema,
    problem: ProblemSchema,
    channel: z.enum(CHANNELS).default('web'),
    attachments: z.array(AttachmentRefSchema).max(20).default([]),
  })
  .strict();

export type Customer = z.infer<typeof CustomerSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;
export type Intake = z.infer<typeof IntakeSchema>;

// Which facts each kind of problem needs lives in its own module, free of zod, because the
// classifier needs it and its cold start must stay small.
export { FACTS, type Fact, missingFactsFor, type ProblemKind } from './required-facts.ts';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
