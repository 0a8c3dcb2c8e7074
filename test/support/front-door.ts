// HTTP to a local system's front doors from a chosen loopback address. The local gateway takes
// the socket's remote address as the request's sourceIp, so binding the client to 127.0.0.x
// makes each call come from a client of its own. Used by tests that start a system of their
// own (the helpers in http.ts talk to the global one through inject('local')).
import { request } from 'node:http';
import type { SentEmail } from './http.ts';

export type Answer = {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads arbitrary JSON answers
  json: any;
};

export function callFrom(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; localAddress?: string } = {},
): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      {
        method,
        headers,
        // A fresh connection per call: a pooled one would keep its first local address.
        agent: false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Every mail the SES emulator at `ses` holds, oldest first. */
export async function sesStore(ses: string): Promise<SentEmail[]> {
  const response = await fetch(`${ses}/store`);
  return ((await response.json()) as { emails: SentEmail[] }).emails;
}

/** Runs `work` over `items`, at most `limit` at a time, answers in the items' order. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += limit)
    results.push(...(await Promise.all(items.slice(start, start + limit).map(work))));
  return results;
}
