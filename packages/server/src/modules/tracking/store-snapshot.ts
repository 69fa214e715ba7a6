/**
 * The fact store as bytes and back (issue 5, cold start): a restart reads the store's arrays
 * from a file instead of rebuilding it from every row of the database.
 *
 * The store is a tree of class instances (FactStore → OrderBook → DayCube …) whose state is
 * typed arrays, Maps, Sets, arrays and numbers. V8's serializer writes all of those natively
 * (typed arrays out of line, each read back into its own buffer: snapshot-body.ts) and
 * keeps shared references shared, but it drops prototypes and refuses functions. So:
 * - serialising mirrors each class instance reached through fields as a plain object, leaving
 *   out fields that hold functions (code, not state) and memo caches (`memo`, `…cache`, `…Cache`:
 *   rebuilt on demand);
 * - restoring walks a fresh store (with an empty org chart) beside the plain tree and pours each saved field
 *   into the fresh instance, field by field, so every instance keeps its class.
 * The walk checks the shape on the way: a field added, removed or changed in kind (say a Map
 * that became a typed array) since the snapshot was written makes the restore fail with
 * {@link SnapshotMismatch}, and the caller rebuilds from the database instead. No format
 * version has to be bumped by hand when the store's internals change. Some arrays change class
 * as they fill (a cube's measures, one typed array each, go from Int16 to Int32 to Float64 as
 * their values need: day-cube.ts): a typed array may replace one of another class, and a plain
 * array of them is replaced whole by the saved one, so each saved array keeps its own class and
 * no value is read as another type.
 */
import { FactStore, OrgChart } from '@attain/engine';
import { type BodySource, bufferSource, decodeBody, encodeBody } from './snapshot-body.ts';

export class SnapshotMismatch extends Error {
  constructor(path: string, why: string) {
    super(`the snapshot does not fit this version of the store at ${path}: ${why}`);
  }
}

type Fields = Record<string, unknown>;

const isTransient = (key: string) => key === 'memo' || /(?:^c|C)ache$/.test(key);

function isClassInstance(value: unknown): value is Fields {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value) || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value))
    return false;
  const proto = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== null;
}

/** What a field holds, for the shape check: 'nil', 'array', 'Map', 'Int32Array', 'number', … */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object')
    return (Object.getPrototypeOf(value)?.constructor?.name as string) ?? 'object';
  return typeof value;
}

const isTypedArray = (value: unknown) => ArrayBuffer.isView(value) && !(value instanceof DataView);

/** The fields that carry state: no functions, no memo caches. */
function stateKeys(instance: Fields): string[] {
  return Object.keys(instance).filter((key) => typeof instance[key] !== 'function' && !isTransient(key));
}

function mirror(instance: Fields, seen: Map<object, Fields>): Fields {
  const known = seen.get(instance);
  if (known) return known;
  const plain: Fields = {};
  seen.set(instance, plain);
  for (const key of stateKeys(instance)) {
    const value = instance[key];
    plain[key] = isClassInstance(value) ? mirror(value, seen) : value;
  }
  return plain;
}

/**
 * The store (and `extra`, any structured-clonable value kept beside it) as one buffer, its typed
 * arrays out of line (snapshot-body.ts).
 * @example const bytes = serializeStore(store, { dims }); const { store: copy } = deserializeStore(bytes);
 */
export function serializeStore(store: FactStore, extra: unknown = null): Buffer {
  compactAll(store as unknown as Fields, new Set());
  return encodeBody({ store: mirror(store as unknown as Fields, new Map()), extra });
}

/**
 * Lets every part of the store that can (growable columns, id dictionaries) give back its spare
 * capacity first: arrays double as they grow, so up to half of a column would be written, read
 * back and kept resident for nothing.
 */
function compactAll(instance: Fields, seen: Set<object>): void {
  if (seen.has(instance)) return;
  seen.add(instance);
  const compact = (instance as { compact?: unknown }).compact;
  if (typeof compact === 'function') compact.call(instance);
  for (const key of stateKeys(instance)) {
    const value = instance[key];
    if (isClassInstance(value)) compactAll(value, seen);
  }
}

/** The store and `extra` back from {@link serializeStore}'s bytes (in memory or in a file). */
export function deserializeStore(input: Buffer | BodySource): { store: FactStore; extra: unknown } {
  const saved = decodeBody(Buffer.isBuffer(input) ? bufferSource(input) : input) as {
    store: Fields;
    extra: unknown;
  };
  // The template gets an (empty) org chart like every served store, so that the fields that
  // only an org fills (the chart, shared by the parts that read it) are instances to pour into.
  const store = new FactStore();
  store.setOrg(new OrgChart([], []));
  restoreInto(store as unknown as Fields, saved.store, new Map(), 'store');
  return { store, extra: saved.extra };
}

function restoreInto(target: Fields, saved: Fields, restored: Map<object, Fields>, path: string): void {
  restored.set(saved, target);
  const keys = stateKeys(target);
  const savedKeys = Object.keys(saved);
  const missing = keys.filter((key) => !(key in saved));
  const extra = savedKeys.filter((key) => !keys.includes(key));
  if (missing.length > 0 || extra.length > 0)
    throw new SnapshotMismatch(path, `fields ${[...missing, ...extra].join(', ')} differ`);
  for (const key of keys) {
    const fresh = target[key];
    const value = saved[key];
    const where = `${path}.${key}`;
    if (isClassInstance(fresh)) {
      if (kindOf(value) !== 'Object')
        throw new SnapshotMismatch(where, `expected an object, found ${kindOf(value)}`);
      const same = restored.get(value as Fields);
      if (same) target[key] = same;
      else restoreInto(fresh, value as Fields, restored, where);
      continue;
    }
    const freshKind = kindOf(fresh);
    const savedKind = kindOf(value);
    // A field that starts empty (null) may hold data later, but never a class instance: the
    // saved plain object could not get its class back.
    const fits =
      freshKind === savedKind ||
      savedKind === 'nil' ||
      (freshKind === 'nil' && savedKind !== 'Object') ||
      (isTypedArray(fresh) && isTypedArray(value));
    if (!fits) throw new SnapshotMismatch(where, `expected ${freshKind}, found ${savedKind}`);
    target[key] = value;
  }
}
