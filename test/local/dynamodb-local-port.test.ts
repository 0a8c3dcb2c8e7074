// A port clash at start is the most common local failure: another server on DynamoDB's port
// must be reported, never mistaken for DynamoDB (it answers HTTP too), and a port tierdesk
// chose itself is simply chosen again.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortInUseError, startDynamoDbLocal } from '../../local/servers/dynamodb-local.ts';

let squatter: Server;
let taken: number;

beforeAll(async () => {
  // Answers like the SQS emulator did when it held DynamoDB's port in a CI run.
  squatter = createServer((_request, response) => {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end('{"__type":"InvalidAction","message":"Unknown action"}');
  });
  await new Promise<void>((resolve) => squatter.listen(0, resolve));
  taken = (squatter.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => squatter.close(() => resolve())));

describe('DynamoDB Local on a taken port', () => {
  it('reports a port the user set as in use, naming the setting', async () => {
    const error = await startDynamoDbLocal({ port: taken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toContain(`port ${taken}`);
    expect((error as Error).message).toContain('DYNAMODB_PORT');
  }, 60_000);

  it('moves to another port when the taken one was chosen for it', async () => {
    const dynamo = await startDynamoDbLocal({ port: taken, portChosenForUs: true });
    try {
      expect(dynamo.port).not.toBe(taken);
      const answer = await fetch(dynamo.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization:
            'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: '{}',
      });
      expect(await answer.json()).toEqual({ TableNames: [] });
    } finally {
      await dynamo.stop();
    }
  }, 60_000);
});
