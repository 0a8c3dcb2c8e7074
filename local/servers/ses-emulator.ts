// aws-ses-v2-local: SES v1/v2 sending; sent mail at GET /store, a viewer at /.
import type { Server } from 'node:http';
import sesLocal from 'aws-ses-v2-local';

export type SesEmulator = { endpoint: string; port: number; stop(): Promise<void> };

export async function startSesEmulator(options: { port: number }): Promise<SesEmulator> {
  // A CommonJS module with `exports.default`: Node's ESM loader and Vite's runner wrap it
  // differently, so take whichever of the two is the function.
  const start = (typeof sesLocal === 'function' ? sesLocal : sesLocal.default) as typeof sesLocal.default;
  const server: Server = await start({ host: '127.0.0.1', port: options.port });
  // Express 5 hands a listen error to the callback that the emulator treats as success, so
  // a busy port would otherwise leave the viewer URL pointing at somebody else's server.
  if (!server.listening) {
    throw new Error(
      `the SES emulator could not listen on 127.0.0.1:${options.port} (port in use? set SES_PORT)`,
    );
  }
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
