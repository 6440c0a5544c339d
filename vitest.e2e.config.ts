import { defineConfig } from 'vitest/config';

// npm run test:e2e: the tests that drive a client nobody here wrote (Chromium, LibreOffice).
export default defineConfig({
  test: {
    globalSetup: ['test/tmp-root.ts'],
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
