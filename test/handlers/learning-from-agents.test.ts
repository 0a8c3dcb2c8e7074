// Learning from agents, through the local API and the real table: the correction report
// (GET /reports/corrections) from reclassifications, and routing rules a lead learns from them
// (POST/GET/DELETE /routing-rules) that the classify function applies to the next new case.
import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { DynamoDbRoutingRules } from '../../shared/adapters/dynamodb/dynamodb-routing-rules.ts';
import { activeDeployment } from '../../shared/config/deployment.ts';
import type { CaseEvent } from '../../shared/domain/case-history.ts';
import { createClassifier } from '../../shared/domain/classification/default-classifier.ts';
import {
  type RoutingRule,
  RoutingRulesFileSchema,
} from '../../shared/domain/classification/routing-rules.ts';
import { RoutingRuleConflictError } from '../../shared/domain/errors.ts';
import { LearnedRulesClassifier } from '../../shared/use-cases/learned-classifier.ts';
import { createRoutingRule, deleteRoutingRule } from '../../shared/use-cases/routing-rules.ts';
import { draftCase } from '../support/cases.ts';
import { call, eventually, local } from '../support/http.ts';
import { lambdaTestContext, sqsEvent } from '../support/lambda.ts';

const TABLE = process.env.TABLE_NAME as string;
const store = new DynamoDbCaseStore(dynamoDocumentClient(), TABLE);
const learnedRules = new DynamoDbRoutingRules(dynamoDocumentClient(), TABLE);
const lead = () => local().agentTokens.admin;

// ---------------------------------------------------------------------------------------------
// The report's figures, from reclassified events written straight into the table for days far
// in the future (no other test corrects anything there).

function correction(
  n: number,
  caseId: string,
  at: string,
  language: string,
  matched: Array<{ rule: string; words: string[] }> | undefined,
  from: Record<string, unknown>,
  to: Record<string, unknown>,
): CaseEvent {
  return {
    id: `correction-report-${n}`,
    caseId,
    type: 'reclassified',
    at,
    actor: { kind: 'agent', id: 'agent-l1' },
    visibility: 'internal',
    data: {
      reason: 'test',
      from,
      to,
      fromStatus: 'open',
      toStatus: 'open',
      language,
      reference: `TD-CR${n}`,
      ...(matched ? { matched } : {}),
    },
  };
}

const L2P4 = { category: 'software', impact: 'low', urgency: 'medium', level: 2, priority: 'P4' };
const L3P4 = { ...L2P4, level: 3 };
const L3P2 = { ...L2P4, level: 3, impact: 'high', urgency: 'high', priority: 'P1' };
const CRASH = { rule: 'crash', words: ['stürzt ab'] };

const SEEDED: CaseEvent[] = [
  correction(1, 'CORRREPORT0000000000000001', '2092-01-01T09:00:00.000Z', 'de', [CRASH], L2P4, L3P4),
  correction(
    2,
    'CORRREPORT0000000000000002',
    '2092-01-01T10:00:00.000Z',
    'de',
    [CRASH, { rule: 'rule:ledger', words: ['ledger'] }],
    L2P4,
    L3P4,
  ),
  correction(
    3,
    'CORRREPORT0000000000000003',
    '2092-01-02T09:00:00.000Z',
    'de',
    [{ rule: 'crash', words: ['absturz'] }],
    L2P4,
    L3P2,
  ),
  correction(4, 'CORRREPORT0000000000000004', '2092-01-02T11:00:00.000Z', 'en', undefined, L3P4, L2P4),
];

describe('the correction report over HTTP', () => {
  beforeAll(async () => {
    for (const event of SEEDED) await store.appendEvents([event], { caseId: event.caseId });
  });

  it('counts per language the signals and rules whose verdicts were corrected, with words and changes', async () => {
    const answer = await call('GET', '/reports/corrections?from=2092-01-01&to=2092-01-02', { token: lead() });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toEqual({
      from: '2092-01-01',
      to: '2092-01-02',
      corrections: 4,
      languages: [
        {
          language: 'de',
          corrections: 3,
          rules: [
            {
              rule: 'crash',
              corrections: 3,
              words: ['stürzt ab', 'absturz'],
              changes: [
                { field: 'level', from: '2', to: '3', count: 3 },
                { field: 'priority', from: 'P4', to: 'P1', count: 1 },
                { field: 'impact', from: 'low', to: 'high', count: 1 },
                { field: 'urgency', from: 'medium', to: 'high', count: 1 },
              ],
              cases: ['TD-CR1', 'TD-CR2', 'TD-CR3'],
            },
            {
              rule: 'rule:ledger',
              corrections: 1,
              words: ['ledger'],
              changes: [{ field: 'level', from: '2', to: '3', count: 1 }],
              cases: ['TD-CR2'],
            },
          ],
        },
        {
          language: 'en',
          corrections: 1,
          rules: [
            {
              rule: '(none)',
              corrections: 1,
              words: [],
              changes: [{ field: 'level', from: '3', to: '2', count: 1 }],
              cases: ['TD-CR4'],
            },
          ],
        },
      ],
    });
  });

  it('answers the same rows as CSV', async () => {
    const answer = await call('GET', '/reports/corrections?from=2092-01-01&to=2092-01-01&format=csv', {
      token: lead(),
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(answer.text.split('\r\n')).toEqual([
      'language,rule,corrections,words,changes,cases',
      'de,crash,2,stürzt ab,level 2→3 (2),TD-CR1 TD-CR2',
      'de,rule:ledger,1,ledger,level 2→3 (1),TD-CR2',
      '',
    ]);
  });

  it('is for leads and admins: an agent is refused (403), a caller without a token 401', async () => {
    const answer = await call('GET', '/reports/corrections?from=2092-01-01&to=2092-01-02', {
      token: local().agentTokens.level1,
    });
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('forbidden');
    expect((await call('GET', '/reports/corrections?from=2092-01-01&to=2092-01-02')).status).toBe(401);
  });

  it('refuses a malformed period (400, JSON)', async () => {
    const answer = await call('GET', '/reports/corrections?from=2092-01-02&to=2092-01-01', { token: lead() });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: 'validation_failed', field: 'from' });
  });
});

// ---------------------------------------------------------------------------------------------
// From a correction to a rule, and the rule to the next case.

type Handler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

// A made-up product name no other test writes, so the learned rule touches no other case.
const PRODUCT = `Zorblax${randomUUID().slice(0, 6)}`;
const RULE: RoutingRule = {
  id: `zorblax-${randomUUID().slice(0, 8)}`,
  reason: 'Zorblax runs on the integration platform the experts look after',
  match: { any: [PRODUCT] },
  category: 'service',
  level: 3,
};
const problem = {
  subject: `${PRODUCT} shows an error`,
  description: `Since this morning ${PRODUCT} shows an error when I open it.`,
};

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('routing rules learned from corrections', () => {
  it('are for leads and admins: an agent is refused (403)', async () => {
    const { level1 } = local().agentTokens;
    expect((await call('POST', '/routing-rules', { body: RULE, token: level1 })).status).toBe(403);
    expect((await call('GET', '/routing-rules', { token: level1 })).status).toBe(403);
    expect((await call('DELETE', `/routing-rules/${RULE.id}`, { token: level1 })).status).toBe(403);
  });

  it.each([
    ['an id with capitals', { ...RULE, id: 'Bad Id' }, 'id'],
    ['no terms', { ...RULE, match: {} }, 'match'],
    ['nothing it decides', { id: RULE.id, reason: RULE.reason, match: RULE.match }, '(body)'],
    ['a level the rules may not set', { ...RULE, level: 4 }, 'level'],
    ['an unknown field', { ...RULE, priority: 'P1' }, '(body)'],
    ['a fromCase that is no case id', { ...RULE, fromCase: 'nope' }, 'fromCase'],
  ])('refuses a rule with %s (400 naming the field)', async (_what, body, field) => {
    const answer = await call('POST', '/routing-rules', { body, token: lead() });
    expect(answer.status, answer.text).toBe(400);
    expect(answer.json.error.code).toBe('validation_failed');
    expect(answer.json.error.field).toBe(field);
  });

  it('is created from a case, conflicts on its id, is listed, classifies the next case, and is retired', async () => {
    // A case classified before the rule existed: the classifier's evidence has no rule of it.
    const before = draftCase({ ...problem, name: 'Ada' });
    await store.create(before);

    // The lead learns the rule from that case.
    const created = await call('POST', '/routing-rules', {
      body: { ...RULE, fromCase: before.id },
      token: lead(),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ rule: RULE, fromCase: before.id, createdBy: expect.any(String) });
    expect(created.headers.get('location')).toBe(`/routing-rules/${RULE.id}`);

    // The same POST again (a retry whose answer was lost) answers as the first did; another
    // rule under its id is a 409; a case that does not exist is refused (400).
    const retried = await call('POST', '/routing-rules', {
      body: { ...RULE, fromCase: before.id },
      token: lead(),
    });
    expect(retried.status, retried.text).toBe(201);
    expect(retried.json).toEqual(created.json);
    const again = await call('POST', '/routing-rules', { body: { ...RULE, urgency: 'high' }, token: lead() });
    expect(again.status, again.text).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'routing_rule_conflict', field: 'id' });
    const ghost = await call('POST', '/routing-rules', {
      body: { ...RULE, id: `${RULE.id}-x`, fromCase: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      token: lead(),
    });
    expect(ghost.status, ghost.text).toBe(400);
    expect(ghost.json.error.field).toBe('fromCase');

    // Listed in routing-rules.json's own format, ready to paste into the configuration folder.
    const listed = await call('GET', '/routing-rules', { token: lead() });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json.configured).toEqual({ rules: activeDeployment().routingRules });
    expect(RoutingRulesFileSchema.parse(listed.json.learned).rules).toContainEqual(RULE);
    expect(listed.json.learned.rules).toContainEqual(RULE);
    expect(listed.json.provenance).toContainEqual(
      expect.objectContaining({ id: RULE.id, fromCase: before.id }),
    );

    // The next new case through the classify function (as Lambda invokes it) follows the rule.
    const next = draftCase({ ...problem, name: 'Bo' });
    await store.create(next);
    const { handler } = (await import('../../functions/classify/handler.ts')) as unknown as {
      handler: Handler;
    };
    expect(
      await handler(sqsEvent([JSON.stringify({ caseId: next.id })]), lambdaTestContext('classify')),
    ).toEqual({
      batchItemFailures: [],
    });
    const classified = await store.get(next.id);
    expect(classified?.classification).toMatchObject({ level: 3, category: 'service' });
    expect(classified?.classification?.matched).toContainEqual({
      rule: `rule:${RULE.id}`,
      words: [PRODUCT.toLowerCase()],
    });
    expect(classified?.classification?.reasons.join('\n')).toContain(`rule '${RULE.id}'`);

    // An agent corrects that verdict: the correction report names the rule and its word.
    await eventually(
      async () => {
        const c = await store.get(next.id);
        return c?.acknowledgement?.state === 'sent' && c.queuedLevel === 3 ? true : undefined;
      },
      20_000,
      'the level 3 worker took the case',
    );
    const corrected = await eventually(
      async () => {
        const answer = await call('PUT', `/cases/${next.id}/classification`, {
          body: { level: 2, reason: `${PRODUCT} errors are for a technician` },
          token: lead(),
        });
        return answer.status === 409 ? undefined : answer;
      },
      20_000,
      'the correction',
    );
    expect(corrected.status, corrected.text).toBe(200);
    const report = await call('GET', `/reports/corrections?from=${day(-1)}&to=${day(1)}`, { token: lead() });
    expect(report.status, report.text).toBe(200);
    const english = report.json.languages.find((l: { language: string }) => l.language === 'en');
    expect(english.rules).toContainEqual({
      rule: `rule:${RULE.id}`,
      corrections: 1,
      words: [PRODUCT.toLowerCase()],
      changes: expect.arrayContaining([{ field: 'level', from: '3', to: '2', count: 1 }]),
      cases: [next.reference],
    });

    // Retired: gone from the list, a second retirement finds nothing (404).
    const retired = await call('DELETE', `/routing-rules/${RULE.id}`, { token: lead() });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.json.retired).toMatchObject({ rule: RULE, fromCase: before.id });
    const after = await call('GET', '/routing-rules', { token: lead() });
    expect(after.json.learned.rules).not.toContainEqual(RULE);
    const twice = await call('DELETE', `/routing-rules/${RULE.id}`, { token: lead() });
    expect(twice.status).toBe(404);
    expect(twice.json.error.code).toBe('routing_rule_not_found');
  }, 60_000);

  it('take effect within a minute of a warm function, and stop within a minute of their retirement', async () => {
    const rule = { ...RULE, id: `${RULE.id}-warm` };
    let now = Date.now();
    const source = new LearnedRulesClassifier({
      rules: learnedRules,
      deployment: activeDeployment(),
      base: createClassifier(),
      clock: () => new Date(now),
    });
    const ruleFired = async () =>
      (await source.current()).classify(problem).matched.some((m) => m.rule === `rule:${rule.id}`);
    expect(await ruleFired()).toBe(false);
    // Without the rule, the built-in lexicon sees a software fault for a technician.
    expect((await source.current()).classify(problem)).toMatchObject({ level: 2, category: 'software' });

    expect((await call('POST', '/routing-rules', { body: rule, token: lead() })).status).toBe(201);
    // Read less than a minute ago: the function still classifies with what it read.
    now += 30_000;
    expect(await ruleFired()).toBe(false);
    now += 31_000;
    expect(await ruleFired()).toBe(true);
    expect((await source.current()).classify(problem)).toMatchObject({ level: 3, category: 'service' });

    expect((await call('DELETE', `/routing-rules/${rule.id}`, { token: lead() })).status).toBe(200);
    now += 61_000;
    expect(await ruleFired()).toBe(false);
  });

  it('keeps classifying with the rules last read when the table cannot be read', async () => {
    let now = Date.now();
    let failing = false;
    const flaky = {
      listLearned: async () => {
        if (failing) throw new Error('ProvisionedThroughputExceededException');
        return learnedRules.listLearned();
      },
    };
    const errors: unknown[] = [];
    const source = new LearnedRulesClassifier({
      rules: flaky,
      deployment: activeDeployment(),
      base: createClassifier(),
      clock: () => new Date(now),
      onReadError: (error) => errors.push(error),
    });
    const first = await source.current();
    failing = true;
    now += 61_000;
    expect(await source.current()).toBe(first);
    expect(errors).toHaveLength(1);
    // Not read again at once: the next try comes after the next interval.
    now += 1_000;
    await source.current();
    expect(errors).toHaveLength(1);
  });

  it('retires a learned rule whose id a later deploy configured', async () => {
    const rule = { ...RULE, id: `${RULE.id}-later` };
    const deps = {
      rules: learnedRules,
      cases: store,
      configured: [] as RoutingRule[],
      clock: () => new Date(),
    };
    await createRoutingRule(deps, { rule }, 'lead');
    const afterDeploy = { ...deps, configured: [rule] };
    expect((await deleteRoutingRule(afterDeploy, rule.id)).rule.id).toBe(rule.id);
    await expect(deleteRoutingRule(afterDeploy, rule.id)).rejects.toBeInstanceOf(RoutingRuleConflictError);
  });

  it('may not override a configured rule (409), through the use case with the real table', async () => {
    const configured = { ...RULE, id: `${RULE.id}-configured` };
    const deps = { rules: learnedRules, cases: store, configured: [configured], clock: () => new Date() };
    await expect(createRoutingRule(deps, { rule: configured }, 'lead')).rejects.toBeInstanceOf(
      RoutingRuleConflictError,
    );
    expect((await learnedRules.listLearned()).map((l) => l.rule.id)).not.toContain(configured.id);
  });
});
