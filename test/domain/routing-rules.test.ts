// Routing rules as an author writes them: what the schema refuses (terms that would take over
// the desk's routing), how written terms become lexicon terms, and how a rule's votes meet the
// lexicon's (a rule that names no level leaves the level to the lexicon).
import { describe, expect, it } from 'vitest';
import { readDeployment } from '../../shared/config/deployment.ts';
import { DEFAULT_CONFIG_DIR } from '../../shared/config/deployment-source.ts';
import { createClassifier } from '../../shared/domain/classification/default-classifier.ts';
import { type RoutingRule, RoutingRuleSchema } from '../../shared/domain/classification/routing-rules.ts';
import { lexiconTerm } from '../../shared/domain/classification/rule-compiler.ts';

const base = { id: 'probe', reason: 'a probe rule', category: 'software' as const };
const issues = (rule: unknown) => {
  const parsed = RoutingRuleSchema.safeParse(rule);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('routing rule terms', () => {
  it('writes terms in the lexicon syntax: phrases, accents, short words whole', () => {
    expect(lexiconTerm('Acme Ledger')).toBe('acme_ledger');
    expect(lexiconTerm('Überweisung')).toBe('uberweisung');
    expect(lexiconTerm('e-mail')).toBe('e$_mail');
    expect(lexiconTerm('PC')).toBe('pc$');
    expect(lexiconTerm('app$')).toBe('app$');
  });

  it.each([['the'], ['in the'], ['de'], ['der die das'], ['a$'], ['x'], ['—']])(
    'refuses %j: it would match nearly every text',
    (term) => {
      expect(issues({ ...base, match: { any: [term] } }).join('\n')).toMatch(/^match\.any\.0: /);
    },
  );

  it('refuses a list of more than 100 terms and a rule without an effect', () => {
    const many = Array.from({ length: 101 }, (_, i) => `product${i}`);
    expect(issues({ ...base, match: { en: many } })).toContain('match.en: at most 100 terms a list');
    expect(issues({ id: 'probe', reason: 'no effect', match: { any: ['ledger'] } }).join()).toMatch(
      /at least one of category, kind, level, impact, urgency/,
    );
  });

  it('accepts product names, phrases and two-letter whole words', () => {
    expect(issues({ ...base, match: { any: ['Ledgerly Books', 'e-mail', 'PC', 'SAP'] } })).toEqual([]);
  });
});

describe('a rule meets the lexicon', () => {
  const deployment = readDeployment(DEFAULT_CONFIG_DIR);
  const withRules = (rules: RoutingRule[]) =>
    createClassifier({ ...deployment, source: `probe:${rules.length}` }, rules);
  const nameChange = {
    subject: 'Name change',
    description:
      'I got married and my surname changed. How do I change my name in Outlook and the directory?',
  };

  it('a rule that only raises urgency leaves the ticket desk its name change', () => {
    const before = createClassifier(deployment).classify(nameChange);
    expect(before.level).toBe(1);
    const after = withRules([
      { id: 'outlook-urgent', reason: 'mail is critical here', match: { any: ['outlook'] }, urgency: 'high' },
    ]).classify(nameChange);
    expect(after.level).toBe(1);
    expect(after.reasons.join('\n')).toMatch(
      /rule 'outlook-urgent': mail is critical here \(matched 'outlook'\)/,
    );
  });

  it('a hyphenated term fires on the text as customers write it', () => {
    const verdict = withRules([
      { id: 'mail-sync', reason: 'mail sync is the experts’', match: { en: ['e-mail sync'] }, level: 3 },
    ]).classify({
      subject: 'Sync',
      description: 'My e-mail sync stopped working on the phone since Monday.',
    });
    expect(verdict.reasons.join('\n')).toMatch(/rule 'mail-sync'/);
    expect(verdict.level).toBe(3);
  });
});
