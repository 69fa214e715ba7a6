import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { DatabaseConfig } from '../src/config.ts';
import { type Db, openDatabase } from '../src/db/database.ts';

/** Which database this run of the server suite uses (vitest.config.ts sets it per project). */
export const testDialect = process.env.ATTAIN_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

const postgresAdminUrl = testDialect === 'postgres' ? inject('postgresAdminUrl') : null;

/** `describe` for suites that need a database: skipped when the PostgreSQL run has no server. */
export const describeDb: typeof describe =
  testDialect === 'postgres' && !postgresAdminUrl ? (describe.skip as typeof describe) : describe;

export interface TestDb extends Db {
  /** Drops everything the test created (the PostgreSQL database itself, or the SQLite file). */
  drop(): Promise<void>;
}

/** A fresh, migrated database of the run's dialect: in-memory SQLite or a new PostgreSQL database. */
export async function createTestDb(): Promise<TestDb> {
  if (testDialect === 'sqlite') {
    const db = await openDatabase({ dialect: 'sqlite', path: ':memory:' });
    return { ...db, drop: () => db.close() };
  }
  const adminUrl = postgresAdminUrl as string;
  const name = `attain_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ dialect: 'postgres', url: url.toString() });
  return {
    ...db,
    drop: async () => {
      await db.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * The `attain` database options of a fresh, empty database of the run's dialect (a temp SQLite
 * file or a new PostgreSQL database), for tests that start separate processes.
 */
export async function createTestDatabaseArgs(): Promise<{
  args: string[];
  config: DatabaseConfig;
  drop(): Promise<void>;
}> {
  if (testDialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-test-'));
    const file = path.join(dir, 'attain.db');
    return {
      args: ['--db', file],
      config: { dialect: 'sqlite', path: file },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = postgresAdminUrl as string;
  const name = `attain_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    args: ['--database-url', url.toString()],
    config: { dialect: 'postgres', url: url.toString() },
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Registers beforeAll/afterAll hooks that give the suite one fresh database. */
export function useTestDb(): { readonly db: TestDb } {
  const holder = {} as { db: TestDb };
  beforeAll(async () => {
    holder.db = await createTestDb();
  });
  afterAll(async () => {
    await holder.db?.drop();
  });
  return holder;
}
