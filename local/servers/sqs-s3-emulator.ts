// fauxqs: SQS and S3 on one local endpoint, persisted in SQLite under the data folder.

import { mkdirSync } from 'node:fs';
import net from 'node:net';
import { startFauxqs } from 'fauxqs';

export type SqsS3Emulator = { endpoint: string; port: number; stop(): Promise<void> };

export async function startSqsS3Emulator(options: {
  port: number;
  dataDir?: string;
}): Promise<SqsS3Emulator> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const server = await onLoopbackOnly(() =>
    startFauxqs({
      port: options.port,
      logger: false,
      host: '127.0.0.1',
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    }),
  );
  return { endpoint: `http://127.0.0.1:${server.port}`, port: server.port, stop: () => server.stop() };
}

/**
 * fauxqs 2.4 always listens on 0.0.0.0; a developer's emulator must not be reachable from the
 * network. While it starts, listen() calls for 0.0.0.0 are narrowed to 127.0.0.1.
 */
async function onLoopbackOnly<T>(start: () => Promise<T>): Promise<T> {
  const original = net.Server.prototype.listen;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    const [first] = args;
    if (first && typeof first === 'object' && (first as net.ListenOptions).host === '0.0.0.0') {
      args[0] = { ...(first as net.ListenOptions), host: '127.0.0.1' };
    }
    return original.apply(this, args as Parameters<typeof original>);
  } as typeof original;
  try {
    return await start();
  } finally {
    net.Server.prototype.listen = original;
  }
}
