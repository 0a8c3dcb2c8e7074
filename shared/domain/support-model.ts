// The vocabulary of a tiered support desk: languages, categories, priorities and levels.
// Plain data and pure functions: no AWS, no clock.

export const LANGUAGES = ['en', 'de', 'nl', 'fr', 'es', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export const CATEGORIES = ['hardware', 'software', 'service'] as const;
export type Category = (typeof CATEGORIES)[number];

export const GRADES = ['high', 'medium', 'low'] as const;
/** Impact and urgency share one three-step scale. */
export type Grade = (typeof GRADES)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];
/** Levels that have a queue of their own (level 0 is the customer alone). */
export const QUEUED_LEVELS = [1, 2, 3, 4] as const;
export type QueuedLevel = (typeof QUEUED_LEVELS)[number];

export const LEVEL_NAMES: Record<Level, string> = {
  0: 'self-help',
  1: 'ticket desk',
  2: 'technical callback',
  3: 'experts',
  4: 'external vendor',
};

/** How a case came in; an agent types a telephone call in (`phone`). */
export const CHANNELS = ['web', 'email', 'api', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

const MATRIX: Record<Grade, Record<Grade, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P5' },
};

/** The ITIL impact × urgency matrix of DESIGN §2. */
export function priorityOf(impact: Grade, urgency: Grade): Priority {
  return MATRIX[impact][urgency];
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
