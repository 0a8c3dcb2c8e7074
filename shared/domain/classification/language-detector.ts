// Detects which of the six languages a request is written in. The n-gram detector (eld,
// cut down to our languages) decides when the text is long enough to tell; short texts
// ("VPN kaputt") lean on what the form and the browser say.
import { createEld } from '../../vendor/eld-detector.js';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../support-model.ts';
import { LANGUAGE_PROFILE_JSON } from './language-profile.generated.ts';

export type LanguageHints = { form?: Language; acceptLanguage?: string };
export type LanguageVerdict = { language: Language; confidence: number; reason: string };

/** Below this many letters the n-grams alone are not trusted. */
const SHORT_TEXT_LETTERS = 25;
/** Below this many letters ("Outlook", "VPN kaputt") the customer's own choice decides. */
const TOO_SHORT_LETTERS = 12;
/** Detection cost grows with length; the first part of a message tells its language. */
const SAMPLE_CHARS = 400;

export class LanguageDetector {
  private readonly eld = createEld();

  constructor() {
    this.eld.loadData(JSON.parse(LANGUAGE_PROFILE_JSON));
  }

  detect(text: string, hints: LanguageHints = {}): LanguageVerdict {
    const sample = text.slice(0, SAMPLE_CHARS);
    const result = this.eld.instance.detect(sample);
    const scores = result.getScores();
    const ranked = Object.entries(scores)
      .filter(([code]) => isLanguage(code))
      .sort((a, b) => b[1] - a[1]) as Array<[Language, number]>;
    const browser = browserLanguage(hints.acceptLanguage);
    const letters = sample.replace(/[^\p{L}]/gu, '').length;
    const top = ranked[0];
    const second = ranked[1];
    if (!top) {
      const fallback = hints.form ?? browser ?? DEFAULT_LANGUAGE;
      return {
        language: fallback,
        confidence: 0.3,
        reason: `text too short to tell; using ${sourceOf(fallback, hints, browser)}`,
      };
    }
    const hinted = hints.form ?? browser;
    if (hinted && letters < TOO_SHORT_LETTERS) {
      return {
        language: hinted,
        confidence: 0.6,
        reason: `text too short to tell; using the ${sourceOf(hinted, hints, browser)}`,
      };
    }
    const margin = top[1] - (second?.[1] ?? 0);
    const confidence = Math.min(1, 0.5 + margin);
    if (letters >= SHORT_TEXT_LETTERS || margin > 0.25 || !hinted) {
      return { language: top[0], confidence, reason: `the text reads as ${top[0]}` };
    }
    // Short and ambiguous: the customer's own choice breaks the tie when the text allows it.
    const preferred = [hints.form, browser].find(
      (code) => code && ranked.some(([c, s]) => c === code && top[1] - s < 0.2),
    );
    if (preferred) {
      return {
        language: preferred,
        confidence: 0.7,
        reason: `short text; ${preferred} fits it and the ${sourceOf(preferred, hints, browser)} says so`,
      };
    }
    return { language: top[0], confidence, reason: `the text reads as ${top[0]}` };
  }
}

function sourceOf(code: Language, hints: LanguageHints, browser: Language | undefined): string {
  if (hints.form === code) return 'form language';
  if (browser === code) return 'browser language';
  return 'default language';
}

/** The first of our languages in an Accept-Language header, by quality. */
export function browserLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { code: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.code).find(isLanguage);
}
