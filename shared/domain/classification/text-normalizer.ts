// Turns customer text into the comparable form the lexicon is written in: lower case, no
// accents (customers often leave them out), ё → е, apostrophes dropped ("doesn't" → "doesnt").

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ё/g, 'е')
    .replace(/й/g, '\ue000') // keep й: NFD would split it into и + breve
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/\ue000/g, 'й');
}

export function tokenize(normalized: string): string[] {
  const tokens: string[] = [];
  for (const match of normalized.matchAll(TOKEN)) tokens.push(match[0].replace(/['’]/g, ''));
  return tokens;
}
