// aws-ses-v2-local: SES v1/v2 sending; sent mail at GET /store, a viewer at /.
import type { Server } from 'node:http';
import sesLocal from 'aws-ses-v2-local';

export type SesEmulator = { endpoint: string; port: number; stop(): Promise<void> };

export async function startSesEmulator(options: { port: number }): Promise<SesEmulator> {
  // A CommonJS module whose default export is `exports.default`.
  const server: Server = await sesLocal.default({ host: '127.0.0.1', port: options.port });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
