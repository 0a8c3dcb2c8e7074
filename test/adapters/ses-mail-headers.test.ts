// The headers every outgoing mail carries, built before SES sees them (pure: no send).
import { describe, expect, it } from 'vitest';
import { mailHeaders } from '../../shared/adapters/ses/ses-mailer.ts';

const email = { to: 'ada@example.com', subject: 's', text: 't', html: 'h' };

describe('mailHeaders', () => {
  it('marks every mail as automatic and carries the loop header', () => {
    expect(mailHeaders({ ...email, autoSubmitted: 'auto-generated' })).toEqual([
      { Name: 'Auto-Submitted', Value: 'auto-generated' },
      { Name: 'X-Loop', Value: 'tierdesk' },
      { Name: 'X-Auto-Response-Suppress', Value: 'All' },
    ]);
  });

  it('threads under the Message-IDs it answers', () => {
    const headers = mailHeaders({ ...email, autoSubmitted: 'auto-replied', inReplyTo: ['<a@x>', '<b@y>'] });
    expect(headers).toContainEqual({ Name: 'In-Reply-To', Value: '<b@y>' });
    expect(headers).toContainEqual({ Name: 'References', Value: '<a@x> <b@y>' });
  });

  it.each([
    ['non-ASCII', '<über@x.example>'],
    ['a line break', '<a@x>\r\nBcc: victim@example.com'],
    ['no angle brackets', 'a@x'],
    ['over 250 characters', `<${'a'.repeat(250)}@x>`],
  ])('leaves out a Message-ID SES would refuse (%s), rather than cost the customer the mail', (_why, id) => {
    const names = mailHeaders({ ...email, autoSubmitted: 'auto-replied', inReplyTo: [id] }).map(
      (h) => h.Name,
    );
    expect(names).not.toContain('In-Reply-To');
    expect(names).not.toContain('References');
  });
});
