// Detects which of the six languages a request is written in. The n-gram detector (eld,
// cut down to our languages) decides when the text is long enough to tell; short texts
// ("VPN kaputt") lean on what the form and the browser say.
import { createEld } from '../../vendor/eld-detector.js';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../support-model.ts';
import { LANGUAGE_PROFILE_JSON } from './language-profile.generated.ts';
import { bodyLines } from './mail-text.ts';

export type LanguageHints = { form?: Language; acceptLanguage?: string };
export type LanguageVerdict = { language: Language; confidence: number; reason: string };

/** Below this many letters the n-grams alone are not trusted. */
const SHORT_TEXT_LETTERS = 25;
/** Below this many letters ("Outlook", "VPN kaputt") the customer's own choice decides. */
const TOO_SHORT_LETTERS = 12;
/**
 * Detection cost grows with length, and the body a customer writes comes first: up to this many
 * characters of its prose are read (see prosePassages: no quoted reply, no signature, no copied
 * error message).
 */
const SAMPLE_CHARS = 400;
/** A line with fewer letters than this is not read ("Hi Tom,", "Tel. 0221 98765"). */
const PROSE_LETTERS = 12;
/**
 * What a customer copied rather than wrote: text in quotation marks (an English error message
 * inside a German mail), web and mail addresses, file shares.
 */
const COPIED =
  /"[^"\n]{3,}"|“[^”\n]{3,}”|„[^“”\n]{3,}[“”]|«[^»\n]{3,}»|(?<=^|\s)'[^'\n]{3,}'(?=$|[\s.,:;!?)])|\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\\\\\S+/gu;
/** A log line (a timestamp in it) is copied, not written. */
const LOG_LINE = /\b\d{4}-\d\d-\d\d\b|\b\d{1,2}:\d\d:\d\d\b/u;
/** Quick test: can COPIED match in this line at all? */
const MAY_BE_COPIED = /["“„«'@/\\]/u;

export class LanguageDetector {
  private readonly eld = createEld();

  constructor() {
    this.eld.loadData(JSON.parse(LANGUAGE_PROFILE_JSON));
  }

  detect(text: string, hints: LanguageHints = {}): LanguageVerdict {
    // The customer's own prose when there is enough of it to tell; else the text as it is.
    const prose = prosePassages(text).join('\n');
    const sample = (lettersOf(prose) >= SHORT_TEXT_LETTERS ? prose : text).slice(0, SAMPLE_CHARS);
    const result = this.eld.instance.detect(sample);
    const scores = result.getScores();
    const ranked = Object.entries(scores)
      .filter(([code]) => isLanguage(code))
      .sort((a, b) => b[1] - a[1]) as Array<[Language, number]>;
    const browser = browserLanguage(hints.acceptLanguage);
    const letters = lettersOf(sample);
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

/**
 * The lines of a text that the customer wrote, in order, up to SAMPLE_CHARS: the body only up
 * to its sign-off, without quoted reply lines (mail-text.ts: bodyLines), log lines, copied
 * passages (COPIED) and lines that are mostly not letters (phone numbers, codes).
 */
export function prosePassages(text: string): string[] {
  const passages: string[] = [];
  let length = 0;
  for (const line of bodyLines(text)) {
    if (length >= SAMPLE_CHARS) break;
    if (LOG_LINE.test(line)) continue;
    const prose = MAY_BE_COPIED.test(line) ? line.replace(COPIED, ' ').trim() : line.trim();
    const letters = lettersOf(prose);
    if (letters < PROSE_LETTERS || letters < 0.6 * prose.replace(/\s/g, '').length) continue;
    passages.push(prose);
    length += prose.length + 1;
  }
  return passages;
}

function lettersOf(text: string): number {
  return text.replace(/[^\p{L}]/gu, '').length;
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
