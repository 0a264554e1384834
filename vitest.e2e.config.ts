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
    // A page under an axe audit on a busy 2-core machine can take seconds to answer a click:
    // polls wait up to 10 s for what a person would see, instead of vitest's default 1 s.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    hookTimeout: 180_000,
  },
});
