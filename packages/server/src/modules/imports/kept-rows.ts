/**
 * Pass 1 keeps the rows it has read and checked while the source is small enough, so the write
 * pass neither reads nor checks them again; past the bound it lets them go and the write pass
 * streams the source a second time, in bounded memory (docs/import.md: memory).
 */
import type { NormalizedRow } from './import-types.ts';

export interface MemoryBound {
  /** Most rows kept. */
  readonly rows: number;
  /** Most bytes kept, as estimated by {@link estimatedBytes}. */
  readonly bytes: number;
}

/** 500,000 rows or ~200 MB of V8 heap, whichever comes first. */
export const DEFAULT_MEMORY_BOUND: MemoryBound = Object.freeze({ rows: 500_000, bytes: 200 * 1024 * 1024 });

/**
 * A rough upper estimate of a row's V8 heap size: the object with its properties, and each
 * string's header and characters (two bytes each, for text that is not Latin-1).
 */
export function estimatedBytes(row: NormalizedRow): number {
  let bytes = 64;
  for (const key in row) {
    const value = row[key];
    bytes += typeof value === 'string' ? 32 + 2 * value.length : 16;
  }
  return bytes;
}

export class KeptRows {
  private kept: NormalizedRow[] | null = [];
  private bytes = 0;

  constructor(private readonly bound: MemoryBound = DEFAULT_MEMORY_BOUND) {}

  /** Keeps a row, unless the bound is reached: then every kept row is let go. */
  add(row: NormalizedRow): void {
    if (this.kept === null) return;
    this.bytes += estimatedBytes(row);
    if (this.kept.length >= this.bound.rows || this.bytes > this.bound.bytes) this.kept = null;
    else this.kept.push(row);
  }

  /** Lets every kept row go (the import will not write, or will read the source again). */
  drop(): void {
    this.kept = null;
  }

  /** The rows in source order, or null when the source outgrew the bound. */
  get rows(): readonly NormalizedRow[] | null {
    return this.kept;
  }
}
