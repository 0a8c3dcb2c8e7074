// A long thread never freezes a case: 200 replies of 4,000 CJK characters each (12 KB of
// UTF-8 apiece, 2.4 MB in all) go through the real email-intake function to one case. Each
// reply is an item of its own, so every one is kept, in order, and the case item stays small.
// Replies arrive a few at a time, as a busy thread does: racing writes must all land.
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { keys } from '../../shared/adapters/dynamodb/table-keys.ts';
import type { FollowUp } from '../../shared/domain/support-case.ts';
import type { EmailOutcome } from '../../shared/use-cases/receive-email.ts';
import { emailIntakeDriver, mail } from '../support/email-intake.ts';

const REPLIES = 200;
/** Replies delivered at the same time: enough to make them race for the case's version. */
const AT_ONCE = 4;
const REPLY_CHARS = 4_000;

let deliver: Awaited<ReturnType<typeof emailIntakeDriver>>['deliver'];
const store = () => new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);

beforeAll(async () => {
  ({ deliver } = await emailIntakeDriver());
});

/** 4,000 CJK characters, numbered so each reply is told apart; one paragraph, base64 on the wire. */
function cjkText(n: number): string {
  const head = `第${n}号回复：`;
  return (
    head + '打印机仍然无法打印，请尽快派人来看看。'.repeat(REPLY_CHARS).slice(0, REPLY_CHARS - head.length)
  );
}

const replyMail = (customer: string, reference: string, n: number, messageId: string) =>
  mail(
    {
      From: `Li Wei <${customer}>`,
      To: 'support@tierdesk.localhost',
      Subject: `Re: [${reference}] 打印机无法打印`,
      'Message-ID': messageId,
      'Content-Transfer-Encoding': 'base64',
    },
    (
      Buffer.from(cjkText(n))
        .toString('base64')
        .match(/.{1,76}/g) ?? []
    ).join('\r\n'),
  );

async function wholeThread(caseId: string): Promise<FollowUp[]> {
  const newestFirst: FollowUp[] = [];
  let cursor: string | undefined;
  do {
    const page = await store().listFollowUps(caseId, { limit: 50, ...(cursor ? { cursor } : {}) });
    newestFirst.push(...page.followUps);
    cursor = page.cursor;
  } while (cursor);
  return newestFirst.reverse();
}

describe('a long email thread', () => {
  it('keeps 200 replies of 4,000 CJK characters, in order, and the case item small', async () => {
    // Prepare: a case opened by mail, and 200 replies of its customer.
    const customer = `li.wei.${randomUUID().slice(0, 8)}@customer.example.com`;
    const opened = await deliver(
      mail(
        {
          From: `Li Wei <${customer}>`,
          Subject: 'Printer',
          'Message-ID': `<${randomUUID()}@customer.example.com>`,
        },
        'The printer on the second floor prints nothing since this morning.',
      ),
    );
    expect(opened.outcome).toBe('case-opened');
    const { caseId, reference } = opened as Extract<EmailOutcome, { outcome: 'case-opened' }>;
    const messageIds = Array.from(
      { length: REPLIES },
      (_unused, n) => `<reply-${n}.${randomUUID()}@customer.example.com>`,
    );

    // Act: deliver them a few at a time; each wave is delivered before the next starts.
    const outcomes: EmailOutcome[] = [];
    for (let first = 0; first < REPLIES; first += AT_ONCE) {
      const wave = messageIds.slice(first, first + AT_ONCE);
      outcomes.push(
        ...(await Promise.all(
          wave.map((id, offset) => deliver(replyMail(customer, reference, first + offset + 1, id))),
        )),
      );
    }
    // A redelivery of one reply under a new object key (an MTA retrying, a second SES receipt).
    const before = await store().get(caseId);
    const redelivered = await deliver(replyMail(customer, reference, 100, messageIds[99] as string));

    // Assess: every reply became a follow-up (none was thrown towards the failure queue) …
    expect(outcomes.filter((o) => o.outcome !== 'follow-up')).toEqual([]);
    expect(redelivered).toEqual({ outcome: 'follow-up', caseId, reference });
    // … all 200 are there, each once, whole, and in order of the waves they came in …
    const thread = await wholeThread(caseId);
    expect(thread).toHaveLength(REPLIES);
    expect(new Set(thread.map((f) => f.messageId))).toEqual(new Set(messageIds));
    const position = new Map(messageIds.map((id, index) => [id, index]));
    const waves = thread.map((f) => Math.floor((position.get(f.messageId as string) as number) / AT_ONCE));
    expect(waves).toEqual([...waves].sort((a, b) => a - b));
    expect(thread.map((f) => f.at)).toEqual(thread.map((f) => f.at).sort());
    for (const f of thread) expect(f.text).toHaveLength(REPLY_CHARS);
    // … the redelivery added nothing …
    const c = await store().get(caseId);
    expect(c).toMatchObject({ followUpCount: REPLIES, version: before?.version });
    // … and the case item holds none of them: it stays far below DynamoDB's 400 KB.
    const { Item } = await dynamoDocumentClient().send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: keys.case(caseId), ConsistentRead: true }),
    );
    const itemBytes = Buffer.byteLength(JSON.stringify(Item));
    expect(itemBytes).toBeLessThan(20 * 1024);
  }, 60_000);
});
