/**
 * The fact store's snapshot file beside the database (issue 5, cold start; docs/performance.md):
 * a one-line JSON header, then the store's bytes (store-snapshot.ts). The header ties the bytes
 * to one database and one point of its change feed: the revision the store reflects, and that
 * revision's row (time, actor, entity) — a database replaced or restored from a backup does not
 * have the same row under that number, so its snapshot is ignored. A snapshot is a cache: any
 * doubt (missing, another schema, another V8, a store of another shape) means "rebuild from the
 * database", never an error.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FactStore } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { DatabaseConfig } from '../../config.ts';
import { LATEST_MIGRATION } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { latestRevision } from './revisions.repository.ts';
import { fileSource, IO_CHUNK } from './snapshot-body.ts';
import { deserializeStore, serializeStore } from './store-snapshot.ts';

// 3: typed arrays out of line, each read into its own buffer (snapshot-body.ts).
const FORMAT = 'attain-fact-store/3';
const MAX_HEADER = 4096;

interface Header {
  readonly format: string;
  readonly v8: string;
  readonly migration: string;
  readonly revision: number;
  readonly revisionStamp: string;
  readonly bytes: number;
  readonly writtenAt: string;
}

/** A store, what is kept beside it (`extra`), and the revision of the change feed it reflects. */
export interface Snapshot {
  readonly store: FactStore;
  readonly extra: unknown;
  readonly revision: number;
}

/**
 * Where `attain serve` keeps the snapshot of a database: beside a SQLite file
 * (`data/attain.db` → `data/attain.db.facts`), under `./data/` for a PostgreSQL URL (named by a
 * hash of the URL without its password); none for an in-memory database.
 */
export function defaultSnapshotPath(config: DatabaseConfig): string | null {
  if (config.dialect === 'sqlite') return config.path === ':memory:' ? null : `${config.path}.facts`;
  const url = new URL(config.url);
  url.password = '';
  const name = createHash('sha256').update(url.toString()).digest('hex').slice(0, 16);
  return path.join('data', `postgres-${name}.facts`);
}

/**
 * Identifies this database at revision `id`: its instance id (0005_database_instance) and that
 * revision's row (time, actor, entity); null when the revision is not in the database.
 */
export async function stampOf(db: Kysely<Database>, id: number): Promise<string | null> {
  const instance = await db.selectFrom('database_instance').select('id').executeTakeFirst();
  if (id === 0) return `${instance?.id ?? ''}|0`;
  const row = await db
    .selectFrom('revisions')
    .select(['at', 'actor', 'entity'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? `${instance?.id ?? ''}|${id}|${row.at}|${row.actor}|${row.entity}` : null;
}

/** The header line and the bytes of a snapshot (serialised synchronously: nothing interleaves). */
function encode(stamp: string, snapshot: Snapshot): { head: string; bytes: Buffer } {
  const bytes = serializeStore(snapshot.store, snapshot.extra);
  const header: Header = {
    format: FORMAT,
    v8: process.versions.v8,
    migration: LATEST_MIGRATION,
    revision: snapshot.revision,
    revisionStamp: stamp,
    bytes: bytes.length,
    writtenAt: new Date().toISOString(),
  };
  return { head: `${JSON.stringify(header)}\n`, bytes };
}

/** Files left aside by writers that died mid-write (`<file>.<pid>.tmp` of a process gone). */
function removeStaleAsides(file: string): void {
  const base = path.basename(file);
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    const match = name.startsWith(`${base}.`) ? /^\.(\d+)\.tmp$/.exec(name.slice(base.length)) : null;
    if (!match || Number(match[1]) === process.pid || alive(Number(match[1]))) continue;
    fs.rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Writes the store as it is now and the revision it reflects, under the stamp of that revision
 * ({@link stampOf}, read before); the file appears whole or not at all (written aside, renamed).
 * Returns the bytes written.
 */
export async function writeSnapshot(file: string, stamp: string, snapshot: Snapshot): Promise<number> {
  const { head, bytes } = encode(stamp, snapshot);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  removeStaleAsides(file);
  const aside = `${file}.${process.pid}.tmp`;
  const handle = await fs.promises.open(aside, 'w');
  try {
    await handle.write(head);
    for (let offset = 0; offset < bytes.length; offset += IO_CHUNK)
      await handle.write(bytes, offset, Math.min(IO_CHUNK, bytes.length - offset));
  } finally {
    await handle.close();
  }
  await fs.promises.rename(aside, file);
  return bytes.length;
}

/** The same, blocking: for the last snapshot while the process stops. */
export function writeSnapshotSync(file: string, stamp: string, snapshot: Snapshot): number {
  const { head, bytes } = encode(stamp, snapshot);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeStaleAsides(file);
  const aside = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(aside, 'w');
  try {
    fs.writeSync(fd, head);
    for (let offset = 0; offset < bytes.length; offset += IO_CHUNK)
      fs.writeSync(fd, bytes, offset, Math.min(IO_CHUNK, bytes.length - offset));
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(aside, file);
  return bytes.length;
}

/**
 * The snapshot in `file` if it belongs to this database and schema and fits this store;
 * otherwise null and why (absent, stale, foreign, unreadable).
 */
export async function readSnapshot(
  file: string,
  db: Kysely<Database>,
): Promise<{ restored: Snapshot } | { restored: null; why: string }> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return { restored: null, why: 'no snapshot' };
  }
  try {
    const head = Buffer.alloc(MAX_HEADER);
    const headLength = fs.readSync(fd, head, 0, MAX_HEADER, 0);
    const newline = head.subarray(0, headLength).indexOf(10);
    if (newline < 0) return { restored: null, why: 'not a snapshot file' };
    const header = JSON.parse(head.subarray(0, newline).toString('utf8')) as Header;
    if (header.format !== FORMAT) return { restored: null, why: `format ${header.format}` };
    if (header.v8 !== process.versions.v8) return { restored: null, why: `written by V8 ${header.v8}` };
    if (header.migration !== LATEST_MIGRATION)
      return { restored: null, why: `written for schema ${header.migration}` };
    const latest = await latestRevision(db);
    if (latest < header.revision)
      return { restored: null, why: `revision ${header.revision} is newer than the database's ${latest}` };
    if ((await stampOf(db, header.revision)) !== header.revisionStamp)
      return { restored: null, why: `revision ${header.revision} differs in this database` };
    if (fs.fstatSync(fd).size < newline + 1 + header.bytes)
      return { restored: null, why: 'the file is truncated' };
    const { store, extra } = deserializeStore(fileSource(fd, newline + 1, header.bytes));
    return { restored: { store, extra, revision: header.revision } };
  } catch (error) {
    return { restored: null, why: error instanceof Error ? error.message : String(error) };
  } finally {
    fs.closeSync(fd);
  }
}
