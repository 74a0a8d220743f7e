import { defineConfig } from 'vitest/config';

/**
 * `*.pg.test.ts` suites need a PostgreSQL server (races across connections, several server
 * processes); they run when TEST_DATABASE_URL is set, as in CI. Every other database suite runs on
 * PGlite and, with TEST_DATABASE_URL, on PostgreSQL as well.
 */
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', ...(withPostgres ? [] : ['**/*.pg.test.ts'])],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent', SHOPFLOOR_TRUST_PROXY: '1' },
  },
});
