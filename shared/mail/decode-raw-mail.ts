// Old and careless mail clients send raw 8-bit text without naming its charset. mailparser
// reads such headers as UTF-8 and such bodies as UTF-8, so a KOI8-R subject would be stored
// as "���� ����". Before it parses, the message is made to say what it holds: 8-bit header
// lines become UTF-8 (which mailparser reads them as) and a text part without a charset gets
// the one detected. Declared charsets are never touched; everything else stays byte for byte.
import { isUtf8 } from 'node:buffer';
import { finished } from 'node:stream/promises';
import { type SplitterChunk as Chunk, type MimeNode, Splitter } from '@zone-eu/mailsplit';
import chardet from 'chardet';

/** Detection looks at this much of a part; more does not make it surer, only slower. */
const SAMPLE_BYTES = 64 * 1024;
const ESC = 0x1b;

/**
 * What the detector may answer: the charsets mail is written in that TextDecoder and
 * mailparser both know. ISO-2022-KR/CN (no decoder) and UTF-16/32 (never raw mail) are left out.
 */
const CANDIDATES = new Set([
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'windows-874',
  'ISO-8859-1',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-6',
  'ISO-8859-7',
  'ISO-8859-8',
  'ISO-8859-9',
  'KOI8-R',
  'Shift_JIS',
  'EUC-JP',
  'GB18030',
  'Big5',
  'EUC-KR',
  'ISO-2022-JP',
]);

/**
 * The raw message, rewritten so that mailparser decodes its undeclared 8-bit text right.
 * A message the splitter cannot read comes back unchanged: mailparser then reports why.
 */
export async function declareCharsets(raw: Buffer): Promise<Buffer> {
  // Nearly all mail is 7-bit or UTF-8 with declared charsets: leave it alone, cheaply.
  if (isUtf8(raw) && raw.indexOf(ESC) < 0 && !/base64|quoted-printable/i.test(raw.toString('latin1')))
    return raw;
  let chunks: Chunk[];
  try {
    chunks = await split(raw);
  } catch {
    return raw;
  }

  const nodes = chunks.filter((chunk): chunk is MimeNode => chunk.type === 'node');
  const bodies = bodyStarts(chunks);
  let changed = false;
  const undeclaredText: Buffer[] = [];
  for (const node of nodes) {
    if (!isUndeclaredText(node)) continue;
    const sample = await decoded(node, bodies.get(node) ?? []);
    if (!isForeign(sample)) continue;
    undeclaredText.push(sample);
    const charset = detectCharset(sample);
    if (charset) {
      node.setCharset(charset);
      changed = true;
    }
  }

  const headers = new Map<MimeNode, Buffer>();
  for (const node of nodes) {
    const original = node.getHeaders();
    const quoted = quoteRawBytesInEncodedWords(original);
    if (quoted !== original) changed = true;
    headers.set(node, quoted);
  }
  const foreignHeaderLines = [...headers.values()].flatMap((block) => headerLines(block).filter(isForeign));
  const headerCharset = foreignHeaderLines.length
    ? headerCharsetOf(Buffer.concat(foreignHeaderLines), nodes, undeclaredText)
    : undefined;
  if (!headerCharset && !changed) return raw;

  return Buffer.concat(
    chunks.map((chunk) => {
      if (chunk.type !== 'node') return chunk.value;
      const block = headers.get(chunk) ?? chunk.getHeaders();
      return headerCharset ? toUtf8Lines(block, headerCharset) : block;
    }),
  );
}

const Q_ENCODED_WORD = /=\?[^?\s]+\?q\?[^?]*\?=/gi;

/**
 * `=?iso-8859-1?Q?Fr\xF6sche?=` holds a raw byte in the charset its word names: written as
 * `=F6`, the word decodes as it says instead of being read as UTF-8 first.
 */
function quoteRawBytesInEncodedWords(block: Buffer): Buffer {
  const text = block.toString('latin1');
  if (!/[\x80-\xff]/.test(text)) return block;
  const quoted = text.replace(Q_ENCODED_WORD, (word) =>
    word.replace(/[\x80-\xff]/g, (byte) => `=${byte.charCodeAt(0).toString(16).toUpperCase()}`),
  );
  return quoted === text ? block : Buffer.from(quoted, 'latin1');
}

/**
 * The charset of 8-bit header bytes. A header line is too short for the detector to be sure,
 * so a charset the message declares for its text wins when it reads those bytes; otherwise
 * the detector judges the headers together with the undeclared text of the same author.
 */
function headerCharsetOf(bytes: Buffer, nodes: MimeNode[], undeclaredText: Buffer[]): string | undefined {
  for (const node of nodes) {
    const declared = node.charset;
    if (declared && !/^(utf-?8|us-?ascii|ascii)$/i.test(declared) && decodes(declared, bytes))
      return declared;
  }
  return detectCharset(Buffer.concat([bytes, ...undeclaredText]).subarray(0, SAMPLE_BYTES));
}

/** The detector's likeliest candidate that also decodes the bytes without an error. */
function detectCharset(sample: Buffer): string | undefined {
  // Valid UTF-8 is foreign only for its ISO-2022 escapes: then only ISO-2022-JP may explain it.
  const utf8 = decodes('utf-8', sample);
  // ICU's single-byte n-gram scores confuse charsets on short texts (KOI8-R Russian can
  // score as ISO-8859-8): a charset with no character for some byte is no candidate.
  return chardet
    .analyse(sample)
    .find(
      (match) =>
        CANDIDATES.has(match.name) && (!utf8 || match.name === 'ISO-2022-JP') && decodes(match.name, sample),
    )?.name;
}

function decodes(charset: string, bytes: Buffer): boolean {
  try {
    // stream: a sample cut in the middle of a multibyte character is no error.
    new TextDecoder(charset, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Bytes mailparser would misread: 8-bit bytes that are not UTF-8, or ISO-2022 escapes. */
function isForeign(bytes: Buffer): boolean {
  // ESC $ and ESC ( switch ISO-2022-JP's character sets; ESC [ (a terminal colour) is no charset.
  return bytes.includes('\x1b$') || bytes.includes('\x1b(') || !decodes('utf-8', bytes);
}

function isUndeclaredText(node: MimeNode): boolean {
  if (node.multipart || node.charset || node.disposition === 'attachment') return false;
  return !node.contentType || node.contentType.startsWith('text/');
}

/** The first bytes of each part's body, still transfer-encoded, in one pass over the message. */
function bodyStarts(chunks: Chunk[]): Map<MimeNode, Buffer[]> {
  const starts = new Map<MimeNode, Buffer[]>();
  const lengths = new Map<MimeNode, number>();
  // base64 grows by a third, plus line breaks: 1.4 times the sample decodes to a full one.
  const budget = Math.ceil(SAMPLE_BYTES * 1.4);
  for (const chunk of chunks) {
    if (chunk.type !== 'body') continue;
    const length = lengths.get(chunk.node) ?? 0;
    if (length >= budget) continue;
    const start = starts.get(chunk.node) ?? [];
    // A chunk can be the whole part; only its beginning is read.
    start.push(chunk.value.subarray(0, budget - length));
    starts.set(chunk.node, start);
    lengths.set(chunk.node, length + chunk.value.length);
  }
  return starts;
}

/** At most SAMPLE_BYTES of a part's body, its transfer encoding undone. */
async function decoded(node: MimeNode, encoded: Buffer[]): Promise<Buffer> {
  const decoder = node.getDecoder();
  const out: Buffer[] = [];
  decoder.on('data', (data: Buffer) => out.push(data));
  decoder.end(Buffer.concat(encoded));
  await finished(decoder);
  return Buffer.concat(out).subarray(0, SAMPLE_BYTES);
}

function headerLines(headers: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = headers.indexOf(0x0a); end >= 0; end = headers.indexOf(0x0a, start)) {
    lines.push(headers.subarray(start, end + 1));
    start = end + 1;
  }
  if (start < headers.length) lines.push(headers.subarray(start));
  return lines;
}

function toUtf8Lines(headers: Buffer, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  return Buffer.concat(
    headerLines(headers).map((line) => (isForeign(line) ? Buffer.from(decoder.decode(line)) : line)),
  );
}

async function split(raw: Buffer): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  const splitter = new Splitter();
  splitter.on('data', (chunk) => chunks.push(chunk));
  splitter.end(raw);
  await finished(splitter);
  return chunks;
}
