import { defineConfig } from 'vitest/config';

// One runner for every workspace. Unit tests live beside their file (*.test.ts); cross-workspace
// tests (two real socket clients, the browser end-to-end test) live in test/.
export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: keep parallelism modest so timing-sensitive integration tests are not starved.
    maxWorkers: 2,
  },
});
