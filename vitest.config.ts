import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Most tests wait on SQLite, LibreOffice or Chromium, not the CPU: two forks even on two cores (57 s → 35 s here).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
