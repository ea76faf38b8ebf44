// Test runner settings: real servers and a real browser make some tests slow, so timeouts are generous.
// Two projects so the browser tests' global setup (two site builds) runs only when browser tests are selected.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // The summary reporter ends the log with a plain "N passed, N failed" line that any CI log reader understands.
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          // A test walks many pages in one browser; on a busy 2-core machine a page load can take seconds.
          testTimeout: 300_000,
          // One chromium at a time: CI has two cores and the pages are served from this process.
          fileParallelism: false,
        },
      },
    ],
  },
});
