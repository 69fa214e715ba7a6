import { defineConfig } from 'vitest/config';

// One run covers the engine and the server suite twice: on SQLite and on PostgreSQL
// (contract of the test tiers: docs/testing.md).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'engine', include: ['packages/engine/src/**/*.test.ts'] } },
      { test: { name: 'web', include: ['packages/web/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server-sqlite',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          env: { ATTAIN_TEST_DIALECT: 'sqlite' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: ['packages/server/src/**/*.test.ts', 'packages/server/test/**/*.test.ts'],
          env: { ATTAIN_TEST_DIALECT: 'postgres' },
          globalSetup: ['packages/server/test/pg-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
