/**
 * A map from non-negative whole numbers to whole numbers in two Int32Arrays (open addressing,
 * linear probing, removal by backward shift, so no tombstones): 12–24 bytes an entry at the
 * loads it keeps (1.5–3 slots of 8 bytes), where a JS `Map` costs ~40 and is walked object by object on a snapshot's
 * restore (issue 5, memory). For indexes over a few of the rows, like the orders with credit shares.
 */
import { withHeadroom } from './capacity.ts';

const EMPTY = -1;
/** Grows past this load (entries / slots). */
const MAX_LOAD = 0.75;

/** Spreads consecutive keys over the table (Fibonacci hashing). */
const hash = (key: number, mask: number) => (Math.imul(key, 0x9e3779b1) >>> 0) & mask;

export class IntMap {
  private keys = new Int32Array(16).fill(EMPTY);
  private values = new Int32Array(16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The key's value, or undefined. */
  get(key: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let at = hash(key, mask); ; at = (at + 1) & mask) {
      const held = this.keys[at]!;
      if (held === key) return this.values[at]!;
      if (held === EMPTY) return undefined;
    }
  }

  set(key: number, value: number): void {
    if (key < 0 || (key | 0) !== key) throw new RangeError(`IntMap: key ${key} is not a non-negative Int32`);
    if (this.count + 1 > this.keys.length * MAX_LOAD) this.rehash(this.keys.length * 2);
    const mask = this.keys.length - 1;
    let at = hash(key, mask);
    while (this.keys[at] !== EMPTY && this.keys[at] !== key) at = (at + 1) & mask;
    if (this.keys[at] === EMPTY) this.count++;
    this.keys[at] = key;
    this.values[at] = value;
  }

  delete(key: number): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let at = hash(key, mask);
    while (keys[at] !== key) {
      if (keys[at] === EMPTY) return;
      at = (at + 1) & mask;
    }
    // Backward shift: move up each later entry of the run that may sit in the freed slot.
    let hole = at;
    for (let next = (hole + 1) & mask; keys[next] !== EMPTY; next = (next + 1) & mask) {
      const home = hash(keys[next]!, mask);
      // The entry at `next` may fill the hole when its home is not in (hole, next] (cyclically).
      const between = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (between) continue;
      keys[hole] = keys[next]!;
      this.values[hole] = this.values[next]!;
      hole = next;
    }
    keys[hole] = EMPTY;
    this.count--;
  }

  /** Calls `visit(key, value)` for every entry (in no particular order). */
  forEach(visit: (key: number, value: number) => void): void {
    for (let at = 0; at < this.keys.length; at++) {
      const key = this.keys[at]!;
      if (key !== EMPTY) visit(key, this.values[at]!);
    }
  }

  /** Shrinks the table to its entries plus headroom (before a snapshot, like the columns). */
  compact(): void {
    let slots = 16;
    while (withHeadroom(this.count, 1) > slots * MAX_LOAD) slots *= 2;
    if (slots < this.keys.length) this.rehash(slots);
  }

  private rehash(slots: number): void {
    const { keys, values } = this;
    this.keys = new Int32Array(slots).fill(EMPTY);
    this.values = new Int32Array(slots);
    this.count = 0;
    for (let at = 0; at < keys.length; at++) if (keys[at] !== EMPTY) this.set(keys[at]!, values[at]!);
  }
}
