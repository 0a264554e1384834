import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: Saldo runs as `saldo start` on its own embedded database with the demo, and
 * Debian's chromium (playwright-core) walks it as a person would. Screenshots: test-artifacts/e2e.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/saldo-server.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
