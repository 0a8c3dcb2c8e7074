// A case waiting on the customer does not wait for ever: after the desk's silence days with no
// change, the sweep gives it back to whoever works it (its resolution clock runs again) and
// records why; an answer before then keeps it with the customer's answer as usual.
import { describe, expect, it } from 'vitest';
import { DESK_POLICY } from '../../shared/config/this-deployment.ts';
import { customerSilent, replyToCustomer } from '../../shared/domain/case-lifecycle.ts';
import { classify, nextDueAt, type SupportCase } from '../../shared/domain/support-case.ts';
import { draftCase, level1Verdict } from '../support/cases.ts';

const T0 = new Date('2026-06-01T08:00:00.000Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const agent = { kind: 'agent' as const, id: 'agent-7' };

function waitingCase(assignee?: string): SupportCase {
  const classified = classify(draftCase({ at: T0 }), level1Verdict(T0), T0);
  const open = { ...classified, ...(assignee ? { assignee } : {}) };
  const asked = replyToCustomer(
    open,
    { text: 'Which version do you use?', waitForCustomer: true },
    {
      at: at(60_000),
      eventId: 'E1',
      actor: agent,
    },
  );
  if (asked.kind !== 'changed') throw new Error('the question was not recorded');
  // Acknowledged long ago, the reply's mail sent: only the wait is due.
  return {
    ...asked.case,
    pendingEffects: undefined,
    acknowledgement: { state: 'sent', attempts: 1, tokenHashes: [], sentAt: T0.toISOString() },
  };
}

describe('a customer who does not answer', () => {
  const silence = DESK_POLICY.customerSilenceDays * DAY;

  it('is due for the sweep the silence days after the last change', () => {
    const c = waitingCase();
    expect(c.status).toBe('waiting-on-customer');
    expect(nextDueAt(c)).toBe(new Date(Date.parse(c.updatedAt) + silence).toISOString());
  });

  it('leaves the case waiting until the silence days have passed', () => {
    const c = waitingCase();
    const early = customerSilent(c, {
      at: new Date(Date.parse(c.updatedAt) + silence - 1),
      eventId: 'S1',
      actor: agent,
    });
    expect(early).toEqual({ kind: 'unchanged', case: c });
  });

  it('then gives it back to whoever works it, once, with an internal event', () => {
    const c = waitingCase('agent-7');
    const when = new Date(Date.parse(c.updatedAt) + silence);
    const back = customerSilent(c, { at: when, eventId: 'S1', actor: { kind: 'system', id: 'sla-timer' } });
    if (back.kind !== 'changed') throw new Error('expected a change');
    expect(back.case.status).toBe('in-progress');
    expect(back.events.filter((e) => e.type === 'customer-silent')).toEqual([
      expect.objectContaining({
        visibility: 'internal',
        data: expect.objectContaining({ toStatus: 'in-progress' }),
      }),
    ]);
    // Nobody works it: the level's queue has it again.
    const unassigned = customerSilent(
      { ...waitingCase(), assignee: undefined },
      {
        at: new Date(when.getTime() + 60_000),
        eventId: 'S2',
        actor: agent,
      },
    );
    expect(unassigned.kind === 'changed' && unassigned.case.status).toBe('open');
    // Back with the desk: no longer due for silence, and a second sweep changes nothing.
    expect(
      customerSilent(back.case, { at: new Date(when.getTime() + DAY), eventId: 'S3', actor: agent }).kind,
    ).toBe('unchanged');
  });
});
