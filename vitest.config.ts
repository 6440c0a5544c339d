import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Which Node runs the tests: the checkout's own (node_modules/.bin/node), whatever the machine's is.
console.log(`cxzy: tests on Node ${process.version}`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/dist/**', '**/node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
    // Most tests wait on SQLite, LibreOffice or Chromium, not the CPU: two forks even on two cores (57 s → 35 s here).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
