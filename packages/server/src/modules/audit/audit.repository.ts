import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  readonly action: string;
  readonly entity: string;
  readonly entityId?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly detail?: unknown;
}

const json = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/**
 * Appends one audit entry inside the caller's transaction, so the entry exists exactly when
 * the write it describes does. The log is append-only: nothing updates or deletes it.
 */
export async function appendAudit(
  db: Executor,
  actor: Actor,
  entry: AuditEntry,
  at = new Date(),
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor: actor.login,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      before: json(entry.before),
      after: json(entry.after),
      detail: json(entry.detail),
    })
    .execute();
}

export interface AuditPage {
  readonly rows: readonly {
    seq: number;
    at: string;
    actor: string;
    action: string;
    entity: string;
    entityId: string | null;
    before: unknown;
    after: unknown;
    detail: unknown;
  }[];
  readonly total: number;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Newest first. */
export async function listAudit(
  db: Executor,
  options: { page: number; pageSize: number; entity?: string; actor?: string },
): Promise<AuditPage> {
  let query = db.selectFrom('audit_log');
  if (options.entity) query = query.where('entity', '=', options.entity);
  if (options.actor) query = query.where('actor', '=', options.actor);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: parse(r.before),
      after: parse(r.after),
      detail: parse(r.detail),
    })),
  };
}
