// What a customer's email reply says, in the six languages: its own text (without the quoted
// history), and whether its first line answers the consent question with yes or no.
//
// Quoted history starts at the first of these lines, and everything from there on is dropped
// (so an answer written below or between quoted lines is not read: the consent mail asks for
// YES or NO in the first line, and the case page is always there):
//   • a line starting with '>';
//   • a reply header, possibly wrapped over two lines, that carries a date (a digit):
//     "On … wrote:", "Am … schrieb …:", "Op … schreef …:", "Le … a écrit :", "El … escribió:",
//     "… написал(а):" / "… написал:" / "… написала:" / "… пишет:", or any "… <address@…>:";
//   • a forwarded-original separator ("-----Original Message-----", "-----Ursprüngliche
//     Nachricht-----", "Oorspronkelijk bericht", "Message d'origine", "Mensaje original",
//     "Исходное сообщение") or Outlook's header block ("From: …" followed by "Sent:"/"Date:"/
//     "To:"/"Subject:" or their translations, possibly under a line of underscores).

export type ReplyIntent = 'yes' | 'no' | undefined;

/**
 * Reads only the first non-empty line of the reply's own text (before any quoted part, see
 * above). Case- and accent-insensitive; typographic apostrophes count as "'".
 *
 * The line is an answer when it starts (after optional bullets, quotes or stars) with a run of
 * answer words of one polarity — politeness words ("please", "bitte", "merci", "спасибо", …)
 * may join the run — and the run ends the line or is followed by punctuation (also after a
 * space, as French writes "Non !"), after which anything may follow. So "Yes.", "JA",
 * "Oui, d'accord", "Ja, bitte weitergeben", "Sí, de acuerdo", "Нет", "yes please", "No thanks"
 * are answers, while "no problem, here is the log", "Yes but only the logs", "Si vous voulez…",
 * "non-stop crashes" and "OKAY-button" are not (a word that is not an answer word follows the
 * run without punctuation, or a hyphen joins the word to the next). Mixed runs ("yes no") are
 * no answer. The words after the punctuation are not read: "Ja, aber …" is yes.
 *
 * Yes: yes, y, ok, okay, agree(d), i agree / ja, einverstanden, ich bin einverstanden / ja,
 * oké, akkoord, ik ga akkoord / oui, d'accord, je suis d'accord / sí, si, de acuerdo, estoy de
 * acuerdo / да, согласен, согласна, я согласен, я согласна.
 * No: no, i do not agree, i don't agree, disagree / nein, nicht einverstanden, ich bin nicht
 * einverstanden / nee, niet akkoord, ik ga niet akkoord / non, pas d'accord, je ne suis pas
 * d'accord / no, no estoy de acuerdo / нет, не согласен, не согласна, я не согласен, я не согласна.
 */
export function consentAnswerIn(text: string, options: { wholeLine?: boolean } = {}): ReplyIntent {
  const firstLine = ownTextOf(text)
    .split('\n')
    .find((line) => line.trim() !== '');
  if (firstLine === undefined) return undefined;
  const line = fold(firstLine).replace(/\s+/g, ' ').replace(LEADING_MARKS, '');

  let polarity: ReplyIntent;
  let pos = 0;
  for (;;) {
    const hit = PHRASES.find(
      ([phrase]) => line.startsWith(phrase, pos) && endsWord(line, pos + phrase.length),
    );
    if (!hit) return undefined;
    const [phrase, kind] = hit;
    if (kind !== 'polite') {
      if (polarity !== undefined && polarity !== kind) return undefined;
      polarity = kind;
    }
    pos += phrase.length;
    if (pos === line.length) return polarity;
    if (line[pos] === ' ') pos++;
    if (pos === line.length) return polarity;
    if (PUNCTUATION.test(characterAt(line, pos)))
      // `wholeLine`: the answer is all the line says ("Yes." — not "Yes? What vendor is that?").
      return !options.wholeLine || ONLY_PUNCTUATION.test(line.slice(pos)) ? polarity : undefined;
  }
}

/** The reply's own text without the quoted history (see above), trimmed. */
export function ownTextOf(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((_, i) => quoteStartsAt(lines, i));
  return (start === -1 ? lines : lines.slice(0, start)).join('\n').trim();
}

const YES = [
  'yes',
  'y',
  'ok',
  'okay',
  'agree',
  'agreed',
  'i agree',
  'ja',
  'einverstanden',
  'ich bin einverstanden',
  'oke',
  'akkoord',
  'ik ga akkoord',
  'oui',
  "d'accord",
  "je suis d'accord",
  'si',
  'de acuerdo',
  'estoy de acuerdo',
  'да',
  'согласен',
  'согласна',
  'я согласен',
  'я согласна',
];
const NO = [
  'no',
  'i do not agree',
  "i don't agree",
  'disagree',
  'nein',
  'nicht einverstanden',
  'ich bin nicht einverstanden',
  'nee',
  'niet akkoord',
  'ik ga niet akkoord',
  'non',
  "pas d'accord",
  "je ne suis pas d'accord",
  'no estoy de acuerdo',
  'нет',
  'не согласен',
  'не согласна',
  'я не согласен',
  'я не согласна',
];
/** May join a run of answer words without changing it: "yes please", "nein danke". */
const POLITE = [
  'please',
  'thanks',
  'thank you',
  'bitte',
  'danke',
  'graag',
  'dank u',
  'dank je',
  'bedankt',
  "s'il vous plait",
  'merci',
  'por favor',
  'gracias',
  'пожалуйста',
  'спасибо',
];

/** Longest first, so "no estoy de acuerdo" wins over "no" and "i don't agree" over nothing. */
const PHRASES: ReadonlyArray<readonly [string, 'yes' | 'no' | 'polite']> = [
  ...YES.map((p) => [fold(p), 'yes'] as const),
  ...NO.map((p) => [fold(p), 'no'] as const),
  ...POLITE.map((p) => [fold(p), 'polite'] as const),
].sort((a, b) => b[0].length - a[0].length);

/** Punctuation or a symbol (an emoji), but not the hyphen or apostrophe that join words. */
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const ONLY_PUNCTUATION = /^[\p{P}\p{S}\s]*$/u;

/**
 * A reply that is nothing but a yes or a no: one line of its own text, the answer all it says.
 * Used where a misread costs much (closing a case by mail): anything more is read by a person.
 */
export function bareAnswerIn(text: string): ReplyIntent {
  const own = ownTextOf(text)
    .split('\n')
    .filter((line) => line.trim() !== '');
  return own.length === 1 ? consentAnswerIn(text, { wholeLine: true }) : undefined;
}
const LEADING_MARKS = /^[\s\p{P}\p{S}]+/u;

/** A word ends at the line's end, a space, or punctuation other than a joining hyphen or apostrophe. */
function endsWord(line: string, at: number): boolean {
  if (at >= line.length) return true;
  const next = characterAt(line, at);
  return next === ' ' || (PUNCTUATION.test(next) && next !== '-' && next !== "'");
}

/** The whole character at `at` (an emoji is two UTF-16 units). */
function characterAt(line: string, at: number): string {
  const code = line.codePointAt(at);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** Lower case, without accents or invisible format characters, with plain apostrophes. */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .trim();
}

/** "On … wrote:" and its siblings, on a folded line; a date (a digit) must be in it. */
const REPLY_HEADERS = [
  /^on .+ wrote ?:$/,
  /^am .+ schrieb\b.*:$/,
  /^op .+ schreef\b.*:$/,
  /^le .+ a ecrit ?:$/,
  /^el .+ escribio ?:$/,
  / (написал|написала|написал\(а\)|пишет) ?:$/,
  /<[^<>\s]+@[^<>\s]+> ?:$/,
];
const ORIGINAL_SEPARATOR =
  /^-{2,} ?(original message|ursprungliche nachricht|originalnachricht|oorspronkelijk bericht|message d'origine|mensaje original|исходное сообщение) ?-{2,}$/;
const OUTLOOK_FROM = /^(from|von|van|de|от) ?:/;
const OUTLOOK_NEXT =
  /^(sent|date|to|subject|cc|gesendet|datum|an|betreff|verzonden|aan|onderwerp|envoye|a|objet|enviado|fecha|para|asunto|отправлено|дата|кому|тема) ?:/;

function quoteStartsAt(lines: string[], i: number): boolean {
  const raw = lines[i] ?? '';
  if (/^\s*>/.test(raw)) return true;
  const line = normalizedLine(raw);
  if (line === '') return false;
  const next = normalizedLine(lines[i + 1] ?? '');
  if (isReplyHeader(line)) return true;
  // A header wrapped over two lines; when the next line is a header itself, it starts there.
  if (next !== '' && !isReplyHeader(next) && isReplyHeader(`${line} ${next}`)) return true;
  if (ORIGINAL_SEPARATOR.test(line)) return true;
  if (/^_{10,}$/.test(line)) return OUTLOOK_FROM.test(next);
  return OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(next);
}

function isReplyHeader(line: string): boolean {
  return /\d/.test(line) && REPLY_HEADERS.some((header) => header.test(line));
}

function normalizedLine(line: string): string {
  return fold(line).replace(/\s+/g, ' ');
}
