/**
 * Confirm the customer's address (the link of the first mail the desk sent there).
 *
 * Input: the caller and the case.
 * Output: the case, and the address record now verified.
 * Primary course:
 *  1. Only a token that an acknowledgement carried proves the mailbox: intake hands its own
 *     token to whoever filled in the form, who may have named a stranger's address.
 *  2. The address is marked verified (the first verification is kept); from now on mail to it
 *     may quote what the customer wrote. Confirming again changes nothing.
 */
import { customerTokenMatches } from '../domain/access-token.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { SupportCase } from '../domain/support-case.ts';
import type { Caller } from '../http/caller.ts';
import { loadCaseFor } from './case-access.ts';
import type { CaseStore, Clock, Recipients } from './ports.ts';

export async function confirmAddressUseCase(
  deps: { store: CaseStore; recipients: Recipients; clock: Clock },
  caller: Caller,
  caseId: string,
): Promise<SupportCase> {
  const c = await loadCaseFor(deps.store, caller, caseId);
  const mailed = c.acknowledgement?.tokenHashes ?? [];
  if (caller.kind !== 'customer' || !mailed.some((hash) => customerTokenMatches(caller.token, hash))) {
    throw new ForbiddenError('Only the link in the email we sent to this address can confirm it');
  }
  await deps.recipients.markVerified(c.customer.email, 'link', deps.clock());
  return c;
}
