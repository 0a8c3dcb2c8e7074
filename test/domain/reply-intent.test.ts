import { describe, expect, it } from 'vitest';
import { consentAnswerIn, ownTextOf } from '../../shared/domain/reply-intent.ts';

describe('consentAnswerIn', () => {
  it.each([
    // en
    ['yes', 'yes'],
    ['Yes.', 'yes'],
    ['YES!!!', 'yes'],
    ['y', 'yes'],
    ['OK', 'yes'],
    ['Okay, go ahead', 'yes'],
    ['I agree', 'yes'],
    ['Yes, I agree.', 'yes'],
    ['yes please', 'yes'],
    ['Yes 👍', 'yes'],
    ['*YES*', 'yes'],
    ['  \n\n  Yes\nThanks, Ada', 'yes'],
    ['no', 'no'],
    ['No.', 'no'],
    ['No thanks', 'no'],
    ['I don’t agree', 'no'],
    ['No - keep it in-house', 'no'],
    // de
    ['JA', 'yes'],
    ['Ja, bitte weitergeben', 'yes'],
    ['Einverstanden.', 'yes'],
    ['Ich bin einverstanden', 'yes'],
    ['Nein', 'no'],
    ['nein danke', 'no'],
    ['Nicht einverstanden!', 'no'],
    // nl
    ['ja', 'yes'],
    ['Akkoord', 'yes'],
    ['Oké', 'yes'],
    ['Ik ga akkoord.', 'yes'],
    ['Nee', 'no'],
    ['Nee, liever niet', 'no'],
    ['Niet akkoord', 'no'],
    // fr
    ['Oui', 'yes'],
    ["D'accord", 'yes'],
    ['Oui, d’accord', 'yes'],
    ['OUI !', 'yes'],
    ['Non', 'no'],
    ['Non !', 'no'],
    ["Pas d'accord", 'no'],
    ['Je ne suis pas d’accord', 'no'],
    // es
    ['Sí', 'yes'],
    ['si', 'yes'],
    ['SÍ, de acuerdo', 'yes'],
    ['De acuerdo', 'yes'],
    ['Estoy de acuerdo.', 'yes'],
    ['No', 'no'],
    ['No, gracias', 'no'],
    ['No estoy de acuerdo', 'no'],
    // ru
    ['Да', 'yes'],
    ['ДА', 'yes'],
    ['да, согласен', 'yes'],
    ['Согласна', 'yes'],
    ['Я согласен.', 'yes'],
    ['Нет', 'no'],
    ['НЕТ!', 'no'],
    ['Нет, спасибо', 'no'],
    ['Не согласен', 'no'],
  ] as const)('%j → %s', (text, expected) => {
    expect(consentAnswerIn(text)).toBe(expected);
  });

  it.each([
    'no problem, here is the log',
    'No problem. Here is the log',
    'Yes but only the logs',
    'ok thanks for the call yesterday',
    'Yesterday the printer jammed again',
    'Nobody told me',
    'non-stop crashes since Monday',
    'OKAY-button does nothing',
    'Si vous pouvez me rappeler demain',
    'Y a-t-il une solution ?',
    'Ja das Problem besteht noch immer',
    'Нету сети',
    'Да нет, не знаю',
    'yes no',
    'Thanks!',
    'please',
    '',
    '   \n  ',
    'Here is the log you asked for.\nYes',
  ])('%j → no answer', (text) => {
    expect(consentAnswerIn(text)).toBeUndefined();
  });

  it('reads only the own text: a quoted "> yes" under an empty own text is no answer', () => {
    expect(consentAnswerIn('\n\n> yes\n> Please reply YES or NO')).toBeUndefined();
    expect(
      consentAnswerIn('On Mon, 24 Nov 2026 at 10:00, Desk <desk@example.com> wrote:\n> yes'),
    ).toBeUndefined();
  });

  it.each([
    ['yes\n\nOn Mon, 24 Nov 2026 at 10:00, tierdesk <desk@example.com> wrote:\n> Reply YES or NO', 'yes'],
    ['Nein\n\nAm 24.11.2026 um 10:00 schrieb tierdesk <desk@example.com>:\n> JA oder NEIN', 'no'],
    ['Ja\n\nOp ma 24 nov 2026 om 10:00 schreef tierdesk <desk@example.com>:\n> JA of NEE', 'yes'],
    ['Non\n\nLe lun. 24 nov. 2026 à 10:00, tierdesk <desk@example.com> a écrit :\n> OUI ou NON', 'no'],
    ['Sí\n\nEl lun, 24 nov 2026 a las 10:00, tierdesk (<desk@example.com>) escribió:\n> SÍ o NO', 'yes'],
    ['Нет\n\n24.11.2026 10:00, tierdesk пишет:\n> ДА или НЕТ', 'no'],
  ] as const)('answers above a quoted consent mail: %j → %s', (text, expected) => {
    expect(consentAnswerIn(text)).toBe(expected);
  });
});

describe('ownTextOf', () => {
  it('cuts at the first quoted line', () => {
    expect(ownTextOf('  Here is the log.\r\nThanks\r\n\r\n> Hello Ada,\r\n> please send us')).toBe(
      'Here is the log.\nThanks',
    );
  });

  it.each([
    'On Mon, 24 Nov 2026 at 10:00, tierdesk <desk@example.com> wrote:',
    'Am Mo., 24. Nov. 2026 um 10:00 Uhr schrieb tierdesk <desk@example.com>:',
    'Am 24.11.2026 um 10:00 schrieb tierdesk:',
    'Op ma 24 nov 2026 om 10:00 schreef tierdesk <desk@example.com>:',
    'Le lun. 24 nov. 2026 à 10:00, tierdesk <desk@example.com> a écrit :',
    'El lun, 24 nov 2026 a las 10:00, tierdesk (<desk@example.com>) escribió:',
    '24.11.2026 10:00, tierdesk написал(а):',
    '24.11.2026 10:00, Служба поддержки написала:',
    '24.11.2026 10:00, tierdesk пишет:',
    'пн, 24 нояб. 2026 г. в 10:00, tierdesk <desk@example.com>:',
    '-----Original Message-----',
    '-------- Ursprüngliche Nachricht --------',
    '-----Message d’origine-----',
    '----- Mensaje original -----',
    '-------- Исходное сообщение --------',
  ])('cuts at the header %j, even when the history is not quoted with ">"', (header) => {
    expect(ownTextOf(`Here is the log.\n\n${header}\nHello Ada,\nplease send us the log.`)).toBe(
      'Here is the log.',
    );
  });

  it('cuts at a header a mail program wrapped over two lines', () => {
    expect(
      ownTextOf(
        'Here it is.\n\nOn Mon, 24 Nov 2026 at 10:00, tierdesk <\ndesk@example.com> wrote:\n\n> Hello',
      ),
    ).toBe('Here it is.');
  });

  it("cuts at Outlook's header block", () => {
    expect(
      ownTextOf(
        'Here it is.\n\n________________________________\nFrom: tierdesk <desk@example.com>\nSent: Monday, 24 November 2026 10:00\nSubject: [TD-ABCDEFG] …',
      ),
    ).toBe('Here it is.');
    expect(
      ownTextOf(
        'Hier bitte.\n\nVon: tierdesk <desk@example.com>\nGesendet: Montag, 24. November 2026 10:00\nAn: Ada',
      ),
    ).toBe('Hier bitte.');
  });

  it('keeps own lines that only look like headers', () => {
    const text = [
      'On Monday my colleague wrote:',
      'the printer says "paper jam" although there is none.',
      'From: the second floor',
      'Как я уже написал:',
      'принтер не печатает.',
    ].join('\n');
    expect(ownTextOf(text)).toBe(text);
  });

  it('is empty when the whole reply is quoted', () => {
    expect(ownTextOf('> yes\n> no')).toBe('');
    expect(ownTextOf('')).toBe('');
  });
});
