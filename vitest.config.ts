import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One local system (DynamoDB Local, fauxqs, SES emulator, SMTP intake, API) for the run,
    // on free loopback ports; stopped when the run ends.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/local-endpoints.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: 'forks',
    env: { POWERTOOLS_LOG_LEVEL: 'ERROR' },
  },
});
