/**
 * Reads a YAML document into plan values while collecting every error with its path
 * (`scorecards[0].groups[1].items[2].weight: must be greater than 0`). Numbers are taken from the
 * scalar's source text, never from the binary float yaml computed (contract §6: `0.015` is
 * fifteen thousandths).
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { canonicalDecimal, Decimal, type DecimalText } from './decimal.ts';
import type { PlanError } from './plan-types.ts';

/** `a.b` / `a[0]`: the path of a child. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

interface DecimalRule {
  /** Inclusive lower bound. */
  readonly min?: string;
  /** Exclusive lower bound. */
  readonly above?: string;
  /** Inclusive upper bound. */
  readonly max?: string;
  /** At most this many fraction digits (money: 2). */
  readonly maxFractionDigits?: number;
}

export class PlanReader {
  readonly errors: PlanError[] = [];

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** The entries of a mapping, in file order; unknown keys are reported. Null when not a mapping. */
  map(node: unknown, path: string, allowed: readonly string[]): Map<string, unknown> | null {
    if (!isMap(node)) {
      this.error(path, 'must be a mapping');
      return null;
    }
    const entries = new Map<string, unknown>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!allowed.includes(key)) {
        this.error(childPath(path, key), `unknown key (expected one of: ${allowed.join(', ')})`);
        continue;
      }
      entries.set(key, pair.value);
    }
    return entries;
  }

  /** Any mapping's entries by key text (for maps keyed by data, such as grades). */
  freeMap(node: unknown, path: string): [string, unknown][] | null {
    if (!isMap(node)) {
      this.error(path, 'must be a mapping');
      return null;
    }
    return node.items.map((pair) => [
      isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
      pair.value,
    ]);
  }

  seq(node: unknown, path: string): unknown[] | null {
    if (!isSeq(node)) {
      this.error(path, 'must be a list');
      return null;
    }
    return node.items;
  }

  /** True when the entry is absent or an empty value. */
  absent(node: unknown): boolean {
    return node === undefined || node === null || (isScalar(node) && node.value === null);
  }

  required(entries: Map<string, unknown>, key: string, path: string): unknown {
    const node = entries.get(key);
    if (this.absent(node)) {
      this.error(childPath(path, key), 'is required');
      return undefined;
    }
    return node;
  }

  /** A non-empty string (a number or word as written is taken as its text). */
  string(node: unknown, path: string): string | null {
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      this.error(path, 'must be a text');
      return null;
    }
    const text = String(sourceOf(node)).trim();
    if (text === '') {
      this.error(path, 'must not be empty');
      return null;
    }
    return text;
  }

  oneOf<T extends string>(node: unknown, path: string, choices: readonly T[]): T | null {
    const text = this.string(node, path);
    if (text === null) return null;
    if (!(choices as readonly string[]).includes(text)) {
      this.error(path, `must be one of: ${choices.join(', ')}`);
      return null;
    }
    return text as T;
  }

  /** A decimal exactly as written, checked against bounds. */
  decimal(node: unknown, path: string, rule: DecimalRule = {}): DecimalText | null {
    const text =
      isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'string')
        ? canonicalDecimal(String(sourceOf(node)))
        : null;
    if (text === null) {
      this.error(path, 'must be a decimal number');
      return null;
    }
    const value = new Decimal(text);
    if (rule.above !== undefined && !value.greaterThan(rule.above)) {
      this.error(path, `must be greater than ${rule.above}`);
      return null;
    }
    if (rule.min !== undefined && value.lessThan(rule.min)) {
      this.error(path, `must be at least ${rule.min}`);
      return null;
    }
    if (rule.max !== undefined && value.greaterThan(rule.max)) {
      this.error(path, `must be at most ${rule.max}`);
      return null;
    }
    if (rule.maxFractionDigits !== undefined && value.decimalPlaces() > rule.maxFractionDigits) {
      this.error(path, `must have at most ${rule.maxFractionDigits} fraction digits`);
      return null;
    }
    return text;
  }

  /** A whole number in [min, max]. */
  integer(node: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
    const text = this.decimal(node, path);
    if (text === null) return null;
    const value = new Decimal(text);
    if (!value.isInteger() || value.lessThan(min) || value.greaterThan(max)) {
      this.error(
        path,
        max === Number.MAX_SAFE_INTEGER
          ? `must be a whole number ≥ ${min}`
          : `must be a whole number from ${min} to ${max}`,
      );
      return null;
    }
    return value.toNumber();
  }

  /** A list of non-empty strings. */
  strings(node: unknown, path: string): string[] | null {
    const items = this.seq(node, path);
    if (items === null) return null;
    const values = items.map((item, i) => this.string(item, childPath(path, i)));
    if (values.length === 0) this.error(path, 'must not be empty');
    return values.every((v): v is string => v !== null) && values.length > 0 ? values : null;
  }
}

/** The text of a scalar as written (plain or quoted), falling back to its value. */
function sourceOf(node: Scalar): unknown {
  const source = (node as Scalar & { source?: string }).source;
  if (typeof node.value === 'number' && typeof source === 'string' && source !== '') return source;
  return node.value;
}

export type { Node };
