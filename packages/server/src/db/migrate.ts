import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_initial.ts';
import * as m0002 from './migrations/0002_goal_workflow.ts';
import * as m0003 from './migrations/0003_revisions.ts';
import * as m0004 from './migrations/0004_plans_and_closes.ts';
import * as m0005 from './migrations/0005_database_instance.ts';
import * as m0006 from './migrations/0006_login_failures.ts';

/** Migrations are frozen once released: add a new file, never edit an old one. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_goal_workflow': m0002,
  '0003_revisions': m0003,
  '0004_plans_and_closes': m0004,
  '0005_database_instance': m0005,
  '0006_login_failures': m0006,
};

/** The newest migration: a store snapshot is only valid for the schema it was read from. */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) as string;

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
