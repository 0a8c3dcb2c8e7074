/**
 * Confirm a deflection (level 0 self-help).
 *
 * Input: the case, already loaded for its customer (case-access.ts), and the article that
 * solved the problem.
 * Output: the case, now closed as deflected.
 * Primary course: the article must be one the case suggested; the status moves from
 * self-help to deflected in a conditional write. Confirming twice is answered with the
 * same closed case, not an error, so a double click is harmless.
 */
import { ulid } from 'ulid';
import { ValidationError } from '../domain/errors.ts';
import { confirmDeflection, type SupportCase } from '../domain/support-case.ts';
import type { CaseStore, Clock } from './ports.ts';

export async function confirmDeflectionUseCase(
  deps: { store: CaseStore; clock: Clock },
  c: SupportCase,
  articleId: string,
): Promise<SupportCase> {
  if (c.status === 'deflected' && c.deflectedArticle === articleId) return c;
  const suggested = c.classification?.articles.map((a) => a.id) ?? [];
  if (c.status === 'self-help' && !suggested.includes(articleId)) {
    throw new ValidationError(
      `Article ${articleId} was not suggested for this case (${suggested.join(', ')})`,
      'articleId',
    );
  }
  const now = deps.clock();
  const closed = confirmDeflection(c, articleId, now);
  await deps.store.commit(closed, [
    {
      id: ulid(now.getTime()),
      caseId: c.id,
      type: 'deflected',
      at: now.toISOString(),
      actor: { kind: 'customer' },
      visibility: 'public',
      data: { articleId, fromStatus: c.status, toStatus: closed.status },
    },
  ]);
  return closed;
}
