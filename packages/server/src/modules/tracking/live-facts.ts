/**
 * The server's current fact store, kept fresh as data changes.
 *
 * Change feed: every write appends exactly one audit_log row in its own transaction (imports:
 * one per import), so `(count, max seq)` of audit_log is a data version that every server
 * process sharing one database can poll cheaply. The count matters on PostgreSQL, where a
 * transaction holding a lower seq can commit after one holding a higher seq: max alone would
 * miss it, the count does not (the log is append-only).
 *
 * On a new version the store is rebuilt from the database in the background and swapped in
 * whole, so a reader never sees a half-loaded store.
 */
import type { FactStore } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadFactStore } from './fact-store.loader.ts';

export const DEFAULT_POLL_MS = 250;

async function dataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('seq').as('last')])
    .executeTakeFirstOrThrow();
  return `${Number(row.n)}:${Number(row.last ?? 0)}`;
}

export class LiveFacts {
  private store: FactStore | null = null;
  private version: string | null = null;
  private loading: Promise<FactStore> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /** The latest complete store (loads it on first use). */
  async current(): Promise<FactStore> {
    if (this.store) return this.store;
    return this.refresh();
  }

  /** Rebuilds the store if the data changed since the last build; returns the current store. */
  async refresh(): Promise<FactStore> {
    if (this.loading) return this.loading;
    this.loading = (async () => {
      try {
        const version = await dataVersion(this.db);
        if (this.store && version === this.version) return this.store;
        const store = await loadFactStore(this.db);
        this.store = store;
        this.version = version;
        return store;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
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
