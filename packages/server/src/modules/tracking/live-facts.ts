/**
 * The server's current fact store, kept fresh as data changes (tracking issue, item 2).
 *
 * Change feed: every write transaction takes a revision number and stamps it on the rows it
 * writes (revisions.repository.ts). Each server process polls the newest revision — one
 * indexed query — and applies only the rows newer than the revision it holds, so new data is
 * visible within a poll interval plus the time to read the changed rows, however large the
 * store. Several processes on one PostgreSQL each follow the same feed.
 */
import type { FactStore } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadOrgDirectory } from '../access/org-directory.repository.ts';
import type { OrgDirectory } from '../access/org-directory.ts';
import { loadFactStore, readChangesSince } from './fact-store.loader.ts';
import { latestRevision } from './revisions.repository.ts';

export const DEFAULT_POLL_MS = 200;

export class LiveFacts {
  private store: FactStore | null = null;
  private org: OrgDirectory | null = null;
  private revision = 0;
  private refreshing: Promise<FactStore> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Kysely<Database>) {}

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
    if (!this.store) {
      const org = await loadOrgDirectory(this.db);
      const store = await loadFactStore(this.db, org.chart);
      this.store = store;
      this.org = org;
      this.revision = latest;
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

  /** Polls for changes until {@link stop}. */
  start(intervalMs = DEFAULT_POLL_MS): void {
    if (this.timer) return;
    const tick = async () => {
      try {
        await this.refresh();
      } catch {
        // The database may be briefly unavailable (restart, lock); the next tick retries.
      }
      if (this.timer) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
