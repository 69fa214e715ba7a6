/**
 * Ids of one shape — a fixed prefix and a fixed number of digits, as ERP and CRM exports and the
 * bench's generator name orders, payments and activities (O000000001, DD20250101001) — held as
 * numbers instead of the id's bytes and a hash tag (~11 bytes for O000000001; issue 5, memory).
 * An IdDictionary whose first id has such a shape keeps the ids of that shape here.
 *
 * Two parts, as the dictionary's (id-dictionary.ts):
 * - the **run**, ids [0, runLength) in increasing order, in blocks of 64 by frame of reference:
 *   per block the number of its first id (a double: exact up to 15 digits) and, per id, its
 *   distance from it in two bytes — or nothing when the block's 64 ids are consecutive numbers,
 *   as a table's ids counting up usually are. ~2.1 bytes per id, ~0.2 when consecutive, instead
 *   of 4 (issue 5, memory). An id that would be farther than 65,535 from its block's first ends
 *   the run. Found by a binary search over the blocks, then within one;
 * - the **tail**, every id after the run ended: per id the value of its last nine digits and of
 *   the digits before them (beyond 9 only) in Int32 columns; an id of another shape is marked
 *   there by a negative number, −(its index in the dictionary's `odd` part + 1).
 */

import { resized, withHeadroom } from './capacity.ts';

const LOW_DIGITS = 9;
const MAX_DIGITS = 15;
const LOW_SCALE = 1e9;
const BLOCK = 64;
const MAX_DISTANCE = 0xffff;

export class NumberedIds {
  /** What every id starts with; `digits` = 0 when the dictionary holds bytes instead. */
  prefix = '';
  digits = 0;
  /** The run: ids [0, runLength); it grows only while every id so far is in it. */
  private runLength = 0;
  private runOpen = true;
  /** Per block of the run: its first id's number, and where its distances start (−1: consecutive). */
  private blockFirst = new Float64Array(16);
  private blockDistances = new Int32Array(16);
  private distances = new Uint16Array(1024);
  private distancesUsed = 0;
  /** The tail: per id after the run, its last nine digits (or the odd mark) and the digits before them (beyond 9 only). */
  private low = new Int32Array(0);
  private high = new Int32Array(0);
  /** Per odd id, in the order they came: its index in the dictionary. */
  private oddIndex = new Int32Array(0);
  private odds = 0;
  /** The id parsed last. */
  private scratchLow = 0;
  private scratchHigh = 0;

  /** Takes the shape of a dictionary's first id; `digits` stays 0 when it has none. */
  adopt(name: string): void {
    let start = name.length;
    while (start > 0 && isDigit(name.charCodeAt(start - 1))) start--;
    const digits = name.length - start;
    this.prefix = digits >= 1 && digits <= MAX_DIGITS ? name.slice(0, start) : '';
    this.digits = digits >= 1 && digits <= MAX_DIGITS ? digits : 0;
  }

  /** Parses `name` as the id to look up; false when it does not have the shape. */
  parse(name: string): boolean {
    const prefix = this.prefix;
    if (name.length !== prefix.length + this.digits) return false;
    for (let i = 0; i < prefix.length; i++) if (name.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
    const split = name.length - LOW_DIGITS;
    let high = 0;
    let low = 0;
    for (let i = prefix.length; i < name.length; i++) {
      const digit = name.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return false;
      if (i < split) high = high * 10 + digit;
      else low = low * 10 + digit;
    }
    this.scratchLow = low;
    this.scratchHigh = high;
    return true;
  }

  /** The hash of the id parsed last. */
  scratchHash(): number {
    return hashOf(this.scratchLow, this.scratchHigh);
  }

  /**
   * Appends the id parsed last to the run as id `runLength` when it comes after the run's last
   * and the run is still every id; false (and nothing changes) otherwise.
   */
  extendRun(): boolean {
    if (!this.runOpen) return false;
    const value = this.scratchValue();
    const index = this.runLength;
    if (index > 0 && value <= this.valueAt(index - 1)) return false;
    const block = index >>> 6;
    const at = index & (BLOCK - 1);
    if (at === 0) {
      if (block === this.blockFirst.length) {
        this.blockFirst = resized(this.blockFirst, block * 2);
        this.blockDistances = resized(this.blockDistances, block * 2);
      }
      this.blockFirst[block] = value;
      this.blockDistances[block] = this.distancesUsed;
    } else if (value - this.blockFirst[block]! > MAX_DISTANCE) {
      this.runOpen = false;
      return false;
    }
    if (this.distancesUsed === this.distances.length)
      this.distances = resized(this.distances, this.distances.length * 2);
    this.distances[this.distancesUsed++] = value - this.blockFirst[block]!;
    this.runLength = index + 1;
    // A whole block of consecutive numbers keeps no distances (strictly increasing: the last is 63).
    if (at === BLOCK - 1 && this.distances[this.distancesUsed - 1] === BLOCK - 1) {
      this.distancesUsed = this.blockDistances[block]!;
      this.blockDistances[block] = -1;
    }
    return true;
  }

  /** The run's index of the id parsed last, or −1 when it is not in the run. */
  findInRun(): number {
    const length = this.runLength;
    if (length === 0) return -1;
    const value = this.scratchValue();
    if (value < this.blockFirst[0]!) return -1;
    // The last block whose first id is ≤ value.
    let low = 0;
    let high = (length - 1) >>> 6;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.blockFirst[middle]! <= value) low = middle;
      else high = middle - 1;
    }
    const block = low;
    const distance = value - this.blockFirst[block]!;
    const size = Math.min(BLOCK, length - block * BLOCK);
    const start = this.blockDistances[block]!;
    if (start < 0) return distance < size ? block * BLOCK + distance : -1;
    let from = 0;
    let to = size - 1;
    while (from <= to) {
      const middle = (from + to) >>> 1;
      const held = this.distances[start + middle]!;
      if (held === distance) return block * BLOCK + middle;
      if (held < distance) from = middle + 1;
      else to = middle - 1;
    }
    return -1;
  }

  /** The hash of id `index` of the tail (the run's ids are in no hash table). */
  hashAt(index: number): number {
    const tail = index - this.runLength;
    return hashOf(this.low[tail]!, this.digits > LOW_DIGITS ? this.high[tail]! : 0);
  }

  /** True when id `index` (of the tail) is the one parsed last. */
  equals(index: number): boolean {
    const tail = index - this.runLength;
    return (
      this.low[tail] === this.scratchLow &&
      (this.digits <= LOW_DIGITS || this.high[tail] === this.scratchHigh)
    );
  }

  /** Stores the id parsed last as id `index`, in the tail (the run ends here for good). */
  append(index: number): void {
    const tail = this.reserve(index);
    this.low[tail] = this.scratchLow;
    if (this.digits > LOW_DIGITS) this.high[tail] = this.scratchHigh;
  }

  /** Marks id `index` as the dictionary's odd id number `odd` (the next one). */
  appendOdd(index: number, odd: number): void {
    const tail = this.reserve(index);
    this.low[tail] = -(odd + 1);
    if (odd >= this.oddIndex.length) this.oddIndex = resized(this.oddIndex, Math.max(16, odd * 2));
    this.oddIndex[odd] = index;
    this.odds = odd + 1;
  }

  /** The odd id number of id `index`, or −1 when it is a numbered one. */
  oddOf(index: number): number {
    if (index < this.runLength) return -1;
    const low = this.low[index - this.runLength]!;
    return low < 0 ? -low - 1 : -1;
  }

  indexOfOdd(odd: number): number {
    return this.oddIndex[odd]!;
  }

  name(index: number): string {
    let low: number;
    let high: number;
    if (index < this.runLength) {
      const value = this.valueAt(index);
      high = Math.floor(value / LOW_SCALE);
      low = value - high * LOW_SCALE;
    } else {
      low = this.low[index - this.runLength]!;
      high = this.digits > LOW_DIGITS ? this.high[index - this.runLength]! : 0;
    }
    if (this.digits <= LOW_DIGITS) return this.prefix + String(low).padStart(this.digits, '0');
    const head = String(high).padStart(this.digits - LOW_DIGITS, '0');
    return this.prefix + head + String(low).padStart(LOW_DIGITS, '0');
  }

  /** Keeps `length` entries (the dictionary's count plus its headroom) and the run's headroom (capacity.ts). */
  compact(length: number): void {
    const tail = Math.max(0, length - this.runLength);
    if (this.low.length > tail) this.low = this.low.slice(0, tail);
    if (this.high.length > tail) this.high = this.high.slice(0, tail);
    const odds = withHeadroom(this.odds, 16);
    if (this.oddIndex.length > odds) this.oddIndex = this.oddIndex.slice(0, odds);
    const keep = withHeadroom((this.runLength >>> 6) + 1, 16);
    if (this.blockFirst.length > keep) {
      this.blockFirst = this.blockFirst.slice(0, keep);
      this.blockDistances = this.blockDistances.slice(0, keep);
    }
    const distances = withHeadroom(this.distancesUsed, BLOCK);
    if (this.distances.length > distances) this.distances = this.distances.slice(0, distances);
  }

  get byteLength(): number {
    const run = this.blockFirst.byteLength + this.blockDistances.byteLength + this.distances.byteLength;
    return run + this.low.byteLength + this.high.byteLength + this.oddIndex.byteLength;
  }

  /** The id parsed last as one number (exact: at most 15 digits). */
  private scratchValue(): number {
    return this.scratchHigh * LOW_SCALE + this.scratchLow;
  }

  /** The number of the run's id `index`. */
  private valueAt(index: number): number {
    const block = index >>> 6;
    const start = this.blockDistances[block]!;
    const at = index & (BLOCK - 1);
    return this.blockFirst[block]! + (start < 0 ? at : this.distances[start + at]!);
  }

  /** The tail's position of id `index`, growing the tail (and ending the run) as needed. */
  private reserve(index: number): number {
    this.runOpen = false;
    const tail = index - this.runLength;
    if (tail >= this.low.length) {
      this.low = resized(this.low, Math.max(1024, tail * 2));
      if (this.digits > LOW_DIGITS) this.high = resized(this.high, this.low.length);
    }
    return tail;
  }
}

const isDigit = (code: number) => code >= 48 && code <= 57;

function hashOf(low: number, high: number): number {
  let h = low ^ Math.imul(high, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
