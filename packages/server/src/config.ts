import { z } from 'zod';

/** Where the data lives: an embedded SQLite file, or a PostgreSQL server (contract §7). */
export const databaseConfigSchema = z.discriminatedUnion('dialect', [
  z.object({ dialect: z.literal('sqlite'), path: z.string().min(1) }),
  z.object({ dialect: z.literal('postgres'), url: z.string().min(1) }),
]);
export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

export const DEFAULT_SQLITE_PATH = './data/attain.db';

/** Global CLI options → database config. `--database-url` and `DATABASE_URL` win over `--db`. */
export function resolveDatabaseConfig(options: { db?: string; databaseUrl?: string }): DatabaseConfig {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  if (url) return Object.freeze({ dialect: 'postgres', url });
  return Object.freeze({ dialect: 'sqlite', path: options.db ?? DEFAULT_SQLITE_PATH });
}
