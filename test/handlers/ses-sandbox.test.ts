// The classify use case with real DynamoDB deps and the real SES mailer, wrapped to answer as
// SES in its sandbox does: IAM denies a send to a recipient identity that is not verified
// (AccessDeniedException). That refusal is final — recorded on the case, which still reaches
// its level — while throttling (TooManyRequestsException) is thrown so the queue retries, with
// the claim released for that retry.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient, sesClient, sqsClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { DynamoDbRecipients } from '../../shared/adapters/dynamodb/dynamodb-recipients.ts';
import { SesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { queueUrlsFrom, SqsWorkQueues } from '../../shared/adapters/sqs/sqs-work-queues.ts';
import { createClassifier } from '../../shared/domain/classification/default-classifier.ts';
import { DEFAULT_ACK_LIMITS } from '../../shared/domain/mail-policy.ts';
import type { QueuedLevel } from '../../shared/domain/support-model.ts';
import { type ClassifyCaseDeps, classifyCaseUseCase } from '../../shared/use-cases/classify-case.ts';
import type { OutgoingEmail } from '../../shared/use-cases/ports.ts';
import { draftCase } from '../support/cases.ts';
import { local, sentEmailsTo } from '../support/http.ts';

const table = () => local().tableName;
const store = new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string);

/** The real mailer, but `refuse` decides, per send, what SES answers instead of sending. */
function sandboxedMailer(refuse: (email: OutgoingEmail) => Error | undefined) {
  const real = new SesMailer(sesClient(), 'support@tierdesk.localhost', 'tierdesk-local-mail');
  const sends: string[] = [];
  return {
    sends,
    mailer: {
      send: async (email: OutgoingEmail) => {
        sends.push(email.to);
        // SES's own error names, thrown from inside the real send's error path: the SDK
        // rejects, SesMailer classifies.
        const refusal = refuse(email);
        if (refusal) {
          const failing = new SesMailer(
            { send: () => Promise.reject(refusal) } as unknown as ReturnType<typeof sesClient>,
            'support@tierdesk.localhost',
            'tierdesk-local-mail',
          );
          return failing.send(email);
        }
        return real.send(email);
      },
    },
  };
}

/** Real DynamoDB deps and the real level queues; escalations are recorded as they pass. */
function depsWith(mailer: ClassifyCaseDeps['mailer']) {
  const escalated: Array<{ caseId: string; level: QueuedLevel; reason: string }> = [];
  const queues = new SqsWorkQueues(
    sqsClient(),
    queueUrlsFrom(process.env as Record<string, string>, ['level1', 'level2', 'level3', 'level4']),
  );
  const deps: ClassifyCaseDeps = {
    store,
    queues: {
      requestClassification: (m) => queues.requestClassification(m),
      escalate: async (m) => {
        escalated.push(m);
        return queues.escalate(m);
      },
    },
    mailer,
    classifier: createClassifier(),
    clock: () => new Date(),
    publicBaseUrl: 'http://127.0.0.1',
    recipients: new DynamoDbRecipients(dynamoDocumentClient(), table()),
    limits: DEFAULT_ACK_LIMITS,
  };
  return { deps, escalated };
}

const accessDenied = (address: string) =>
  Object.assign(
    new Error(
      `User \`arn:aws:sts::123456789012:assumed-role/tierdesk-classify/tierdesk-classify\` is not authorized to perform \`ses:SendEmail\` on resource \`arn:aws:ses:us-east-1:123456789012:identity/${address}\``,
    ),
    { name: 'AccessDeniedException' },
  );

describe('an acknowledgement in the SES sandbox', () => {
  it('to an unverified recipient is undeliverable, with the reason, and the case reaches its level', async () => {
    // Prepare
    const stranger = `stranger.${randomUUID()}@example.com`;
    const c = draftCase({
      name: 'Sam',
      email: stranger,
      subject: 'Laptop does not charge',
      description: 'My docking station does not charge the laptop any more.',
    });
    await store.create(c);
    const { mailer, sends } = sandboxedMailer((email) =>
      email.to === stranger ? accessDenied(stranger) : undefined,
    );
    const { deps, escalated } = depsWith(mailer);

    // Act
    const outcome = await classifyCaseUseCase(deps, c.id);

    // Assess
    expect(outcome).toBe('classified');
    expect(sends).toEqual([stranger]);
    const stored = await store.get(c.id);
    expect(stored).toMatchObject({
      status: 'open',
      acknowledgement: { state: 'undeliverable', attempts: 1 },
    });
    expect(stored?.acknowledgement?.reason).toMatch(
      new RegExp(`^AccessDeniedException: .*ses:SendEmail.*identity/${stranger.replaceAll('.', '\\.')}`),
    );
    expect(stored?.classification?.level).toBeGreaterThan(0);
    expect(escalated).toEqual([{ caseId: c.id, level: stored?.classification?.level, reason: 'classified' }]);
    expect(await sentEmailsTo(stranger)).toEqual([]);
    // A redelivered message changes nothing: the refusal is final, no second attempt.
    expect(await classifyCaseUseCase(deps, c.id)).toBe('already-classified');
    expect(sends).toEqual([stranger]);
    expect((await store.get(c.id))?.acknowledgement?.state).toBe('undeliverable');
  });

  it('throttled is thrown for the queue to retry, with the claim released, and the retry sends', async () => {
    // Prepare
    const customer = `busy.${randomUUID()}@example.com`;
    const c = draftCase({
      name: 'Robin',
      email: customer,
      subject: 'Outlook crashes',
      description: 'Outlook crashes right after I start it since this morning.',
    });
    await store.create(c);
    let throttle = true;
    const { mailer, sends } = sandboxedMailer(() =>
      throttle
        ? Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' })
        : undefined,
    );
    const { deps, escalated } = depsWith(mailer);

    // Act
    const first = classifyCaseUseCase(deps, c.id);

    // Assess
    await expect(first).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    const released = await store.get(c.id);
    expect(released).toMatchObject({
      status: 'open',
      acknowledgement: { state: 'pending', attempts: 1, reason: 'Maximum sending rate exceeded.' },
    });
    expect(escalated).toEqual([]);
    expect(await sentEmailsTo(customer)).toEqual([]);

    // Act: the queue's retry, once SES accepts again.
    throttle = false;
    expect(await classifyCaseUseCase(deps, c.id)).toBe('already-classified');

    // Assess
    expect(sends).toEqual([customer, customer]);
    expect((await store.get(c.id))?.acknowledgement).toMatchObject({ state: 'sent', attempts: 2 });
    expect(await sentEmailsTo(customer)).toHaveLength(1);
    expect(escalated).toEqual([expect.objectContaining({ caseId: c.id })]);
  });
  it('an AccessDenied that names no recipient (a wrong grant) is thrown and retried, never recorded as undeliverable', async () => {
    // Prepare: the deployment's own fault — the grant misses the configuration set.
    const customer = `grant.${randomUUID()}@example.com`;
    const c = draftCase({ email: customer, subject: 'Mouse', description: 'My mouse stopped working.' });
    await store.create(c);
    const { mailer } = sandboxedMailer(() =>
      Object.assign(
        new Error(
          'User `arn:aws:sts::123456789012:assumed-role/tierdesk-classify/x` is not authorized to perform `ses:SendEmail` on resource `arn:aws:ses:us-east-1:123456789012:configuration-set/tierdesk-prod-mail`',
        ),
        { name: 'AccessDeniedException' },
      ),
    );
    const { deps, escalated } = depsWith(mailer);

    // Act + Assess: thrown, so the queue retries and at last dead-letters it with an alarm.
    await expect(classifyCaseUseCase(deps, c.id)).rejects.toThrow(/configuration-set/);
    expect((await store.get(c.id))?.acknowledgement).toMatchObject({ state: 'pending', attempts: 1 });
    expect(escalated).toEqual([]);
  });
});
