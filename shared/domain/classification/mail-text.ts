// What a customer wrote in a mail or a long form, as the classifier and the language detector
// read it: the body up to its sign-off, without quoted reply lines, and — for the classifier —
// without the greeting, split into paragraphs. One copy of these rules for both readers.

/**
 * A line that closes the body: a sign-off ("Kind regards", "Mit freundlichen Grüßen",
 * "Cordialement", "С уважением"), a bare thanks ("Thanks a lot,", "Danke und Grüße", "Спасибо
 * заранее,"), a signature delimiter ("-- ") or a mail app's footer ("Sent from my iPhone"). What
 * follows is a name, a department, a phone number, a disclaimer or a quoted thread — often in
 * another language than the customer's, and never the request.
 */
export const BODY_END = new RegExp(
  `^\\s*(?:--|${[
    '(?:best|kind|warm|many)? ?regards|best wishes|(?:yours )?sincerely|yours faithfully|cheers|sent from',
    '(?:mit )?(?:freundlichen|besten|herzlichen|vielen|lieben) grüßen|(?:viele|beste|liebe|freundliche) grüße|mfg|gesendet von|von meinem',
    '(?:met )?vriendelijke groet(?:en)?|hartelijke groet(?:en)?|groet(?:en|jes)?|mvg|verzonden (?:met|vanaf)',
    'cordialement|bien (?:à vous|cordialement)|(?:sincères )?salutations(?: distinguées)?|envoyé (?:de|depuis)',
    '(?:un )?saludos?(?: cordiales)?|atentamente|un abrazo|enviado desde',
    'с уважением|всего (?:доброго|хорошего)|отправлено (?:с|из)',
  ].join('|')})(?!\\p{L}).{0,40}$|${THANKS_ONLY()}`,
  'iu',
);

/** "Thanks a lot,", "Vielen Dank!", "Merci d'avance et bonne journée," — a line that only thanks. */
function THANKS_ONLY(): string {
  const thanks = [
    '(?:many )?thanks?(?: you)?(?: (?:a lot|very much|so much|in advance))?',
    '(?:vielen |besten |herzlichen )?dank(?:e)?(?: schön| sehr| im voraus)?',
    '(?:alvast )?bedankt|dank je wel',
    "merci(?: beaucoup| d['’]avance| par avance)?",
    '(?:muchas )?gracias(?: de antemano| por adelantado)?',
    'спасибо(?: заранее| большое)?',
  ].join('|');
  return `^\\s*(?:${thanks})[\\s,!.]*(?:(?:and|und|en|et|y|и) [^\\n]{0,30})?$`;
}

/** Sign-offs are short lines. */
const BODY_END_CHARS = 70;
/**
 * A greeting on a line of its own: "Hi IT team,", "Guten Morgen,", "Dear Sir or Madam,", "Добрый
 * день!" — the greeting and at most three words after it, nothing more ("Hello, the printer is
 * broken" is not a greeting line).
 */
const GREETING =
  /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|guten (?:morgen|tag|abend)|liebe[rs]?|sehr geehrte[rs]?|moin|servus|hoi|beste|geachte|goede(?:morgen|middag|navond)|bonjour|bonsoir|salut|cher|chère|madame|monsieur|hola|buen[oa]s (?:días|dias|tardes|noches)|estimad[oa]s?|здравствуйте|добрый (?:день|вечер)|доброе утро|привет|уважаем\p{L}*)(?!\p{L})(?:[^\S\n]+[^\s,;:!?.]+){0,3}[^\S\n]*[,!.:]?[^\S\n]*$/iu;

/**
 * The lines of a body, in order, up to its sign-off (BODY_END, on a short line after the first
 * written line), without quoted reply lines ("> …").
 */
export function bodyLines(text: string): string[] {
  const lines: string[] = [];
  let written = false;
  for (const line of text.split('\n')) {
    if (written && line.length <= BODY_END_CHARS && BODY_END.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    lines.push(line);
    if (line.trim()) written = true;
  }
  return lines;
}

/**
 * The paragraphs of a description as the classifier reads them: the body (bodyLines) without a
 * greeting line, split at blank lines. A body without blank lines is one paragraph.
 */
export function paragraphsOf(description: string): string[] {
  const lines = bodyLines(description);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first >= 0 && GREETING.test(lines[first] as string) && lines.length > first + 1) lines.splice(first, 1);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current.join('\n'));
      current = [];
    } else current.push(line.trim());
  }
  if (current.length) paragraphs.push(current.join('\n'));
  return paragraphs;
}
