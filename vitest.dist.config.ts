import { defineConfig } from 'vitest/config';

// npm run test:dist: the executables of npm run dist, on Linux and under Wine.
export default defineConfig({
  test: {
    globalSetup: ['test/tmp-root.ts'],
    include: ['test/dist/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
