// Identifiers as every route's schema checks them.
import { z } from 'zod';

/** A case id: the 26-character ULID the store gives a case. */
export const CaseId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a case id (26-character ULID)');
