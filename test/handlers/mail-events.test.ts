// The mail-events function through the local Lambda Invoke API, with the events SES publishes
// to EventBridge: a permanent bounce or a complaint suppresses the address (and the desk then
// writes nothing to it), a transient bounce or any other event suppresses nothing. And the
// Invoke API answers as Lambda's does: unknown function, unreadable payload, asynchronous call.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbRecipients } from '../../shared/adapters/dynamodb/dynamodb-recipients.ts';
import { call, eventually, local, newCaseBody, sentEmailsTo } from '../support/http.ts';
import { bounceEvent, complaintEvent, deliveryEvent, invokeFunction } from '../support/ses-events.ts';

const recipients = () => new DynamoDbRecipients(dynamoDocumentClient(), local().tableName);
const address = (who = 'ada') => `${who}.${randomUUID()}@example.com`;

/** The case as an admin reads it, once its acknowledgement is settled one way or another. */
async function settledCase(id: string) {
  return eventually(
    async () => {
      const read = await call('GET', `/cases/${id}`, { token: local().agentTokens.admin });
      const state = read.json?.acknowledgement?.state;
      return state && state !== 'pending' && state !== 'claimed' ? read.json : undefined;
    },
    20_000,
    `the acknowledgement of case ${id}`,
  );
}

describe('mail events: what SES reports suppresses an address', () => {
  it('a permanent bounce suppresses the address, and a case opened afterwards gets no mail', async () => {
    // Prepare
    const bounced = address();

    // Act
    const invoked = await invokeFunction('mailEvents', bounceEvent([bounced]));
    const created = await call('POST', '/cases', { body: newCaseBody({ email: bounced }) });

    // Assess
    expect(invoked.status).toBe(200);
    expect(invoked.headers.get('x-amz-function-error')).toBeNull();
    expect(invoked.json).toEqual({ suppressed: [bounced] });
    expect((await recipients().get(bounced))?.suppressed).toMatchObject({
      address: bounced,
      reason: 'bounce: Permanent/General',
    });
    expect(created.status).toBe(201);
    const stored = await settledCase(created.json.id);
    expect(stored.acknowledgement).toMatchObject({
      state: 'withheld',
      reason: expect.stringMatching(/suppressed.*bounce: Permanent\/General/),
    });
    // Withheld is not dropped: the case is classified and worked all the same.
    expect(stored.status).not.toBe('new');
    expect(await sentEmailsTo(bounced)).toEqual([]);
  });

  it('a complaint suppresses the address, with the feedback type as the reason', async () => {
    // Prepare
    const complained = address('kim');

    // Act
    const invoked = await invokeFunction('mailEvents', complaintEvent([complained]));

    // Assess
    expect(invoked.status).toBe(200);
    expect(invoked.json).toEqual({ suppressed: [complained] });
    expect((await recipients().get(complained))?.suppressed).toMatchObject({
      address: complained,
      reason: 'complaint: abuse',
    });
  });

  it('a transient bounce suppresses nothing, and the next case is acknowledged', async () => {
    // Prepare
    const full = address('max');

    // Act
    const invoked = await invokeFunction('mailEvents', bounceEvent([full], 'Transient'));
    const created = await call('POST', '/cases', { body: newCaseBody({ email: full }) });

    // Assess
    expect(invoked.status).toBe(200);
    expect(invoked.json).toEqual({ suppressed: [] });
    expect((await recipients().get(full))?.suppressed).toBeUndefined();
    expect((await settledCase(created.json.id)).acknowledgement.state).toBe('sent');
    expect(await sentEmailsTo(full)).toHaveLength(1);
  });

  it('an event that is neither a bounce nor a complaint is ignored and suppresses nothing', async () => {
    // Prepare
    const delivered = address('lea');

    // Act
    const invoked = await invokeFunction('mailEvents', deliveryEvent([delivered]));

    // Assess
    expect(invoked.status).toBe(200);
    expect(invoked.headers.get('x-amz-function-error')).toBeNull();
    expect(invoked.json).toEqual({ ignored: expect.any(String) });
    expect(await recipients().get(delivered)).toBeUndefined();
  });

  it('recipients SES names as `"Name" <addr>` are suppressed by their bare address', async () => {
    // Prepare
    const ada = address('ada');
    const grace = `Grace.${randomUUID()}@Example.COM`;

    // Act
    const invoked = await invokeFunction(
      'mailEvents',
      bounceEvent([`"Ada Lovelace" <${ada}>`, `Grace Hopper <${grace}>`]),
    );

    // Assess
    expect(invoked.json).toEqual({ suppressed: [ada, grace] });
    expect((await recipients().get(ada))?.suppressed?.address).toBe(ada);
    // Addresses are looked up regardless of case, as the desk writes them.
    expect((await recipients().get(grace.toLowerCase()))?.suppressed?.reason).toBe(
      'bounce: Permanent/General',
    );
  });
});

describe('the local Lambda Invoke API', () => {
  it('answers 404 ResourceNotFoundException for a function that is not declared', async () => {
    // Act
    const invoked = await invokeFunction('noSuchFunction', bounceEvent([address()]));

    // Assess
    expect(invoked.status).toBe(404);
    expect(invoked.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(invoked.json).toMatchObject({ Type: 'User', message: expect.stringContaining('noSuchFunction') });
  });

  it('runs nothing for a DryRun (204), nor for a request a browser page sends (403)', async () => {
    // Prepare
    const untouched = address('dry');

    // Act
    const dry = await invokeFunction('mailEvents', bounceEvent([untouched]), { invocationType: 'DryRun' });
    const fromPage = await invokeFunction('mailEvents', bounceEvent([untouched]), {
      headers: { origin: 'https://some-page.example' },
    });

    // Assess
    expect(dry.status).toBe(204);
    expect(fromPage.status).toBe(403);
    expect(await recipients().get(untouched)).toBeUndefined();
  });

  it('answers 400 for a payload that is not JSON, and runs nothing', async () => {
    // Prepare
    const never = address('never');

    // Act
    const invoked = await invokeFunction('mailEvents', undefined, {
      rawBody: `{"source":"aws.ses","detail":{"eventType":"Bounce","bouncedRecipients":["${never}"]`,
    });

    // Assess
    expect(invoked.status).toBe(400);
    expect(invoked.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException');
    expect(await recipients().get(never)).toBeUndefined();
  });

  it('answers 202 at once to an Event invocation, and the bounce takes effect shortly after', async () => {
    // Prepare
    const bounced = address('eve');

    // Act
    const invoked = await invokeFunction('mailEvents', bounceEvent([bounced]), { invocationType: 'Event' });

    // Assess
    expect(invoked.status).toBe(202);
    expect(invoked.text).toBe('');
    const record = await eventually(
      async () => (await recipients().get(bounced))?.suppressed,
      5_000,
      `the suppression of ${bounced}`,
    );
    expect(record).toMatchObject({ address: bounced, reason: 'bounce: Permanent/General' });
  });
});
