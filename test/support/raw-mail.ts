// Raw mail as old clients write it: text in a single-byte charset, headers as raw bytes.

/** The bytes of `text` in a single-byte charset (KOI8-R, windows-1251, ISO-8859-x…). */
export function encode(text: string, charset: string): Buffer {
  const decoder = new TextDecoder(charset);
  const byteOf = new Map<string, number>();
  for (let byte = 255; byte >= 0; byte--) byteOf.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((char) => {
      const byte = byteOf.get(char);
      if (byte === undefined) throw new Error(`${char} has no byte in ${charset}`);
      return byte;
    }),
  );
}

/** A raw message: each header line is made of strings (UTF-8) and raw bytes; CRLF between. */
export function rawMessage(headers: (string | Buffer)[][], body: string | Buffer): Buffer {
  return Buffer.concat([
    ...headers.flatMap((parts) => [...parts, '\r\n']).map((part) => Buffer.from(part)),
    Buffer.from('\r\n'),
    Buffer.from(body),
  ]);
}
