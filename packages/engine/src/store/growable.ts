/**
 * Growable typed-array columns and string dictionaries for the columnar fact store: ids are
 * dictionary-encoded to dense Int32 indices, dates held as day numbers, money as integer fen
 * (FenColumn: Int32, exact beyond it too).
 */

import { toDayNumber } from '../dates.ts';

type TypedArray = Int32Array | Float64Array | Uint8Array | Int8Array;
type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/** A typed array that doubles its capacity as it grows; reads past the end give `fill`. */
export class GrowableColumn<T extends TypedArray> {
  private data: T;
  /** One past the highest index written: what {@link compact} keeps. */
  private used = 0;

  constructor(
    private readonly make: TypedArrayConstructor<T>,
    private readonly fill = 0,
    capacity = 1024,
  ) {
    this.data = new make(capacity);
    if (fill !== 0) this.data.fill(fill);
  }

  get(index: number): number {
    return index < this.data.length ? this.data[index]! : this.fill;
  }

  set(index: number, value: number): void {
    if (index >= this.data.length) this.grow(index + 1);
    if (index >= this.used) this.used = index + 1;
    this.data[index] = value;
  }

  /** Adds `delta` to a cell (for aggregate columns). */
  add(index: number, delta: number): void {
    if (index >= this.data.length) this.grow(index + 1);
    if (index >= this.used) this.used = index + 1;
    this.data[index] = this.data[index]! + delta;
  }

  /**
   * Gives back most of the capacity past the last written cell (up to half of the array after a
   * doubling), e.g. before the store is written to a snapshot. An eighth is kept as headroom:
   * trimmed to the last cell, the next import would copy every column into a doubled array at
   * once (a second's pause at 10M orders). Reads past the end still give `fill`.
   */
  compact(): void {
    const length = this.used + (this.used >> 3) + 1024;
    if (length >= this.data.length) return;
    this.data = this.data.slice(0, length) as T;
  }

  /** The backing array (valid until the next write that grows it), for tight scan loops. */
  raw(): T {
    return this.data;
  }

  private grow(minLength: number): void {
    let length = this.data.length * 2;
    while (length < minLength) length *= 2;
    const next = new this.make(length);
    if (this.fill !== 0) next.fill(this.fill);
    next.set(this.data as never);
    this.data = next;
  }
}

export const int32Column = (fill = 0) => new GrowableColumn(Int32Array, fill);

/** Marks a cell of a {@link FenColumn} whose value is in its `large` Map. */
const LARGE = -0x80000000;

/**
 * Integer fen in an Int32Array, half the memory of Float64 (issue 5, memory), with the rare
 * value it cannot hold — beyond ±21,474,836.47 yuan, or not a whole fen — kept exactly in a
 * Map beside it. Reads past the end give 0.
 */
export class FenColumn {
  private readonly cells = new GrowableColumn(Int32Array);
  private readonly large = new Map<number, number>();

  get(index: number): number {
    const value = this.cells.get(index);
    return value === LARGE ? this.large.get(index)! : value;
  }

  set(index: number, value: number): void {
    if (Number.isInteger(value) && value > LARGE && value <= 0x7fffffff) {
      if (this.cells.get(index) === LARGE) this.large.delete(index);
      this.cells.set(index, value);
    } else {
      this.cells.set(index, LARGE);
      this.large.set(index, value);
    }
  }
}

export const float64Column = () => new GrowableColumn(Float64Array);
export const uint8Column = () => new GrowableColumn(Uint8Array);
/** Small codes (−128…127): a kind or a flag per row in one byte instead of four. */
export const int8Column = (fill = 0) => new GrowableColumn(Int8Array, fill);

/** Ids ↔ dense indices: a hash over typed arrays (id-dictionary.ts). */
export { IdDictionary as Dictionary } from './id-dictionary.ts';

/** ISO date → day number, memoised (imports repeat the same few thousand dates millions of times). */
export class DayParser {
  private readonly cache = new Map<string, number>();

  day(date: string): number {
    let day = this.cache.get(date);
    if (day === undefined) {
      day = toDayNumber(date);
      if (this.cache.size > 100_000) this.cache.clear();
      this.cache.set(date, day);
    }
    return day;
  }
}

/** Sentinel for an absent date in an Int32 day column. */
export const NO_DAY = 2_147_483_647;

/** Adds (sign > 0) or removes a member of a day → set index, dropping empty days. */
export function toggle(index: Map<number, Set<number>>, day: number, member: number, sign: number): void {
  const set = index.get(day);
  if (sign > 0) {
    if (set) set.add(member);
    else index.set(day, new Set([member]));
  } else if (set) {
    set.delete(member);
    if (set.size === 0) index.delete(day);
  }
}
