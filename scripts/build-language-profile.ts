// Builds the language profile the classifier loads at cold start: eld's n-gram database
// (Apache-2.0, https://github.com/nitotm/efficient-language-detector-js) cut down to the six
// languages tierdesk speaks. The full database takes ~250-450 ms to evaluate at cold start;
// the subset is a JSON file that parses in a few milliseconds. Run after upgrading eld:
//   npm run build:language-profile -- [large|medium|small|extrasmall]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LANGUAGES } from '../shared/domain/support-model.ts';

const size = process.argv[2] ?? 'medium';
// eld's exports map hides its data files; find the package folder from its main entry.
const eldRoot = join(dirname(fileURLToPath(import.meta.resolve('eld'))), '../..');
const { ngramsData } = (await import(pathToFileURL(join(eldRoot, 'src/ngrams', `${size}.js`)).href)) as {
  ngramsData: {
    type: string;
    languages: Record<string, string>;
    ngrams: Record<string, Record<string, number>>;
  };
};

const oldIdOf = new Map(Object.entries(ngramsData.languages).map(([id, code]) => [code, Number(id)]));
const newIdOf = new Map<number, number>();
LANGUAGES.forEach((code, index) => {
  const id = oldIdOf.get(code);
  if (id === undefined) throw new Error(`eld ${size} has no ${code}`);
  newIdOf.set(id, index);
});

const ngrams: Record<string, Record<number, number>> = {};
for (const [gram, scores] of Object.entries(ngramsData.ngrams)) {
  const kept: Record<number, number> = {};
  for (const [id, score] of Object.entries(scores)) {
    const newId = newIdOf.get(Number(id));
    if (newId !== undefined) kept[newId] = score;
  }
  if (Object.keys(kept).length > 0) ngrams[gram] = kept;
}

const profile = {
  source: `eld ${size} n-grams (Apache-2.0, Nito T.M.), subset ${LANGUAGES.join(',')}`,
  type: ngramsData.type,
  languages: Object.fromEntries(LANGUAGES.map((code, index) => [index, code])),
  ngrams,
};
const out = join(import.meta.dirname, '../shared/domain/classification/language-profile.json');
writeFileSync(out, JSON.stringify(profile));
console.log(`wrote ${out}: ${Object.keys(ngrams).length} n-grams`);
