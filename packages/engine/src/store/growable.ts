/**
 * Growable typed-array columns and string dictionaries for the columnar fact store: ids are
 * dictionary-encoded to dense Int32 indices, dates held as day numbers, money as integer fen
 * (FenColumn: Int32, exact beyond it too).
 */

import { toDayNumber } from '../dates.ts';
import { bitOf, grown, resized, type TypedArray, withHeadroom } from './capacity.ts';

type TypedArrayConstructor<T extends TypedArray> = new (length: number) => T;

/** A typed array that doubles its capacity as it grows; reads past the end give `fill`. */
export class GrowableColumn<T extends TypedArray> {
  private data: T;
  /** One past the highest index written: what {@link compact} keeps. */
  private used = 0;

  constructor(
    make: TypedArrayConstructor<T>,
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
   * doubling), e.g. before the store is written to a snapshot. A thirty-second is kept as
   * headroom (capacity.ts): trimmed to the last cell, the next import would copy every column
   * into a grown array at once (a second's pause at 10M orders). Reads past the end still give `fill`.
   */
  compact(): void {
    const length = withHeadroom(this.used, 1024);
    if (length >= this.data.length) return;
    this.data = this.data.slice(0, length) as T;
  }

  /** The backing array (valid until the next write that grows it), for tight scan loops. */
  raw(): T {
    return this.data;
  }

  private grow(minLength: number): void {
    this.data = resized(this.data, grown(this.data.length, minLength), this.fill);
  }
}

export const int32Column = (fill = 0) => new GrowableColumn(Int32Array, fill);

/**
 * Small codes in four bits (issue 5, memory): an activity's type (−1 … 5) costs half a byte, not
 * one. A cell holds value − fill (0–15), two to a byte, so an unwritten cell reads as `fill`; a
 * value outside [fill, fill + 15] is refused (the codes it holds are the engine's own).
 */
export class NibbleColumn {
  private readonly bytes = new GrowableColumn(Uint8Array);

  constructor(private readonly fill = 0) {}

  get(index: number): number {
    const byte = this.bytes.get(index >>> 1);
    return ((index & 1 ? byte >>> 4 : byte) & 15) + this.fill;
  }

  set(index: number, value: number): void {
    const code = value - this.fill;
    if (!Number.isInteger(code) || code < 0 || code > 15)
      throw new RangeError(`NibbleColumn: ${value} is outside [${this.fill}, ${this.fill + 15}]`);
    const at = index >>> 1;
    const byte = this.bytes.get(at);
    this.bytes.set(at, index & 1 ? (byte & 0x0f) | (code << 4) : (byte & 0xf0) | code);
  }
}

/** What a {@link NarrowColumn} holds in two bytes, and in three: value − fill up to these. */
const TWO_BYTES = 0xffff;
const THREE_BYTES = 0xffffff;

/**
 * Whole numbers in two bytes while they fit, three, then four (issue 5, memory): the day of a
 * fact (days since 1970 stay below 65,536 until 2149), the index of a rep or a product (fewer
 * than 65,536 of them, usually), of a customer, an order or a payment (fewer than 16.7 million)
 * — 2 or 3 bytes per fact instead of 4. Narrow, a cell holds value − fill (so an unwritten cell
 * reads as `fill`, e.g. −1 for "none"): its low 16 bits in `low`, and from the first value past
 * 65,535 its bits 16–23 in `high` beside it; the first value outside [fill, fill + 16,777,215]
 * — a date before 1970, the 16,777,216th order — widens the whole column to an Int32Array of
 * the values themselves. Each step happens once and keeps every value. Reads past the end give `fill`.
 */
export class NarrowColumn {
  private low = new Uint16Array(1024);
  /** Bits 16–23 of each cell, once a cell needed them. */
  private high: Uint8Array<ArrayBuffer> | null = null;
  /** The values themselves, once one did not fit three bytes (then `low` is empty, `high` null). */
  private wide: Int32Array<ArrayBuffer> | null = null;
  /** One past the highest index written: what {@link compact} keeps. */
  private used = 0;

  constructor(private readonly fill = 0) {}

  get(index: number): number {
    const wide = this.wide;
    if (wide) return index < wide.length ? wide[index]! : this.fill;
    const low = this.low;
    if (index >= low.length) return this.fill;
    const high = this.high;
    return (high ? low[index]! | (high[index]! << 16) : low[index]!) + this.fill;
  }

  set(index: number, value: number): void {
    const cell = value - this.fill;
    if (!this.wide && !(cell >= 0 && cell <= TWO_BYTES && Number.isInteger(cell))) {
      if (cell >= 0 && cell <= THREE_BYTES && Number.isInteger(cell))
        this.high ??= new Uint8Array(this.low.length);
      else this.widen();
    }
    if (index >= this.length) this.grow(index + 1);
    if (index >= this.used) this.used = index + 1;
    if (this.wide) this.wide[index] = value;
    else {
      this.low[index] = cell & TWO_BYTES;
      if (this.high) this.high[index] = cell >>> 16;
    }
  }

  /** As {@link GrowableColumn.compact}. */
  compact(): void {
    const length = withHeadroom(this.used, 1024);
    if (length >= this.length) return;
    if (this.wide) this.wide = this.wide.slice(0, length);
    else {
      this.low = this.low.slice(0, length);
      if (this.high) this.high = this.high.slice(0, length);
    }
  }

  /**
   * The values as one array (valid until the next write that grows or widens it), for tight scan
   * loops: only for a column whose fill is 0, whose cells are then the values; a column of three
   * bytes is widened first (a day column never is: it would take a date after 2149).
   */
  raw(): Uint16Array | Int32Array {
    if (this.fill !== 0) throw new RangeError('NarrowColumn.raw: only for a column whose fill is 0');
    if (this.high) this.widen();
    return this.wide ?? this.low;
  }

  /** Bytes per cell now: 2, 3 or 4 (for tests and the bench). */
  get cellBytes(): 2 | 3 | 4 {
    return this.wide ? 4 : this.high ? 3 : 2;
  }

  private get length(): number {
    return this.wide ? this.wide.length : this.low.length;
  }

  private widen(): void {
    const wide = new Int32Array(this.low.length);
    for (let i = 0; i < wide.length; i++) wide[i] = this.get(i);
    this.wide = wide;
    this.low = new Uint16Array(0);
    this.high = null;
  }

  private grow(minLength: number): void {
    const length = grown(this.length, minLength);
    if (this.wide) this.wide = resized(this.wide, length, this.fill);
    else {
      this.low = resized(this.low, length);
      if (this.high) this.high = resized(this.high, length);
    }
  }
}

/** A day column (fill 0: the scans read its raw cells), or an index column (fill −1: none). */
export const narrowColumn = (fill = 0) => new NarrowColumn(fill);

/**
 * One bit per row — whether a fact is alive (not removed) — in Int32 words: an eighth of a byte
 * column (issue 5, memory: ~3 bytes per order across the tables). Reads past the end give 0.
 */
export class BitColumn {
  private words = new Int32Array(32);
  /** One past the highest index written: what {@link compact} keeps. */
  private used = 0;

  get(index: number): number {
    return index >>> 5 < this.words.length ? bitOf(this.words, index) : 0;
  }

  set(index: number, value: number): void {
    const word = index >>> 5;
    if (word >= this.words.length) this.words = resized(this.words, grown(this.words.length, word + 1));
    if (index >= this.used) this.used = index + 1;
    if (value) this.words[word]! |= 1 << (index & 31);
    else this.words[word]! &= ~(1 << (index & 31));
  }

  /** The words (valid until the next write that grows them), for scans: row i is `bitOf(words, i)`. */
  raw(): Int32Array {
    return this.words;
  }

  /** As {@link GrowableColumn.compact}. */
  compact(): void {
    const length = withHeadroom((this.used >>> 5) + 1, 32);
    if (length < this.words.length) this.words = this.words.slice(0, length);
  }
}

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

/**
 * A day that may be absent (a lead's converted_on, an opportunity's closed_on): a bit says
 * whether the row has one, and the day is in a {@link NarrowColumn} — 2⅛ bytes a row instead
 * of an Int32 with a sentinel (issue 5, memory). Reads {@link NO_DAY} when absent.
 */
export class OptionalDayColumn {
  private readonly present = new BitColumn();
  private readonly days = narrowColumn();

  get(index: number): number {
    return this.present.get(index) ? this.days.get(index) : NO_DAY;
  }

  set(index: number, day: number): void {
    this.present.set(index, day === NO_DAY ? 0 : 1);
    if (day !== NO_DAY) this.days.set(index, day);
  }
}
