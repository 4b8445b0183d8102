import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // End-to-end suites spawn servers and bind loopback ports; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});
