/**
 * Pass 1 over a whole file (contract §1–2): row checks, then what spans rows — unique keys,
 * references to the file or the database (forward references allowed), order_credits shares
 * summing to exactly 1, one root unit and no cycles in units or managers. Holds only key sets
 * and small per-order / per-unit maps; the caller decides whether to keep the rows it returns.
 */
import { ENTITIES, type EntityName, type EntitySpec } from '../entities/entities.ts';
import {
  addDecimals,
  compareDecimals,
  type ExactDecimal,
  formatDecimal,
  ONE,
  parseDecimal,
} from './decimal-text.ts';
import { findCycles, rootsOf } from './hierarchy.ts';
import type { IdLookup } from './id-pages.ts';
import type { ImportError, NormalizedRow, SourceRow } from './import-types.ts';
import { HIERARCHY_COLUMN, type StoredFacts } from './stored-facts.ts';
import { type RowCheck, validateRow } from './validate-row.ts';

/** Errors kept in memory; the report lists at most this many, the rest are counted. */
export const MAX_KEPT_ERRORS = 100_000;

/** The key a row is unique by within a file (order_credits: one line per order and rep). */
export function rowKeyOf(spec: EntitySpec, record: NormalizedRow): string {
  if (spec.name === 'goals') return String(record.goal_key);
  if (spec.key.length === 1 && spec.name !== 'order_credits')
    return String(record[spec.key[0] as string] ?? '');
  const columns = spec.name === 'order_credits' ? ['order_id', 'rep_id'] : spec.key;
  return columns.map((c) => String(record[c] ?? '')).join('\u0000');
}

/** What one row of an entity is called in a reason ("no person has this id"). */
const NOUN: Partial<Record<EntityName, string>> = {
  units: 'unit',
  people: 'person',
  products: 'product',
  customers: 'customer',
  orders: 'order',
};
const nounOf = (entity: EntityName) => NOUN[entity] ?? ENTITIES[entity].en.toLowerCase();

interface PendingReference {
  readonly row: number;
  readonly column: string;
  readonly value: string;
}

interface OrderShares {
  sum: ExactDecimal;
  readonly rows: number[];
}

export class FileValidator {
  private readonly errors: ImportError[] = [];
  /** Key → first row with it. For id-keyed entities this is also the file's id set. */
  private readonly keys = new Map<string, number>();
  private readonly pendingSelfReferences: PendingReference[] = [];
  private readonly shares = new Map<string, OrderShares>();
  /** Parent links (units) or manager links (people) of the file, with their rows. */
  private readonly links = new Map<string, { parent: string | null; row: number }>();
  private readonly hierarchyColumn: string | undefined;
  private readonly keyColumns: readonly string[];
  /** The columns that hold references, with the stored ids they may point to. */
  private readonly references: readonly {
    readonly column: string;
    readonly entity: EntityName;
    readonly stored: IdLookup | undefined;
  }[];
  /** Rows of closed opportunities without `won` (accepted as lost, with a warning). */
  private readonly closedWithoutWon: number[] = [];
  rows = 0;
  /** Every error found, including those past {@link MAX_KEPT_ERRORS}. */
  errorCount = 0;

  constructor(
    private readonly spec: EntitySpec,
    private readonly stored: StoredFacts,
  ) {
    this.hierarchyColumn = HIERARCHY_COLUMN[spec.name];
    this.keyColumns = spec.name === 'order_credits' ? ['order_id', 'rep_id'] : spec.key;
    this.references = spec.columns.flatMap((column) =>
      column.references
        ? [{ column: column.name, entity: column.references, stored: stored.ids.get(column.references) }]
        : [],
    );
  }

  /**
   * Checks one data row; blank rows are skipped by the caller. Returns the row's values as
   * stored when the row itself is valid (the file as a whole may still fail), else null.
   * With {@link StoredFacts.partial} entities, use {@link read}, {@link unknownIds} and
   * {@link judge} instead, so the ids a chunk of rows names are looked up before it is judged.
   */
  check(source: SourceRow): NormalizedRow | null {
    return this.judge(source.row, this.read(source));
  }

  /** The first step of {@link check}: the row's own cells. */
  read(source: SourceRow): RowCheck {
    return validateRow(this.spec, source);
  }

  /**
   * The ids that rows already read refer to in {@link StoredFacts.partial} entities and that
   * are not known to be stored yet, by entity.
   */
  unknownIds(reads: readonly RowCheck[]): Map<EntityName, string[]> {
    const unknown = new Map<EntityName, Set<string>>();
    for (const { column, entity, stored } of this.references) {
      if (!this.stored.partial.has(entity)) continue;
      for (const { record } of reads) {
        const value = record[column];
        if (value === null || value === undefined || stored?.has(String(value))) continue;
        const ids = unknown.get(entity) ?? new Set<string>();
        ids.add(String(value));
        unknown.set(entity, ids);
      }
    }
    return new Map([...unknown].map(([entity, ids]) => [entity, [...ids]]));
  }

  /** Records ids found stored (by a lookup of {@link unknownIds}). */
  learn(entity: EntityName, found: readonly string[]): void {
    const stored = this.stored.ids.get(entity);
    for (const id of found) stored?.add(id);
  }

  /** The second step of {@link check}: the row among the others and the stored rows. */
  judge(row: number, { record, errors }: RowCheck): NormalizedRow | null {
    this.rows += 1;
    for (const error of errors) this.keep(error);
    // Cells that failed read as null, so references are still checked on the others.
    this.checkReferences(row, record);
    if (!errors.some((e) => this.keyColumns.includes(e.column))) this.checkUniqueKey(row, record);
    if (errors.length > 0) return null;
    if (this.spec.name === 'order_credits') this.addShare(row, record);
    if (this.spec.name === 'opportunities' && record.closed_on !== null && record.won === null) {
      this.closedWithoutWon.push(row);
    }
    if (this.hierarchyColumn) {
      const parent = record[this.hierarchyColumn];
      this.links.set(String(record.id), { parent: parent === null ? null : String(parent), row });
    }
    return record;
  }

  /** Keeps an error; past the limit only counts it, so a file of bad rows cannot exhaust memory. */
  private keep(error: ImportError): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_KEPT_ERRORS) this.errors.push(error);
  }

  private fail(row: number, column: string, value: unknown, reason: string): void {
    this.keep({
      row,
      column,
      value: value === null || value === undefined ? '' : String(value),
      reason,
    });
  }

  private checkUniqueKey(row: number, record: NormalizedRow): void {
    const key = rowKeyOf(this.spec, record);
    const first = this.keys.get(key);
    if (first === undefined) {
      this.keys.set(key, row);
      return;
    }
    const what =
      this.spec.name === 'order_credits'
        ? 'this rep already has a share of this order'
        : this.spec.key.length === 1 && this.spec.key[0] === 'id'
          ? 'this id'
          : `this ${this.spec.key.join(' + ')}`;
    const column = this.spec.name === 'order_credits' ? 'rep_id' : (this.spec.key[0] ?? 'id');
    const reason =
      this.spec.name === 'order_credits' ? `${what} (row ${first})` : `${what} is already on row ${first}`;
    this.fail(row, column, record[column], reason);
  }

  private checkReferences(row: number, record: NormalizedRow): void {
    for (const { column, entity, stored } of this.references) {
      const value = record[column];
      if (value === null || value === undefined) continue;
      const id = String(value);
      if (stored?.has(id)) continue;
      if (entity === this.spec.name) {
        // Contract §1: a row may refer to an id later in the same file; judged after the pass.
        if (!this.keys.has(id)) this.pendingSelfReferences.push({ row, column, value: id });
        continue;
      }
      this.fail(row, column, id, `no ${nounOf(entity)} has this id`);
    }
    if (this.spec.name === 'goals' && record.scope !== null) {
      const scope = String(record.scope);
      if (!this.stored.ids.get('units')?.has(scope) && !this.stored.ids.get('people')?.has(scope)) {
        this.fail(row, 'scope', scope, 'no unit or person has this id (import units and people first)');
      }
    }
  }

  private addShare(row: number, record: NormalizedRow): void {
    const order = String(record.order_id);
    const share = parseDecimal(String(record.share)) as ExactDecimal;
    const entry = this.shares.get(order);
    if (entry) {
      entry.sum = addDecimals(entry.sum, share);
      entry.rows.push(row);
    } else this.shares.set(order, { sum: share, rows: [row] });
  }

  /** Findings that do not stop the import. */
  warnings(): string[] {
    const rows = this.closedWithoutWon;
    if (rows.length === 0) return [];
    const listed = rows.slice(0, 20).join(', ') + (rows.length > 20 ? ', …' : '');
    const what = rows.length === 1 ? '1 closed opportunity has' : `${rows.length} closed opportunities have`;
    return [`${what} no won value (row${rows.length === 1 ? '' : 's'} ${listed}): counted as lost`];
  }

  /** Cross-row findings after the last row; every error of the file, by row. */
  finish(): ImportError[] {
    for (const ref of this.pendingSelfReferences) {
      if (!this.keys.has(ref.value))
        this.fail(
          ref.row,
          ref.column,
          ref.value,
          `no ${nounOf(this.spec.name)} has this id, stored or in this file`,
        );
    }
    this.checkShareSums();
    if (this.hierarchyColumn) this.checkHierarchy(this.hierarchyColumn);
    return this.errors.sort((a, b) => a.row - b.row);
  }

  private checkShareSums(): void {
    for (const [order, { sum, rows }] of this.shares) {
      if (compareDecimals(sum, ONE) === 0) continue;
      const where = rows.length > 1 ? ` (rows ${rows.join(', ')})` : '';
      for (const row of rows) {
        this.fail(
          row,
          'share',
          formatDecimal(sum),
          `the shares of order ${order} sum to ${formatDecimal(sum)}${where}, not 1`,
        );
      }
    }
  }

  private checkHierarchy(column: string): void {
    const merged = new Map(this.stored.hierarchy);
    for (const [id, { parent }] of this.links) merged.set(id, parent);
    for (const cycle of findCycles(merged)) {
      const chain = [...cycle, cycle[0]].join(' → ');
      for (const id of cycle) {
        const link = this.links.get(id);
        if (link) this.fail(link.row, column, link.parent, `the ${column} chain loops: ${chain}`);
      }
    }
    if (this.spec.name === 'units' && merged.size > 0) this.checkSingleRoot(merged);
  }

  /** Contract §2: units have exactly one root, counting stored units and the file's. */
  private checkSingleRoot(merged: ReadonlyMap<string, string | null>): void {
    const roots = rootsOf(merged);
    if (roots.length === 0) {
      const first = [...this.links.values()][0];
      this.fail(
        first?.row ?? 1,
        'parent_id',
        first?.parent,
        'no unit is the root: exactly one unit must have an empty parent_id',
      );
      return;
    }
    if (roots.length === 1) return;
    for (const id of roots) {
      const link = this.links.get(id);
      if (link) {
        this.fail(
          link.row,
          'parent_id',
          '',
          `there would be ${roots.length} root units (${roots.join(', ')}): exactly one unit may have an empty parent_id`,
        );
      }
    }
  }
}
