import type { Kysely } from 'kysely';

// Failed sign-ins, kept in the database so that every server process on it counts the same
// failures (modules/auth/login-limiter.ts). Frozen once released.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();
  await db.schema.createIndex('login_failures_at').on('login_failures').column('at').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('login_failures').execute();
}
