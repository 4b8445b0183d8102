import { defineConfig } from 'vitest/config';

/**
 * Two projects (CONTRIBUTING.md "Tests"):
 * - unit: modules and tool handlers in process, against the loopback fake TIDAL. No build, no
 *   child processes, no keychain, no Node 22: seconds. `npm run test:unit`.
 * - e2e: the built server as a child process over stdio and HTTP, the real Secret Service, the
 *   bundle, the conformance suite and the Inspector CLI. Builds first (test/global-setup.ts).
 */
export default defineConfig({
  test: {
    // End-to-end suites spawn servers and bind loopback ports; two workers suit a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/bundle/**'],
          setupFiles: ['test/setup/spec-guard.ts'],
          testTimeout: 15_000,
          // Files share their worker's modules: imports once per worker, not once per file
          // (40 s -> 18 s on 2 cores). Tests keep their state in the app they create.
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'test/bundle/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/setup/spec-guard.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
