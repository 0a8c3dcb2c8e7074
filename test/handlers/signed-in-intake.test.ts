// A deployment can take cases only from signed-in callers (INTAKE_ACCESS=signed-in, CDK context
// tierdesk:intakeAccess): the createCase function, loaded with that setting as Lambda would be,
// refuses an anonymous or forged caller with a JSON 401 and records who opened the case.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.ts';
import { DynamoDbCaseStore } from '../../shared/adapters/dynamodb/dynamodb-case-store.ts';
import { local, newCaseBody } from '../support/http.ts';
import { lambdaTestContext } from '../support/lambda.ts';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
let handler: Handler;
const context = lambdaTestContext('createCase');

const post = (headers: Record<string, string>): APIGatewayProxyEventV2 => ({
  version: '2.0',
  routeKey: 'POST /cases',
  rawPath: '/cases',
  rawQueryString: '',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(newCaseBody()),
  isBase64Encoded: false,
  requestContext: {
    accountId: '000000000000',
    apiId: 'local',
    domainName: '127.0.0.1',
    domainPrefix: '127',
    http: { method: 'POST', path: '/cases', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    requestId: 'r',
    routeKey: 'POST /cases',
    stage: '$default',
    time: '',
    timeEpoch: 0,
  },
});

beforeAll(async () => {
  process.env.INTAKE_ACCESS = 'signed-in';
  ({ handler } = (await import('../../functions/create-case/handler.ts')) as unknown as { handler: Handler });
});

describe('a desk that takes cases only from signed-in callers', () => {
  it.each([
    ['no credential', {}],
    ['a case token', { authorization: 'Bearer tdc_abc' }],
    ['an expired token', { authorization: `Bearer ${local().flawedTokens.expired}` }],
  ])('refuses %s with a JSON 401 and opens nothing', async (_what, headers) => {
    const answer = await handler(post(headers), context);
    expect(answer.statusCode).toBe(401);
    expect(JSON.parse(answer.body ?? '{}')).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('opens the case of a signed-in caller (no agent role needed) and records who it was', async () => {
    const answer = await handler(
      post({ authorization: `Bearer ${local().agentTokens.levelsOnly}` }),
      context,
    );
    expect(answer.statusCode).toBe(201);
    const { id } = JSON.parse(answer.body ?? '{}') as { id: string };
    const stored = await new DynamoDbCaseStore(dynamoDocumentClient(), process.env.TABLE_NAME as string).get(
      id,
    );
    expect(stored?.source).toEqual({ ip: '127.0.0.1', signedInAs: 'no-role' });
  });
});
