import pg from 'pg';
import type { TestProject } from 'vitest/node';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}

/**
 * Runs once for the server-postgres project: finds the PostgreSQL server the suite will
 * create its databases on. With ATTAIN_TEST_DATABASE_URL set (as CI does) an unreachable
 * server fails the run; without it the suite skips with one clear line.
 */
export default async function setup(project: TestProject): Promise<void> {
  const explicit = process.env.ATTAIN_TEST_DATABASE_URL;
  const url = explicit ?? DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresAdminUrl', url);
  } catch (error) {
    if (explicit) throw new Error(`ATTAIN_TEST_DATABASE_URL=${explicit} is not reachable: ${String(error)}`);
    console.warn(
      `PostgreSQL suite skipped: no server at ${DEFAULT_URL}; set ATTAIN_TEST_DATABASE_URL=postgres://… to run it.`,
    );
    project.provide('postgresAdminUrl', null);
  } finally {
    await client.end().catch(() => {});
  }
}
