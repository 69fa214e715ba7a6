/**
 * The bench's databases: SQLite files under the bench folder and PostgreSQL databases named
 * `attain_bench_*` on the given server, each created empty and migrated (the app's schema).
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';

export type BenchDialect = 'sqlite' | 'postgres';

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the server of `adminUrl`. */
export function pgUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, migrated database; `name` is a file stem (SQLite) or a database suffix (PostgreSQL). */
export async function freshDatabase(
  dialect: BenchDialect,
  name: string,
  place: { dir: string; postgresUrl: string | null },
): Promise<DatabaseConfig> {
  let config: DatabaseConfig;
  if (dialect === 'sqlite') {
    const file = path.join(place.dir, 'db', `${name}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    config = { dialect: 'sqlite', path: file };
  } else {
    if (!place.postgresUrl) throw new Error('PostgreSQL is not configured');
    const database = `attain_bench_${name.replaceAll('-', '_')}`;
    await dropPostgres(place.postgresUrl, database);
    await adminQuery(place.postgresUrl, `create database ${database}`);
    config = { dialect: 'postgres', url: pgUrlFor(place.postgresUrl, database) };
  }
  const db = await openDatabase(config);
  await db.close();
  return config;
}

export async function dropPostgres(adminUrl: string, database: string): Promise<void> {
  await adminQuery(adminUrl, `drop database if exists ${database} with (force)`);
}

/** Removes a database made by {@link freshDatabase}. */
export async function dropDatabase(config: DatabaseConfig, adminUrl: string | null): Promise<void> {
  if (config.dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${config.path}${suffix}`, { force: true });
  } else if (adminUrl) {
    await dropPostgres(adminUrl, new URL(config.url).pathname.slice(1));
  }
}

/** `attain` CLI arguments that select this database. */
export const databaseArgs = (config: DatabaseConfig): string[] =>
  config.dialect === 'sqlite' ? ['--db', config.path] : ['--database-url', config.url];
