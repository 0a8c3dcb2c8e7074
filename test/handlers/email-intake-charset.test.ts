// Email intake stores what the customer wrote, whatever charset their client used without
// saying so, and never takes a sender address that must not be a recipient. Against the
// local S3 (fauxqs) and DynamoDB Local, through the email-intake function.
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { DynamoDbMailRejections } from '../../shared/adapters/dynamodb/dynamodb-mail-rejections.ts';
import { RAW_MAIL_PREFIX } from '../../shared/declaration/index.ts';
import { emailIntakeDriver, mail } from '../support/email-intake.ts';
import { encode, rawMessage } from '../support/raw-mail.ts';

let deliver: Awaited<ReturnType<typeof emailIntakeDriver>>['deliver'];
const table = () => process.env.TABLE_NAME as string;

beforeAll(async () => {
  ({ deliver } = await emailIntakeDriver());
});

describe('email intake: charsets nobody declared', () => {
  it('stores a raw KOI8-R subject and body without a charset as the Russian text', async () => {
    // Prepare: as an old Russian mail client sends it, 8-bit KOI8-R and no charset anywhere.
    const subject = 'Не работает VPN';
    const body = 'Добрый день! С утра не подключается VPN, пишет ошибку 809. Что делать?';
    const raw = rawMessage(
      [
        ['From: Olga <olga@customer.example.com>'],
        ['To: support@tierdesk.localhost'],
        ['Subject: ', encode(subject, 'koi8-r')],
        [`Message-ID: <${Math.random()}@koi8.example.com>`],
        ['MIME-Version: 1.0'],
        ['Content-Type: text/plain'],
        ['Content-Transfer-Encoding: 8bit'],
      ],
      encode(body, 'koi8-r'),
    );

    // Act
    const outcome = await deliver(raw);

    // Assess
    expect(outcome).toMatchObject({ outcome: 'case-opened' });
    const stored = await new DynamoDbCaseStore(dynamoDocumentClient(), table()).get(
      (outcome as { caseId: string }).caseId,
    );
    expect(stored?.problem.subject).toBe(subject);
    expect(stored?.problem.description).toBe(body);
    expect(stored?.language).toBe('ru');
  });

  it('stores a latin-1 display name in From as the name the customer has', async () => {
    // Prepare
    const raw = rawMessage(
      [
        ['From: ', encode('Jürgen Müller', 'iso-8859-1'), ' <juergen@customer.example.com>'],
        ['Subject: Drucker'],
        [`Message-ID: <${Math.random()}@latin1.example.com>`],
        ['Content-Type: text/plain; charset=utf-8'],
      ],
      'Der Drucker im Büro druckt nur leere Seiten.',
    );

    // Act
    const outcome = await deliver(raw);

    // Assess
    const stored = await new DynamoDbCaseStore(dynamoDocumentClient(), table()).get(
      (outcome as { caseId: string }).caseId,
    );
    expect(stored?.customer.name).toBe('Jürgen Müller');
  });
});

describe('email intake: senders that must never be a recipient', () => {
  it.each([
    ['a bidi control', 'Eve <eve\u202E@example.com>', /bidirectional text control \(U\+202E\)/],
    ['an IP literal', 'eve@[192.0.2.1]', /IP literal/],
    ['a bare IP address', 'Eve <eve@192.0.2.1>', /IP address/],
    ['an empty domain label', 'Eve <eve@example..com>', /empty label/],
  ])('rejects a sender with %s, and records why', async (_kind, from, reason) => {
    // Prepare
    const key = `test-unusable-sender-${Date.now()}-${Math.random()}`;
    const raw = mail({ From: from, Subject: 'Invoice', 'Message-ID': `<${Math.random()}@x>` }, 'Please pay.');
    const day = new Date().toISOString().slice(0, 10);

    // Act
    const outcome = await deliver(raw, key);

    // Assess: a rejection, recorded with its reason, and no case opened.
    expect(outcome).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringMatching(/^sender address not usable: /),
    });
    expect((outcome as { reason: string }).reason).toMatch(reason);
    const days = [day, new Date().toISOString().slice(0, 10)];
    const recorded = (
      await Promise.all(
        [...new Set(days)].map((d) => new DynamoDbMailRejections(dynamoDocumentClient(), table()).listOn(d)),
      )
    )
      .flat()
      .find((rejection) => rejection.rawKey === `${RAW_MAIL_PREFIX}${key}`);
    expect(recorded?.reason).toMatch(reason);
    // The address is recorded readably, its invisible characters spelled out.
    expect(recorded?.reason).not.toMatch(/\u202E/);
  });
});
