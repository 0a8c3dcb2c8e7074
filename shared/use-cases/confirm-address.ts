/**
 * The owner of a mailbox answers the first mail the desk sent there: "did you open this request?"
 *
 * Input: the caller, the case they may see (case-access.ts loadCaseFor), and their answer.
 * Output: the case; the address record now verified, or disowned.
 * Primary course:
 *  1. Only a token that a mail to the address carried proves the mailbox: intake hands its own
 *     token to whoever filled in the form, who may have named a stranger's address.
 *  2. "Yes, I opened it": the address is verified (the first verification is kept, an earlier
 *     "not mine" lifted); mail to it may quote what its owner wrote.
 *  3. "No, this was not me": the address is disowned: no mail goes there for cases others open
 *     with it (the owner's own mail is still answered). The question is asked as such, because a
 *     stranger asked "is this your address?" would truthfully say yes.
 * Answering again records the latest answer.
 */
import { customerTokenMatches } from '../domain/access-token.ts';
import type { Caller } from '../domain/caller.ts';
import { ForbiddenError } from '../domain/errors.ts';
import type { SupportCase } from '../domain/support-case.ts';
import type { Clock, Recipients } from './ports.ts';

export async function confirmAddressUseCase(
  deps: { recipients: Recipients; clock: Clock },
  caller: Caller,
  c: SupportCase,
  openedByMe: boolean,
): Promise<SupportCase> {
  if (!holdsMailedToken(c, caller)) {
    throw new ForbiddenError('Only the link in the email we sent to this address can answer for it');
  }
  if (openedByMe) await deps.recipients.markVerified(c.customer.email, 'link', deps.clock());
  else await deps.recipients.disown(c.customer.email, c.reference, deps.clock());
  return c;
}

/** Whether the caller holds a token one of our mails to the case's address carried. */
export function holdsMailedToken(c: SupportCase, caller: Caller): boolean {
  const mailed = [...(c.acknowledgement?.tokenHashes ?? []), ...(c.linkTokenHashes ?? [])];
  return caller.kind === 'customer' && mailed.some((hash) => customerTokenMatches(caller.token, hash));
}
