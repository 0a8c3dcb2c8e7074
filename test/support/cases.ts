// A case as intake writes it, for tests that start from a stored case rather than from
// POST /cases: a fresh customer address, id and reference each time.
import { randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { type Classification, openCase, type SupportCase } from '../../shared/domain/support-case.ts';
import type { Language } from '../../shared/domain/support-model.ts';
import { newReference } from '../../shared/use-cases/open-case.ts';

export type DraftCase = {
  subject?: string;
  description?: string;
  name?: string;
  email?: string;
  language?: Language;
  /** When intake wrote it (the id is time-ordered from it too). */
  at?: Date;
  reference?: string;
};

export function draftCase(options: DraftCase = {}): SupportCase {
  const at = options.at ?? new Date();
  return openCase({
    id: ulid(at.getTime()),
    reference: options.reference ?? newReference(),
    accessTokenHash: 'hash',
    intake: {
      customer: {
        name: options.name ?? 'Ada',
        email: options.email ?? `${randomUUID()}@example.com`,
        ...(options.language ? { language: options.language } : {}),
      },
      problem: {
        subject: options.subject ?? 'It broke',
        description: options.description ?? 'It broke this morning',
      },
      channel: 'api',
      attachments: [],
    },
    language: options.language ?? 'en',
    missingFacts: [],
    now: at,
  });
}

/** A level-1 software verdict of the classifier at `at`, for tests that classify a draft. */
export const level1Verdict = (at: Date): Classification => ({
  language: 'en',
  category: 'software',
  impact: 'low',
  urgency: 'medium',
  priority: 'P4',
  level: 1,
  confidence: 0.9,
  reasons: ['test'],
  articles: [],
  classifiedAt: at.toISOString(),
  classifiedBy: 'test',
});
