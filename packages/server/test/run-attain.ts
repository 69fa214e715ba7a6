import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { DatabaseConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { createTestDatabaseArgs } from './db.ts';
import { insertSmallCompany } from './fixtures/small-company.ts';

export interface AttainRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The `attain` command line in this process, its output captured (fast; no child process). */
export async function runAttain(args: readonly string[]): Promise<AttainRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'attain', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export interface CliDatabase {
  /** `--db FILE` or `--database-url URL` of the suite's database. */
  readonly args: readonly string[];
  /** The same database, for opening it in the test. */
  readonly config: DatabaseConfig;
  /** A scratch folder for the suite's files. */
  readonly dir: string;
}

/**
 * A fresh database holding the small company and a scratch folder, for a suite that runs the
 * command line; both go when the suite ends.
 */
export function useSmallCompanyCli(prefix: string): CliDatabase {
  let database: Awaited<ReturnType<typeof createTestDatabaseArgs>> | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    database = await createTestDatabaseArgs();
    const opened = await openDatabase(database.config);
    await insertSmallCompany(opened.kysely);
    await opened.close();
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    // pg's Pool.end() resolves before its sockets finish closing; the forced DROP DATABASE would
    // then kill a closing connection of the in-process runs (an unhandled 57P01). Let them close.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database?.drop();
  });
  return {
    get args() {
      return database?.args ?? [];
    },
    get config() {
      if (!database) throw new Error('the suite has not started');
      return database.config;
    },
    get dir() {
      return dir;
    },
  };
}
