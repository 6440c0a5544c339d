import { defineConfig } from 'vitest/config';

// npm run test:process: the tests that need cxzy as a process of its own (bin/cxzy spawned): its worker threads,
// signals, pipes, a terminal, other users and other imports, the machine's own Node.
export default defineConfig({
  test: {
    globalSetup: ['test/tmp-root.ts'],
    include: ['test/process/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
