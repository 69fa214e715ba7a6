import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// A random id given to each database when it is created, so that a cache kept outside it (the
// fact store's snapshot file, modules/tracking/snapshot-file.ts) can tell this database from
// another one at the same path or URL (recreated, restored from a backup). Frozen once released.

// biome-ignore lint/suspicious/noExplicitAny: migrations work on any schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('database_instance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('database_instance')
    .values({ id: randomUUID(), created_at: new Date().toISOString() })
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('database_instance').execute();
}
