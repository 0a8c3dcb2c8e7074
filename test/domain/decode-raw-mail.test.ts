// Raw 8-bit mail without a declared charset, made readable before mailparser sees it. Pure:
// a Buffer in, a Buffer out; mailparser's reading of the result is what counts.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { declareCharsets } from '../../shared/mail/decode-raw-mail.ts';
import { encode, rawMessage as message } from '../support/raw-mail.ts';

const RUSSIAN_SUBJECT = 'Не работает принтер';
const RUSSIAN_BODY = 'Добрый день! Принтер на втором этаже не печатает, пишет ошибку 50.';

describe('declareCharsets', () => {
  it('turns a raw KOI8-R subject into the Russian text (it was "���� ����")', async () => {
    // Prepare
    const raw = message(
      [['From: olga@example.com'], ['Subject: ', encode(RUSSIAN_SUBJECT, 'koi8-r')], ['MIME-Version: 1.0']],
      encode(RUSSIAN_BODY, 'koi8-r'),
    );

    // Act
    const mail = await simpleParser(await declareCharsets(raw));

    // Assess
    expect(mail.subject).toBe(RUSSIAN_SUBJECT);
    expect(mail.text?.trim()).toBe(RUSSIAN_BODY);
  });

  it('declares the detected charset of a windows-1251 body that names none', async () => {
    // Prepare
    const raw = message(
      [['From: olga@example.com'], ['Subject: VPN'], ['Content-Type: text/plain'], ['MIME-Version: 1.0']],
      encode(RUSSIAN_BODY, 'windows-1251'),
    );

    // Act
    const declared = await declareCharsets(raw);
    const mail = await simpleParser(declared);

    // Assess
    expect(declared.toString('latin1')).toMatch(/Content-Type: text\/plain; charset=windows-1251/i);
    expect(mail.text?.trim()).toBe(RUSSIAN_BODY);
  });

  it('reads the text parts of a multipart message, quoted-printable and base64 alike', async () => {
    // Prepare
    const bytes = encode(RUSSIAN_BODY, 'windows-1251');
    const quoted = bytes
      .toString('latin1')
      .replace(/[\x80-\xff=]/g, (c) => `=${c.charCodeAt(0).toString(16)}`);
    const raw = message(
      [
        ['From: olga@example.com'],
        ['Subject: VPN'],
        ['MIME-Version: 1.0'],
        ['Content-Type: multipart/alternative; boundary="b"'],
      ],
      [
        '--b',
        'Content-Type: text/plain',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        quoted,
        '--b',
        'Content-Type: text/html',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.concat([Buffer.from('<p>'), bytes, Buffer.from('</p>')]).toString('base64'),
        '--b--',
        '',
      ].join('\r\n'),
    );

    // Act
    const mail = await simpleParser(await declareCharsets(raw));

    // Assess
    expect(mail.text?.trim()).toBe(RUSSIAN_BODY);
    expect(mail.html).toContain(RUSSIAN_BODY);
  });

  it('reads a latin-1 display name in From', async () => {
    // Prepare
    const raw = message(
      [
        ['From: ', encode('Jürgen Müller', 'iso-8859-1'), ' <juergen@example.com>'],
        ['Subject: Drucker'],
        ['Content-Type: text/plain; charset=utf-8'],
      ],
      'Der Drucker druckt nur leere Seiten.',
    );

    // Act
    const mail = await simpleParser(await declareCharsets(raw));

    // Assess
    expect(mail.from?.value[0]).toEqual({ name: 'Jürgen Müller', address: 'juergen@example.com' });
  });

  it('decodes a raw byte inside an encoded word in the charset the word names', async () => {
    // Prepare: seen in real mail (zbateson's corpus): `=?iso-8859-1?Q?Fr<0xF6>sche?=`.
    const raw = message(
      [['From: a@example.com'], ['Subject: =?iso-8859-1?Q?Die_Fr', Buffer.of(0xf6), 'sche?=']],
      'quak',
    );

    // Act
    const mail = await simpleParser(await declareCharsets(raw));

    // Assess
    expect(mail.subject).toBe('Die Frösche');
  });

  it('reads ISO-2022-JP that names no charset (7-bit, by its escapes)', async () => {
    // Prepare: 「プリンターが動きません。」 as a Japanese client writes it in JIS.
    const jis = (text: string) => `\x1b$B${text}\x1b(B`;
    const raw = message(
      [['From: a@example.com'], [`Subject: ${jis('%W%j%s%?!<')}`], ['Content-Type: text/plain']],
      jis('%W%j%s%?!<$,F0$-$^$;$s!#'),
    );

    // Act
    const mail = await simpleParser(await declareCharsets(raw));

    // Assess
    expect(mail.subject).toBe('プリンター');
    expect(mail.text?.trim()).toBe('プリンターが動きません。');
  });

  it('leaves UTF-8 with terminal colour escapes alone (ESC [ is no charset)', async () => {
    // Prepare
    const raw = message(
      [['From: a@example.com'], ['Subject: log'], ['Content-Type: text/plain']],
      'Fehler: \x1b[31mÜberlauf\x1b[0m im Büro',
    );

    // Act
    const declared = await declareCharsets(raw);

    // Assess
    expect(declared.equals(raw)).toBe(true);
  });

  it('leaves a message in valid UTF-8 byte for byte as it is', async () => {
    // Prepare
    const raw = message(
      [
        ['From: Jürgen Müller <j@example.com>'],
        [`Subject: ${RUSSIAN_SUBJECT}`],
        ['Content-Type: text/plain'],
      ],
      RUSSIAN_BODY,
    );

    // Act
    const declared = await declareCharsets(raw);

    // Assess
    expect(declared.equals(raw)).toBe(true);
    expect((await simpleParser(declared)).subject).toBe(RUSSIAN_SUBJECT);
  });

  it('respects a declared charset, even where detection would guess another', async () => {
    // Prepare: ISO-8859-5 Russian, declared; what the detector says must not matter.
    const raw = message(
      [['From: a@example.com'], ['Subject: x'], ['Content-Type: text/plain; charset=iso-8859-5']],
      encode(RUSSIAN_BODY, 'iso-8859-5'),
    );

    // Act
    const declared = await declareCharsets(raw);

    // Assess
    expect(declared.equals(raw)).toBe(true);
    expect((await simpleParser(declared)).text?.trim()).toBe(RUSSIAN_BODY);
  });

  it('reads raw 8-bit headers in the charset the message declares for its text', async () => {
    // Prepare: a short subject alone is too little for a detector; the body's charset is not.
    const raw = message(
      [
        ['From: a@example.com'],
        ['Subject: ', encode('Принтер', 'koi8-r')],
        ['Content-Type: text/plain; charset=koi8-r'],
      ],
      encode(RUSSIAN_BODY, 'koi8-r'),
    );

    // Act
    const mail = await simpleParser(await declareCharsets(raw));

    // Assess
    expect(mail.subject).toBe('Принтер');
    expect(mail.text?.trim()).toBe(RUSSIAN_BODY);
  });

  it('returns a message it cannot split unchanged, for mailparser to refuse', async () => {
    // Prepare: more parts than mailsplit (and so mailparser) allows.
    const part = '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n';
    const raw = message(
      [
        ['From: a@example.com'],
        ['Subject: ', Buffer.of(0xf6)],
        ['Content-Type: multipart/mixed; boundary="b"'],
      ],
      `${part.repeat(1_100)}--b--\r\n`,
    );

    // Act
    const declared = await declareCharsets(raw);

    // Assess
    expect(declared).toBe(raw);
    await expect(simpleParser(declared)).rejects.toThrow(/child nodes/);
  });
});
