// The customer's proof of access to one case: an unguessable token sent to them at intake
// and in the acknowledgement. Only its SHA-256 is stored; comparison is constant-time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const CUSTOMER_TOKEN_PREFIX = 'tdc_';

export function newCustomerToken(): { token: string; hash: string } {
  const token = `${CUSTOMER_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashCustomerToken(token) };
}

export function hashCustomerToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function customerTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashCustomerToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function isCustomerToken(token: string): boolean {
  return token.startsWith(CUSTOMER_TOKEN_PREFIX);
}
