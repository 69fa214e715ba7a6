/**
 * The server's current fact store, kept fresh as data changes (tracking issue, item 2).
 *
 * Change feed: every write transaction takes a revision number and stamps it on the rows it
 * writes (revisions.repository.ts). Each server process polls the newest revision — one
 * indexed query — and applies only the rows newer than the revision it holds, so new data is
 * visible within a poll interval plus the time to read the changed rows, however large the
 * store. Several processes on one PostgreSQL each follow the same feed.
 *
 * Snapshot (issue 5, cold start): with a snapshot file, the store is written to it a few seconds
 * after it is built, then whenever enough revisions or time have passed, and when the process
 * stops; a start restores the file and catches up through the same change feed from the
 * revision it reflects, instead of reading every row (snapshot-file.ts).
 */
import type { FactStore } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadOrgDirectory } from '../access/org-directory.repository.ts';
import type { OrgDirectory } from '../access/org-directory.ts';
import {
  adoptDimensionSets,
  type DimensionSets,
  dimensionSetsOf,
  loadFactStore,
  readChangesSince,
} from './fact-store.loader.ts';
import { latestRevision } from './revisions.repository.ts';
import { readSnapshot, stampOf, writeSnapshot, writeSnapshotSync } from './snapshot-file.ts';

export const DEFAULT_POLL_MS = 200;

/** When the store is written to its snapshot file. */
export interface SnapshotPolicy {
  readonly file: string;
  /** The first write after a build from the database waits this long (the start comes first). */
  readonly firstAfterMs?: number;
  /** Later writes: when this many revisions were applied since the last one… */
  readonly everyRevisions?: number;
  /** …or when anything changed and this much time has passed. */
  readonly everyMs?: number;
  /** Where a line about each restore and write goes (the serve command's stderr). */
  readonly log?: (line: string) => void;
}

// Serialising blocks the event loop (about 5–10 s at 10M orders), so periodic writes are rare:
// the snapshot only bounds how much a restart after a crash reads from the change feed.
const SNAPSHOT_DEFAULTS = { firstAfterMs: 5_000, everyRevisions: 1_000, everyMs: 6 * 60 * 60_000 };

export class LiveFacts {
  private store: FactStore | null = null;
  private org: OrgDirectory | null = null;
  private revision = 0;
  private refreshing: Promise<FactStore> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly snapshot: (typeof SNAPSHOT_DEFAULTS & SnapshotPolicy) | null;
  /** The revision in the snapshot file (null: none written or read by this process yet). */
  private snapshotRevision: number | null = null;
  private snapshotAt = 0;
  private builtAt = 0;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    options: { snapshot?: SnapshotPolicy | null } = {},
  ) {
    this.snapshot = options.snapshot ? { ...SNAPSHOT_DEFAULTS, ...options.snapshot } : null;
  }

  /** The latest complete store (loads it on first use). */
  async current(): Promise<FactStore> {
    return this.store ?? this.refresh();
  }

  /**
   * The org directory (units, people, moves with names and roles) that the access policy reads,
   * rebuilt with the store whenever the change feed shows an org change.
   */
  async directory(): Promise<OrgDirectory> {
    if (!this.org) await this.refresh();
    return this.org as OrgDirectory;
  }

  /** The revision the store reflects. */
  get appliedRevision(): number {
    return this.revision;
  }

  /** Applies every committed change since the last refresh; returns the store. */
  async refresh(): Promise<FactStore> {
    if (!this.refreshing) {
      this.refreshing = this.catchUp().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async catchUp(): Promise<FactStore> {
    // Read the revision first: rows committed while loading are read again next time, and
    // applying a row twice is harmless (the store upserts by id).
    const latest = await latestRevision(this.db);
    if (!this.store && this.snapshot) await this.restore();
    if (!this.store) {
      const started = performance.now();
      const org = await loadOrgDirectory(this.db);
      const store = await loadFactStore(this.db, org.chart);
      this.store = store;
      this.org = org;
      this.revision = latest;
      this.builtAt = Date.now();
      this.log(`fact store built from the database in ${elapsed(started)}`);
      return store;
    }
    if (latest > this.revision) {
      // An org change reloads the directory once; the store takes the directory's chart.
      let org = this.org;
      const { apply } = await readChangesSince(this.db, this.store, this.revision, async () => {
        org = await loadOrgDirectory(this.db);
        return org.chart;
      });
      apply();
      this.org = org;
      this.revision = latest;
    }
    return this.store;
  }

  /** Takes the store from the snapshot file when it fits this database (else leaves it unset). */
  private async restore(): Promise<void> {
    const policy = this.snapshot as SnapshotPolicy;
    const started = performance.now();
    const result = await readSnapshot(policy.file, this.db);
    if (!result.restored) {
      this.log(`fact store snapshot ${policy.file} not used: ${result.why}`);
      return;
    }
    const { store, extra, revision } = result.restored;
    // What was read besides the arrays (the V8 stream) is garbage now. No forced collection: a
    // full one of a 10M-order store stops the process for ~1 s (before serving it slowed the
    // restart, after it the first dashboards); V8's own, incremental ones return it soon enough.
    adoptDimensionSets(store, extra as DimensionSets);
    this.org = await loadOrgDirectory(this.db);
    this.store = store;
    this.revision = revision;
    this.snapshotRevision = revision;
    this.snapshotAt = Date.now();
    this.log(`fact store restored from ${policy.file} (revision ${revision}) in ${elapsed(started)}`);
  }

  /** Writes the snapshot when it is due (see {@link SnapshotPolicy}); one write at a time. */
  async snapshotIfDue(now = Date.now()): Promise<void> {
    const policy = this.snapshot;
    if (!policy || !this.store || this.writing || this.snapshotRevision === this.revision) return;
    const due =
      this.snapshotRevision === null
        ? now - this.builtAt >= policy.firstAfterMs
        : this.revision - this.snapshotRevision >= policy.everyRevisions ||
          now - this.snapshotAt >= policy.everyMs;
    if (due) await this.writeSnapshot();
  }

  /** Writes the store to the snapshot file now (no-op without a snapshot policy). */
  writeSnapshot(): Promise<void> {
    const policy = this.snapshot;
    const store = this.store;
    if (!policy || !store) return Promise.resolve();
    if (this.writing) return this.writing;
    // The revision is taken first: the bytes may hold later changes too, which a restore
    // applies again from the feed (upserts by id, harmless), never fewer.
    const revision = this.revision;
    // A store restored before unit cubes existed, or changed since: write them built.
    store.prepareUnits();
    this.writing = (async () => {
      const started = performance.now();
      try {
        const stamp = await stampOf(this.db, revision);
        if (stamp === null) return;
        const extra = dimensionSetsOf(store) ?? null;
        const bytes = await writeSnapshot(policy.file, stamp, { store, extra, revision });
        this.snapshotRevision = revision;
        this.snapshotAt = Date.now();
        this.log(
          `fact store snapshot written (${(bytes / 2 ** 20).toFixed(0)} MiB, revision ${revision}) in ${elapsed(started)}`,
        );
      } catch (error) {
        this.log(
          `fact store snapshot not written: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        this.writing = null;
      }
    })();
    return this.writing;
  }

  private log(line: string): void {
    this.snapshot?.log?.(line);
  }

  /** Polls for changes (and writes snapshots when due) until {@link stop}. */
  start(intervalMs = DEFAULT_POLL_MS): void {
    if (this.timer) return;
    const tick = async () => {
      try {
        await this.refresh();
        await this.snapshotIfDue();
      } catch {
        // The database may be briefly unavailable (restart, lock); the next tick retries.
      }
      if (this.timer) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling; with a snapshot policy, first saves what changed since the last snapshot. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.writing;
    const policy = this.snapshot;
    if (!policy || !this.store || this.snapshotRevision === this.revision) return;
    try {
      const stamp = await stampOf(this.db, this.revision);
      if (stamp === null) return;
      const extra = dimensionSetsOf(this.store) ?? null;
      this.store.prepareUnits();
      writeSnapshotSync(policy.file, stamp, { store: this.store, extra, revision: this.revision });
      this.snapshotRevision = this.revision;
      this.log(`fact store snapshot written at stop (revision ${this.revision})`);
    } catch (error) {
      this.log(
        `fact store snapshot not written at stop: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

const elapsed = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
