import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Which Node runs the tests: the checkout's own (node_modules/.bin/node), whatever the machine's is.
console.log(`cxzy: tests on Node ${process.version}`);

export default defineConfig({
  test: {
    globalSetup: ['test/tmp-root.ts'],
    include: ['test/**/*.test.ts'],
    // The executables (test:dist), the clients nobody here wrote (test:e2e) and bin/cxzy spawned (test:process) have suites of their own.
    exclude: ['test/dist/**', 'test/e2e/**', 'test/process/**', '**/node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
    // Each fork runs file after file rather than starting afresh for each (43 s → 25.5 s here). Tests share no
    // process-wide state: none mocks a module, writes process.env or changes the working folder; each has its own files.
    isolate: false,
    // Most tests wait on SQLite or a spawned process, not the CPU: two forks even on two cores (57 s → 35 s here).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
