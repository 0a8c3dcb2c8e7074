import { createServer } from 'node:net';

/** A port that is free on 127.0.0.1 right now (for servers that cannot take port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * `count` ports free on 127.0.0.1 right now, all different: every one is held open until all
 * are chosen. Choosing them one after another can hand out the same port twice.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => {
              const address = server.address();
              typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'));
            });
          }),
      ),
    );
  } finally {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
      ),
    );
  }
}

/** The given ports where set (> 0), distinct free ones for the rest. */
export async function portsOrFree(ports: ReadonlyArray<number | undefined>): Promise<number[]> {
  const free = await freePorts(ports.filter((port) => !(port && port > 0)).length);
  return ports.map((port) => (port && port > 0 ? port : (free.shift() as number)));
}
