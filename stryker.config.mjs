/**
 * Mutation testing of the money path (`npm run test:mutation`, not part of `npm test`).
 *
 * StrykerJS mutates the files below one change at a time and runs, for each mutant, the
 * Vitest tests that cover it (`coverageAnalysis: 'perTest'`); a mutant no test notices "survives".
 * Tests run with the repo's vitest.config.ts, whose globalSetup starts a throwaway PostgreSQL per
 * test runner. The run fails below 95% killed. Reports: reports/mutation/ (HTML) and the console.
 *
 * While working on one file: `npx stryker run stryker.config.mjs --mutate src/domain/money/money.ts`
 * (add `--testFiles a.test.ts,b.test.ts` to run only the tests you name).
 */
// When the ledger's property test is asked for (--testFiles), it runs shortened and replayable:
// every mutant sees the same 6 random runs.
process.env.FC_SEED ??= '20261201';
process.env.FC_NUM_RUNS ??= '6';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/domain/money/money.ts',
    'src/domain/money/parse-money.ts',
    'src/domain/ledger/post-entry.ts',
    'src/domain/applications/apply-to-invoices.ts',
    'src/domain/applications/allocate-oldest-first.ts',
    'src/domain/invoices/compute-invoice.ts',
    'src/domain/customers/balances.ts',
    'src/domain/reports/aging-report.ts',
  ],
  // The money path's own tests: the modules' unit tests and the integration tests written for
  // them. Each mutant runs only the tests that cover it (coverageAnalysis 'perTest'). Route tests
  // (test/ar/*-api.test.ts) and the ledger's random-sequence test run in `npm test`; here they
  // would triple the run's time (every mutant they cover reloads them) for no extra kill.
  testFiles: [
    'src/domain/{money,ledger,applications,invoices,customers,reports}/**/*.test.ts',
    'test/web/money-parse.test.ts',
    'test/ar/allocation-preview.test.ts',
    'test/ar/{journal,applications,balances,concurrency}.test.ts',
    'test/ar/aging*.test.ts',
  ],
  // What the sandbox copy leaves out: data, build output and artefacts the tests do not read.
  ignorePatterns: [
    '/data',
    '/.test-data',
    '/test-artifacts',
    '/coverage',
    '/reports',
    '/scratch',
    '/shots',
    '/web/dist',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants such as the aging report's SQL text) are evaluated once,
  // at import; the Vitest runner does not re-import between mutants, so they would "survive" even
  // when they break every query (a mutant that empties the SQL's bucket column did). Skipped.
  ignoreStatic: true,
  // The CI machine has two cores; every test runner also starts its own PostgreSQL.
  concurrency: 2,
  timeoutMS: 10_000,
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 95, low: 90, break: 95 },
  reporters: ['clear-text', 'html', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
