/**
 * Dense string ↔ index encoding for the fact store's ids, held in typed arrays instead of a
 * `Map<string, number>` plus an array of JS strings (issue 5, memory and cold start: that pair
 * cost ~80–100 bytes per id and dominated loading, see docs/performance.md).
 *
 * Ids are kept as UTF-8 bytes in one growing blob with an offset per index. Lookups search two
 * parts:
 * - the **sorted run**: indices [0, sorted) whose ids came in strictly increasing order — every
 *   id of a load that reads a table by id, as the server's does, and new ids that keep counting
 *   up — found by binary search, with no hash table entry at all. A hash table at load ≤ 0.7
 *   costs 6–12 bytes per id, a quarter of what the store held per order (issue 5, memory);
 *   a binary search over a million ids is ~20 comparisons, far below a request's or an import
 *   row's other costs;
 * - the **table** of every later id (the run ends for good at the first id that does not come
 *   after the last one): open addressing (linear probing, load ≤ 0.7) of Int32 index + 1
 *   (0 = empty), with a one-byte tag of every id's hash so that most probes are rejected
 *   without comparing bytes (growing the table hashes the stored bytes again).
 * When the first id has a numbered shape (a prefix and a fixed number of digits), the ids of that
 * shape are kept as numbers instead (numbered-ids.ts), and ids of any other shape in a second,
 * bytes-only dictionary (`odd`), so that one odd id among ten million numbered ones costs its own
 * bytes, not a conversion of them all.
 * An index, once given, is never reused (ids are never removed: removal of a fact keeps its row).
 */
import { grown, resized, withHeadroom } from './capacity.ts';
import { NumberedIds } from './numbered-ids.ts';

const EMPTY = 0;
const MAX_LOAD = 0.7;

export class IdDictionary {
  private bytes = new Uint8Array(1 << 10);
  private used = 0;
  /**
   * The byte length of every id so far, or −1 once two differ. While it holds, id i is bytes
   * [i × width, (i + 1) × width) and `offsets` stays empty: generated ids usually have one length
   * (O000000001, DD20250101001, UUIDs), and an offset costs 4 bytes per id (issue 5, memory).
   */
  private width = 0;
  /** Once lengths differ: offsets[i] is where id i starts; id i ends at offsets[i + 1]. */
  private offsets = new Int32Array(0);
  /** The high byte of each id's hash (the table's slot comes from the low bits). */
  private tags = new Uint8Array(1 << 8);
  private count = 0;
  /** Indices [0, sorted) are the sorted run: increasing ids, not in `table`. */
  private sorted = 0;
  private table: Int32Array;
  private mask: number;
  /** The id being looked up, as UTF-8, and its length (reused between calls). */
  private scratch = new Uint8Array(256);
  private scratchLength = 0;
  /** The ids of the first id's numbered shape, as numbers (then `bytes` stays empty). */
  private readonly numbered = new NumberedIds();
  /** In numbered mode, the ids of other shapes; null in a dictionary that is one of those. */
  private readonly odd: IdDictionary | null;

  /**
   * @param capacity expected number of ids out of order (the table grows past it)
   * @param numbers false for a dictionary that keeps every id as bytes
   */
  constructor(capacity = 16, numbers = true) {
    let size = 16;
    while (size * MAX_LOAD < capacity) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.odd = numbers ? new IdDictionary(16, false) : null;
  }

  /** The index of `name`, adding it when new. */
  intern(name: string): number {
    if (this.count === 0 && this.odd) this.numbered.adopt(name);
    if (this.numbered.digits > 0 && !this.numbered.parse(name)) return this.internOdd(name);
    const hash = this.numbered.digits > 0 ? this.numbered.scratchHash() : this.encode(name);
    // The usual case first: an id after the last of the run extends it (the run is then every id).
    if (this.sorted === this.count) {
      if (this.numbered.digits > 0) {
        if (this.numbered.extendRun()) {
          this.count++;
          return this.sorted++;
        }
      } else if (this.count === 0 || this.compareScratch(this.count - 1) > 0) {
        this.appendBytes(hash);
        return this.sorted++;
      }
    }
    const inRun = this.searchRun();
    if (inRun >= 0) return inRun;
    const slot = this.probe(hash);
    const found = this.table[slot]!;
    if (found !== EMPTY) return found - 1;
    const index = this.append(hash);
    this.table[slot] = index + 1;
    if (this.count - this.sorted > this.table.length * MAX_LOAD) this.rehash(this.table.length * 2);
    return index;
  }

  /** The index of `name`, or −1 when it was never interned. */
  find(name: string): number {
    if (this.numbered.digits > 0 && !this.numbered.parse(name)) {
      const odd = this.odd!.find(name);
      return odd < 0 ? -1 : this.numbered.indexOfOdd(odd);
    }
    const hash = this.numbered.digits > 0 ? this.numbered.scratchHash() : this.encode(name);
    const inRun = this.searchRun();
    if (inRun >= 0 || this.sorted === this.count) return inRun;
    return this.table[this.probe(hash)]! - 1;
  }

  name(index: number): string {
    if (this.numbered.digits > 0) {
      const odd = this.numbered.oddOf(index);
      return odd < 0 ? this.numbered.name(index) : this.odd!.name(odd);
    }
    const start = this.startOf(index);
    const end = this.endOf(index);
    const length = end - start;
    if (length <= 64) {
      // Short ASCII ids (the usual case) without TextDecoder's per-call overhead.
      let text = '';
      for (let i = start; i < end; i++) {
        const byte = this.bytes[i]!;
        if (byte >= 0x80) return decodeUtf8(this.bytes, start, end);
        text += String.fromCharCode(byte);
      }
      return text;
    }
    return decodeUtf8(this.bytes, start, end);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Gives back most of the spare capacity of the byte blob and the per-id arrays (not of the
   * table), keeping a thirty-second as headroom (capacity.ts) so that the next import does not copy them at once.
   */
  compact(): void {
    const bytes = withHeadroom(this.used, 16);
    if (this.bytes.length > bytes) this.bytes = this.bytes.slice(0, bytes);
    const length = withHeadroom(this.count, 16);
    if (this.tags.length > length) this.tags = this.tags.slice(0, length);
    if (this.offsets.length > length) this.offsets = this.offsets.slice(0, length);
    this.numbered.compact(length);
    this.odd?.compact();
  }

  /** How many ids are in the sorted run (the rest are in the hash table): for tests and the bench. */
  get sortedRun(): number {
    return this.sorted;
  }

  /** Bytes held by the dictionary's arrays (for the memory measurements of the bench). */
  get byteLength(): number {
    const bytes = this.bytes.byteLength + this.offsets.byteLength + this.tags.byteLength;
    return bytes + this.numbered.byteLength + this.table.byteLength + (this.odd?.byteLength ?? 0);
  }

  /** Writes `name` as UTF-8 into the scratch buffer and returns its hash. */
  private encode(name: string): number {
    const length = name.length;
    if (this.scratch.length < length * 3) this.scratch = new Uint8Array(length * 3);
    const scratch = this.scratch;
    // FNV-1a over the UTF-8 bytes (fused with the copy for ASCII ids), then murmur3's
    // finaliser so that linear probing sees mixed bits.
    let hash = FNV_OFFSET;
    let written = length;
    for (let i = 0; i < length; i++) {
      const code = name.charCodeAt(i);
      if (code >= 0x80) {
        written = encodeUtf8(name, scratch);
        hash = fnv(scratch, 0, written);
        break;
      }
      scratch[i] = code;
      hash = Math.imul(hash ^ code, FNV_PRIME);
    }
    this.scratchLength = written;
    return mix(hash);
  }

  /** The hash of a stored id (the same as {@link encode} or the numbers give for it). */
  private hashOf(index: number): number {
    if (this.numbered.digits > 0) return this.numbered.hashAt(index);
    return mix(fnv(this.bytes, this.startOf(index), this.endOf(index)));
  }

  private startOf(index: number): number {
    return this.width >= 0 ? index * this.width : this.offsets[index]!;
  }

  private endOf(index: number): number {
    if (this.width >= 0) return (index + 1) * this.width;
    return index + 1 < this.count ? this.offsets[index + 1]! : this.used;
  }

  /** The slot holding the scratch id, or the empty slot where it would go. */
  private probe(hash: number): number {
    const table = this.table;
    let slot = hash & this.mask;
    for (;;) {
      const entry = table[slot]!;
      if (entry === EMPTY) return slot;
      if (this.numbered.digits > 0 ? this.numbered.equals(entry - 1) : this.matchesScratch(entry - 1, hash))
        return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The run's index of the scratch id (binary search), or −1 when it is not in the run. */
  private searchRun(): number {
    if (this.numbered.digits > 0) return this.numbered.findInRun();
    let low = 0;
    let high = this.sorted - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compareScratch(middle);
      if (order === 0) return middle;
      if (order > 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** The scratch id against id `index` (bytes): < 0 before it, 0 equal, > 0 after. */
  private compareScratch(index: number): number {
    const start = this.startOf(index);
    const length = this.endOf(index) - start;
    const common = Math.min(length, this.scratchLength);
    const bytes = this.bytes;
    const scratch = this.scratch;
    for (let i = 0; i < common; i++) {
      const difference = scratch[i]! - bytes[start + i]!;
      if (difference !== 0) return difference;
    }
    return this.scratchLength - length;
  }

  private matchesScratch(index: number, hash: number): boolean {
    if (this.tags[index] !== hash >>> 24) return false;
    const start = this.startOf(index);
    if (this.endOf(index) - start !== this.scratchLength) return false;
    const bytes = this.bytes;
    const scratch = this.scratch;
    for (let i = 0; i < this.scratchLength; i++) if (bytes[start + i] !== scratch[i]) return false;
    return true;
  }

  /** Stores the id looked up last as the next index. */
  private append(hash: number): number {
    if (this.numbered.digits > 0) {
      this.numbered.append(this.count);
      return this.count++;
    }
    return this.appendBytes(hash);
  }

  /** An id not of the numbered shape: kept in `odd`, under the next index of this dictionary. */
  private internOdd(name: string): number {
    const odd = this.odd!;
    const known = odd.size;
    const at = odd.intern(name);
    if (at < known) return this.numbered.indexOfOdd(at);
    this.numbered.appendOdd(this.count, at);
    return this.count++;
  }

  /** Stores the scratch id's bytes as the next index. */
  private appendBytes(hash: number): number {
    const index = this.count;
    if (index === 0) this.width = this.scratchLength;
    else if (this.width >= 0 && this.scratchLength !== this.width) this.keepOffsets();
    if (index === this.tags.length) this.tags = resized(this.tags, index * 2);
    if (this.width < 0 && index === this.offsets.length) this.offsets = resized(this.offsets, index * 2);
    if (this.used + this.scratchLength > this.bytes.length)
      this.bytes = resized(this.bytes, grown(this.bytes.length, this.used + this.scratchLength));
    if (this.used > 0x7fffffff - this.scratchLength)
      throw new RangeError('id dictionary exceeds 2 GiB of ids');
    this.bytes.set(this.scratch.subarray(0, this.scratchLength), this.used);
    if (this.width < 0) this.offsets[index] = this.used;
    this.tags[index] = hash >>> 24;
    this.used += this.scratchLength;
    this.count++;
    return index;
  }

  /** The first id of another length: from now on each id's start is stored. */
  private keepOffsets(): void {
    const offsets = new Int32Array(Math.max(16, this.count * 2));
    for (let i = 0; i < this.count; i++) offsets[i] = i * this.width;
    this.offsets = offsets;
    this.width = -1;
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let index = this.sorted; index < this.count; index++) {
      if (this.numbered.digits > 0 && this.numbered.oddOf(index) >= 0) continue; // in `odd`'s table
      let slot = this.hashOf(index) & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = index + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over bytes [start, end). */
function fnv(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash;
}

/** murmur3's finaliser, so that linear probing sees mixed bits. */
function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * UTF-8 of a string into `out` (sized ≥ 3 × length); returns the bytes written. The engine is
 * pure (no TextEncoder in its lib). A lone surrogate becomes U+FFFD, as TextEncoder does; ids
 * read from files and databases never hold one.
 */
function encodeUtf8(text: string, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out[n++] = code;
    else if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[n++] = 0xe0 | (code >> 12);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    } else {
      out[n++] = 0xf0 | (code >> 18);
      out[n++] = 0x80 | ((code >> 12) & 0x3f);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    }
  }
  return n;
}

/** The string of well-formed UTF-8 bytes [start, end) (as written by encodeUtf8). */
function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; ) {
    const byte = bytes[i]!;
    let code: number;
    if (byte < 0x80) code = bytes[i++]!;
    else if (byte < 0xe0) code = ((byte & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
    else if (byte < 0xf0)
      code = ((byte & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
    else
      code =
        ((byte & 0x07) << 18) |
        ((bytes[i + 1]! & 0x3f) << 12) |
        ((bytes[i + 2]! & 0x3f) << 6) |
        (bytes[i + 3]! & 0x3f);
    if (byte >= 0x80) i += byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
    text += String.fromCodePoint(code);
  }
  return text;
}
