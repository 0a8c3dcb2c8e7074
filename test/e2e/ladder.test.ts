// The support ladder end to end, through the front doors: HTTP API → DynamoDB → level queues →
// level workers → SES, and the vendor's answer back in through SMTP. One case climbs from the
// ticket desk (1) to the technical callback (2), the experts (3) and the vendor (4), and is
// resolved and confirmed by its customer.
import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  call,
  eventually,
  local,
  type SentEmail,
  sentEmailsTo,
  smtpTransport,
  tokenIn,
  waitForEmails,
} from '../support/http.ts';

/** A JSON answer of the API, as `call` gives it. */
type Json = Awaited<ReturnType<typeof call>>['json'];

/** What the SES emulator's store keeps of a sent mail beyond SentEmail. */
type StoredEmail = SentEmail & {
  replyTo?: string[];
  attachments?: Array<{ filename?: string; contentType: string; content: string; size: number }>;
};

const TEAMS = {
  callback: 'callback-team@tierdesk.example',
  experts: 'experts@tierdesk.example',
};
const VENDOR = 'service@printcare.example.com';
const CUSTOMER_ZONE = 'America/New_York';

/** The mails to `address` about case `reference` (team and vendor mailboxes are shared). */
async function mailsAbout(address: string, reference: string): Promise<StoredEmail[]> {
  return (await sentEmailsTo(address)).filter((m) => m.subject.includes(`[${reference}]`)) as StoredEmail[];
}

/** Waits until `count` mails about the case reached `address`; returns them oldest first. */
function waitForMailsAbout(address: string, reference: string, count: number, what: string) {
  return eventually(
    async () => {
      const mails = await mailsAbout(address, reference);
      return mails.length >= count ? mails : undefined;
    },
    20_000,
    `${what} (${count} mail(s) to ${address})`,
  );
}

/** The newest mail about the case whose subject contains `subject`, once it is there. */
async function waitForMail(address: string, reference: string, subject: string, nth = 1) {
  const mails = await eventually(
    async () => {
      const found = (await mailsAbout(address, reference)).filter((m) => m.subject.includes(subject));
      return found.length >= nth ? found : undefined;
    },
    20_000,
    `mail "${subject}" #${nth} to ${address}`,
  );
  return mails[nth - 1] as StoredEmail;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The case as an agent reads it, once `ready` holds. */
function agentReadsWhen(id: string, ready: (c: Json) => boolean, what: string) {
  return eventually(
    async () => {
      const read = await call('GET', `/cases/${id}`, { token: local().agentTokens.admin });
      return read.status === 200 && ready(read.json) ? read.json : undefined;
    },
    20_000,
    what,
  );
}

async function agentHistory(id: string): Promise<Array<Json>> {
  const history = await call('GET', `/cases/${id}/history?limit=200`, { token: local().agentTokens.admin });
  expect(history.status).toBe(200);
  return history.json.events;
}

/** The invite a callback confirmation carries, parsed as a calendar client would. */
function inviteOf(mail: StoredEmail) {
  const attachment = mail.attachments?.find((a) => a.filename === 'callback.ics');
  expect(attachment, 'the confirmation carries callback.ics').toBeDefined();
  expect(attachment?.contentType).toMatch(/^text\/calendar/);
  const ics = Buffer.from(attachment?.content ?? '', 'base64').toString('utf8');
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error(`no VEVENT in ${ics}`);
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    zoneId: zone?.getFirstPropertyValue('tzid'),
    dtstartTzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate,
    end: event.endDate,
  };
}

/** Checks the invite's times are the booked window, written in the customer's zone. */
function expectInviteAt(invite: ReturnType<typeof inviteOf>, window: { start: string; end: string }) {
  expect(invite.method).toBe('REQUEST');
  expect(invite.zoneId).toBe(CUSTOMER_ZONE);
  expect(invite.dtstartTzid).toBe(CUSTOMER_ZONE);
  const local = DateTime.fromISO(window.start, { zone: CUSTOMER_ZONE });
  expect([invite.start.year, invite.start.month, invite.start.day]).toEqual([
    local.year,
    local.month,
    local.day,
  ]);
  expect([invite.start.hour, invite.start.minute]).toEqual([local.hour, local.minute]);
  expect(invite.start.toJSDate()).toEqual(new Date(window.start));
  expect(invite.end.toJSDate()).toEqual(new Date(window.end));
}

describe('the support ladder, 1 → 2 → 3 → 4 and back to the customer', () => {
  it('walks one case up every level, with the mail each step calls for, and closes it', async () => {
    const { agentTokens } = local();
    const address = `ladder-${randomUUID()}@example.com`;
    const NOTE = `Internal: customer account flagged ${randomUUID()}`;
    const description =
      'We received invoice 2026-0311 and the amount is higher than our contract says. Please check the billing.';

    // ── Intake by form; the customer confirms their address with the first mail's link.
    const created = await call('POST', '/cases', {
      body: {
        customer: { name: 'Grace Hopper', email: address, timeZone: CUSTOMER_ZONE },
        problem: { subject: 'Question about our March invoice', description },
      },
    });
    expect(created.status).toBe(201);
    const { id, reference } = created.json as { id: string; reference: string };
    const customer: string = created.json.accessToken;
    const [ack] = await waitForEmails(address);
    const confirmed = await call('POST', `/cases/${id}/address-confirmation`, {
      token: tokenIn(ack),
      body: { openedByMe: true },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.addressConfirmed).toBe(true);
    const classified = await agentReadsWhen(id, (c) => c.classification !== undefined, 'classification');
    expect(classified.classification.level).toBe(1);
    expect(classified.status).toBe('open');

    // An internal note at level 1: the experts read it later, the vendor and customer never do.
    const noted = await call('POST', `/cases/${id}/notes`, {
      token: agentTokens.level1,
      body: { text: NOTE },
    });
    expect(noted.status).toBe(200);

    // ── 1 → 2: the callback team is told.
    const toTwo = await call('POST', `/cases/${id}/escalations`, {
      token: agentTokens.level1,
      body: { level: 2, reason: 'The customer needs a technician on the phone' },
    });
    expect(toTwo.status).toBe(200);
    expect(toTwo.json).toMatchObject({ status: 'open', classification: { level: 2 } });
    const teamMail = await waitForMail(TEAMS.callback, reference, 'New case for a technical callback');
    expect(teamMail.body.text).toContain(description);

    // ── The customer books a callback; the confirmation carries the invite in their zone.
    const slots = await call('GET', `/cases/${id}/callback-slots`, { token: customer });
    expect(slots.status).toBe(200);
    expect(slots.json.slots.length).toBeGreaterThanOrEqual(3);
    const [first, second, third] = slots.json.slots as Array<{ start: string; end: string }>;
    if (!first || !second || !third) throw new Error('too few windows');

    const unoffered = await call('PUT', `/cases/${id}/callback`, {
      token: customer,
      body: { start: DateTime.fromISO(first.start).plus({ minutes: 7 }).toISO() },
    });
    expect([400, 422]).toContain(unoffered.status);
    expect(unoffered.json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });

    const booked = await call('PUT', `/cases/${id}/callback`, {
      token: customer,
      body: { start: first.start },
    });
    expect(booked.status).toBe(200);
    // A customer's action answers where the case stands; the case itself is read with GET.
    expect(booked.json.callback).toMatchObject({ state: 'booked', start: first.start });
    expect((await call('GET', `/cases/${id}`, { token: customer })).json.callback).toMatchObject({
      state: 'booked',
      start: first.start,
      timeZone: CUSTOMER_ZONE,
    });
    const bookedMail = await waitForMail(address, reference, 'Your callback is booked');
    const invite = inviteOf(bookedMail);
    expectInviteAt(invite, first);
    expect(invite.sequence).toBe(0);

    // Moved: the same calendar entry (UID), one sequence on.
    const moved = await call('PUT', `/cases/${id}/callback`, {
      token: customer,
      body: { start: second.start },
    });
    expect(moved.status).toBe(200);
    expect(moved.json.callback).toMatchObject({ state: 'booked', start: second.start });
    const movedInvite = inviteOf(await waitForMail(address, reference, 'Your callback is booked', 2));
    expectInviteAt(movedInvite, second);
    expect(movedInvite.uid).toBe(invite.uid);
    expect(movedInvite.sequence).toBe(1);

    // ── The technician cannot reach the customer: they are asked to choose a new window.
    const missed = await call('POST', `/cases/${id}/callback-outcome`, {
      token: agentTokens.level2,
      body: { outcome: 'not-reached', note: 'Voicemail twice.' },
    });
    expect(missed.status).toBe(200);
    expect(missed.json.status).toBe('waiting-on-customer');
    const missedMail = await waitForMail(address, reference, 'We could not reach you');
    expect(missedMail.body.text).not.toContain('Voicemail twice.');

    const rebooked = await call('PUT', `/cases/${id}/callback`, {
      token: customer,
      body: { start: third.start },
    });
    expect(rebooked.status).toBe(200);
    expect(rebooked.json).toMatchObject({
      status: 'open',
      callback: { state: 'booked', start: third.start },
    });
    const rebookedInvite = inviteOf(await waitForMail(address, reference, 'Your callback is booked', 3));
    expectInviteAt(rebookedInvite, third);
    expect(rebookedInvite.uid).toBe(invite.uid);
    expect(rebookedInvite.sequence).toBe(2);

    const reached = await call('POST', `/cases/${id}/callback-outcome`, {
      token: agentTokens.level2,
      body: { outcome: 'reached', note: 'Walked through the invoice lines together.' },
    });
    expect(reached.status).toBe(200);
    expect(reached.json).toMatchObject({ status: 'in-progress', callback: { state: 'held' } });

    // ── 2 → 3: the experts get the whole dossier, internal note and reasons included.
    const toThree = await call('POST', `/cases/${id}/escalations`, {
      token: agentTokens.level2,
      body: { level: 3, reason: 'The billing system computes a wrong amount' },
    });
    expect(toThree.status).toBe(200);
    expect(toThree.json).toMatchObject({ status: 'open', classification: { level: 3 } });
    const dossier = await waitForMail(TEAMS.experts, reference, 'Escalated to level 3');
    expect(dossier.body.text).toContain(description);
    expect(dossier.body.text).toContain('Question about our March invoice');
    expect(dossier.body.text).toContain(address);
    expect(dossier.body.text).toContain(NOTE);
    // The classification with its reasons: the escalations' own, not the classifier's stale
    // "level 1: …", and the reasons that still hold (the category's).
    expect(dossier.body.text).toContain('escalated from level 2 to 3');
    expect(dossier.body.text).not.toContain('level 1: a general question');
    expect(dossier.body.text).toMatch(/category \w+:/);
    expect(dossier.body.text).toContain('The billing system computes a wrong amount');
    expect(dossier.body.text).toContain('callback not-reached');

    // ── 3 → 4 to PrintCare: the customer is asked first; the vendor gets nothing before.
    const toFour = await call('POST', `/cases/${id}/escalations`, {
      token: agentTokens.level3,
      body: { level: 4, reason: 'The copier lease is billed by PrintCare', vendorId: 'printcare' },
    });
    expect(toFour.status).toBe(200);
    expect(toFour.json).toMatchObject({ status: 'awaiting-consent', classification: { level: 4 } });
    await waitForMail(address, reference, 'Your consent');
    await sleep(3_000);
    expect(await mailsAbout(VENDOR, reference)).toEqual([]);

    const consent = await call('POST', `/cases/${id}/vendor-consent`, {
      token: customer,
      body: { given: true },
    });
    expect(consent.status).toBe(200);
    expect(consent.json.status).toBe('waiting-on-vendor');
    const [vendorMail] = await waitForMailsAbout(VENDOR, reference, 1, 'the dossier for the vendor');
    if (!vendorMail) throw new Error('no vendor mail');
    const replyAddress = `support+${reference.toLowerCase()}@tierdesk.localhost`;
    expect(vendorMail.replyTo).toEqual([replyAddress]);
    expect(vendorMail.body.text).toContain(description);
    for (const body of [vendorMail.body.text, vendorMail.body.html])
      for (const internal of [NOTE, 'Voicemail twice.', 'level 1: a general question'])
        expect(body).not.toContain(internal);
    const contacted = await waitForMail(address, reference, 'Update on your request');
    expect(contacted.body.text).toContain('PrintCare Services');

    // ── The vendor answers by mail to the Reply-To address, from its own domain.
    await smtpTransport().sendMail({
      from: 'Frank at PrintCare <frank@printcare.example.com>',
      to: replyAddress,
      // The envelope names the plus-tagged address, as the vendor's server would: the SMTP intake
      // takes support+<label>@ like SES's receipt rule for support@ does.
      envelope: { from: 'frank@printcare.example.com', to: replyAddress },
      subject: `Re: [${reference}] Service request for PrintCare Services`,
      text: 'Hello,\n\nwe opened ticket PC-123456 for this and will send a technician tomorrow.\n\nFrank',
    });
    const answered = await eventually(
      async () => (await agentHistory(id)).find((e) => e.type === 'vendor-answered'),
      20_000,
      'the vendor-answered event',
    );
    expect(answered.data).toMatchObject({ vendorReference: 'PC-123456', vendorName: 'PrintCare Services' });
    expect(answered.data.text).toContain('technician tomorrow');
    const progress = await waitForMail(address, reference, 'Update on your request', 2);
    expect(progress.body.text).toContain('PC-123456');
    // One mail to the vendor, ever.
    expect(await mailsAbout(VENDOR, reference)).toHaveLength(1);

    // ── Resolved, and the customer confirms: closed.
    const resolved = await call('POST', `/cases/${id}/resolution`, {
      token: agentTokens.level4,
      body: { resolution: 'PrintCare credited the overcharged lease amount on the next invoice.' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json.status).toBe('resolved');
    const resolvedMail = await waitForMail(address, reference, 'Your request has been resolved');
    expect(resolvedMail.body.text).toContain('PrintCare credited the overcharged lease amount');
    const accepted = await call('POST', `/cases/${id}/resolution-answer`, {
      token: customer,
      body: { accepted: true },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.status).toBe('closed');

    // ── Every ladder mail to the customer opens the case with a fresh token of its own.
    const ladderMails = (await mailsAbout(address, reference)).slice(1);
    expect(ladderMails.map((m) => m.subject)).toEqual([
      expect.stringContaining('Your callback is booked'),
      expect.stringContaining('Your callback is booked'),
      expect.stringContaining('We could not reach you'),
      expect.stringContaining('Your callback is booked'),
      expect.stringContaining('Your consent'),
      expect.stringContaining('Update on your request'),
      expect.stringContaining('Update on your request'),
      expect.stringContaining('Your request has been resolved'),
    ]);
    const tokens = ladderMails.map((m) => tokenIn(m));
    expect(new Set(tokens).size).toBe(ladderMails.length);
    for (const token of tokens) {
      expect(token).toBeDefined();
      expect((await call('GET', `/cases/${id}`, { token })).status).toBe(200);
    }

    // ── What each side reads of the history.
    const asAgent = await agentHistory(id);
    expect(asAgent.find((e) => e.type === 'noted')?.data.text).toBe(NOTE);
    const asCustomer = await call('GET', `/cases/${id}/history?limit=200`, { token: customer });
    expect(asCustomer.status).toBe(200);
    const customerEvents = asCustomer.json.events as Array<Json>;
    expect(customerEvents.length).toBeGreaterThan(5);
    expect(customerEvents.every((e) => e.visibility === 'public')).toBe(true);
    const customerTypes = customerEvents.map((e) => e.type);
    for (const internal of ['noted', 'vendor-answered', 'queued', 'email-sent', 'taken'])
      expect(customerTypes).not.toContain(internal);
    expect(customerTypes).toEqual(
      expect.arrayContaining([
        'escalated',
        'callback-booked',
        'consent-given',
        'resolved',
        'resolution-confirmed',
      ]),
    );
    expect(asCustomer.text).not.toContain(NOTE);
    expect(asCustomer.text).not.toContain('agent-l');
  }, 60_000);
});

describe('the telephone and the consent question', () => {
  const COPIER = {
    subject: 'Our Ricoh MP C3004 copier shows SC542',
    description: 'Our Ricoh MP C3004 copier shows SC542 since this morning and does not print.',
  };

  it('an agent types in a call: channel phone, missing facts, the acknowledgement and the consent question go out', async () => {
    const { agentTokens } = local();
    const address = `caller-${randomUUID()}@example.com`;

    const created = await call('POST', '/phone-cases', {
      token: agentTokens.level1,
      body: { customer: { name: 'Alan Turing', email: address, phone: '+49 30 1234567' }, problem: COPIER },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'new', reference: expect.stringMatching(/^TD-/) });
    expect(created.json.missingFacts).toEqual(expect.arrayContaining(['affectedUsers']));
    expect(created.json.missingFacts).not.toContain('phone');
    const { id, reference } = created.json as { id: string; reference: string };

    const [ack] = await waitForEmails(address);
    expect(ack?.subject).toContain(`[${reference}]`);
    const read = await agentReadsWhen(id, (c) => c.classification !== undefined, 'classification');
    expect(read).toMatchObject({
      channel: 'phone',
      status: 'awaiting-consent',
      classification: { level: 4, vendorId: 'printcare' },
      missingFacts: created.json.missingFacts,
      source: { signedInAs: 'agent-l1' },
    });
    // Nobody confirmed the address, but the desk spoke to its owner: the question may go.
    await waitForMail(address, reference, 'Your consent');

    // The caller says yes on the telephone; the agent records it.
    const consent = await call('POST', `/cases/${id}/vendor-consent`, {
      token: agentTokens.level4,
      body: { given: true },
    });
    expect(consent.status).toBe(200);
    expect(consent.json).toMatchObject({
      status: 'waiting-on-vendor',
      consent: { state: 'given', channel: 'phone' },
    });
    const [vendorMail] = await waitForMailsAbout(VENDOR, reference, 1, 'the dossier for the vendor');
    expect(vendorMail?.body.text).toContain(COPIER.description);
    expect(vendorMail?.body.text).toContain('+49 30 1234567');
  }, 30_000);

  it('a form case at level 4 asks no unconfirmed address; a refusal keeps the case with the experts', async () => {
    const { agentTokens } = local();
    const address = `refuses-${randomUUID()}@example.com`;
    const created = await call('POST', '/cases', {
      body: { customer: { name: 'Ada Byron', email: address }, problem: COPIER },
    });
    expect(created.status).toBe(201);
    const { id, reference, accessToken } = created.json as {
      id: string;
      reference: string;
      accessToken: string;
    };

    // The question is not mailed to an address nobody confirmed: it waits on the case page.
    const withheld = await eventually(
      async () =>
        (await agentHistory(id)).find((e) => e.type === 'email-failed' && e.data.for === 'consent-asked'),
      20_000,
      'the withheld consent question',
    );
    expect(withheld.data.reason).toMatch(/not confirmed/);
    expect((await mailsAbout(address, reference)).map((m) => m.subject)).toEqual([
      expect.not.stringContaining('consent'),
    ]);

    const refused = await call('POST', `/cases/${id}/vendor-consent`, {
      token: accessToken,
      body: { given: false, reason: 'The copier holds confidential scans' },
    });
    expect(refused.status).toBe(200);
    expect(refused.json).toMatchObject({ status: 'open' });
    expect((await call('GET', `/cases/${id}`, { token: accessToken })).json).toMatchObject({
      status: 'open',
      classification: { level: 3 },
      consent: { state: 'refused' },
    });
    const dossier = await waitForMail(TEAMS.experts, reference, 'Escalated to level 3');
    expect(dossier.body.text).toContain(
      'the customer refused the vendor hand-off: The copier holds confidential scans',
    );
    const slots = await call('GET', `/cases/${id}/callback-slots`, { token: agentTokens.level3 });
    expect(slots.status).toBe(409);
    expect(await mailsAbout(VENDOR, reference)).toEqual([]);
  }, 30_000);

  it('an agent books a callback for a caller without a time zone: the invite is in Europe/Berlin', async () => {
    const { agentTokens } = local();
    const address = `berlin-${randomUUID()}@example.com`;
    const created = await call('POST', '/phone-cases', {
      token: agentTokens.level1,
      body: {
        customer: { name: 'Konrad Zuse', email: address, phone: '+49 30 7654321' },
        problem: {
          subject: 'Outlook crashes on start',
          description: 'Since this morning Outlook crashes right after I start it.',
        },
      },
    });
    expect(created.status).toBe(201);
    const { id, reference } = created.json as { id: string; reference: string };
    await agentReadsWhen(id, (c) => c.classification?.level === 2, 'classification at level 2');

    const slots = await call('GET', `/cases/${id}/callback-slots`, { token: agentTokens.level2 });
    expect(slots.status).toBe(200);
    const window = slots.json.slots.at(-1) as { start: string; end: string };
    const booked = await call('PUT', `/cases/${id}/callback`, {
      token: agentTokens.level2,
      body: { start: window.start },
    });
    expect(booked.status).toBe(200);
    expect(booked.json.callback).toMatchObject({ timeZone: 'Europe/Berlin', start: window.start });

    const mail = await waitForMail(address, reference, 'Your callback is booked');
    expect(mail.body.text).toContain('+49 30 7654321');
    const invite = inviteOf(mail);
    expect(invite.dtstartTzid).toBe('Europe/Berlin');
    expect(invite.zoneId).toBe('Europe/Berlin');
    const berlin = DateTime.fromISO(window.start, { zone: 'Europe/Berlin' });
    expect([invite.start.hour, invite.start.minute]).toEqual([berlin.hour, berlin.minute]);
    expect(invite.start.toJSDate()).toEqual(new Date(window.start));
    expect(invite.sequence).toBe(0);
    const team = await waitForMail(TEAMS.callback, reference, 'Callback booked');
    expect(team.body.text).toContain('+49 30 7654321');
  }, 30_000);
});
