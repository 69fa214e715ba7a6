import { describe, expect, it } from 'vitest';
import { countSharing, decodeBody, detachViews, encodeBody } from './snapshot-body.ts';

/** Runs a detach to its end; returns how many arrays reachable from `root` still live in the body. */
function detachAll(root: object, views: Set<ArrayBufferView>, sliceBytes?: number): number {
  const body = (views.values().next().value as ArrayBufferView).buffer;
  const steps = detachViews(root, views, sliceBytes);
  while (!steps.next().done) {}
  return countSharing(root, body);
}

function sample() {
  const backing = new Float64Array([0.5, 1.5, 2.5, 3.5, 4.5]);
  const shared = new Int32Array([7, 8, 9]);
  return {
    ints: new Int32Array([1, -2, 3]),
    // Odd offsets and lengths in their source: the body aligns them anyway.
    bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7]).subarray(1, 6),
    floats: backing.subarray(1, 4),
    big: new BigInt64Array([1n, -2n]),
    view: new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2),
    buffer: Buffer.from('abc'),
    empty: new Float32Array(0),
    nested: { list: [new Uint16Array([65535]), 'text', 4], map: new Map([['k', new Int8Array([-1])]]) },
    shared,
    again: shared,
  };
}

describe('snapshot body', () => {
  it('gives back every value, its typed arrays as aligned views into the body', () => {
    const body = encodeBody(sample());
    const { value, views } = decodeBody(body);
    const back = value as ReturnType<typeof sample>;
    expect([...back.ints]).toEqual([1, -2, 3]);
    expect([...back.bytes]).toEqual([2, 3, 4, 5, 6]);
    expect([...back.floats]).toEqual([1.5, 2.5, 3.5]);
    expect([...back.big]).toEqual([1n, -2n]);
    expect([back.view.getUint8(0), back.view.getUint8(1)]).toEqual([8, 7]);
    expect([...back.buffer]).toEqual([...Buffer.from('abc')]);
    expect(back.empty.length).toBe(0);
    expect([...(back.nested.list[0] as Uint16Array)]).toEqual([65535]);
    expect([...(back.nested.map.get('k') as Int8Array)]).toEqual([-1]);
    // Shared references stay shared.
    expect(back.again).toBe(back.shared);
    for (const view of views) {
      expect(view.buffer).toBe(body.buffer);
      expect(view.byteOffset % 8).toBe(0);
    }
    expect(views.size).toBe(10);
  });

  it('decodes a body that does not start aligned (copied once)', () => {
    const body = encodeBody(sample());
    const shifted = Buffer.alloc(body.length + 3);
    body.copy(shifted, 3);
    const { value } = decodeBody(shifted.subarray(3));
    expect([...(value as ReturnType<typeof sample>).floats]).toEqual([1.5, 2.5, 3.5]);
  });

  it('copies every reachable view out of the body, in slices, and counts those it cannot swap', () => {
    const body = encodeBody({ root: sample(), held: new Set([new Int32Array([5])]) });
    const { value, views } = decodeBody(body);
    const { root } = value as { root: ReturnType<typeof sample> };
    const before = JSON.stringify([...root.ints, ...root.floats]);
    // An array that is an element of a Set cannot be swapped in place: it stays in the body.
    expect(detachAll(value as object, views, 1)).toBe(1);
    expect(JSON.stringify([...root.ints, ...root.floats])).toBe(before);
    const arrays = [root.ints, root.bytes, root.floats, root.big, root.view, root.buffer, root.shared];
    for (const array of arrays) expect(array.buffer).not.toBe(body.buffer);
    expect(root.again).toBe(root.shared);
    expect((root.nested.map.get('k') as Int8Array).buffer).not.toBe(body.buffer);
    expect((root.nested.list[0] as Uint16Array).buffer).not.toBe(body.buffer);
  });

  it('yields inside a large container, not only between containers', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ i, values: new Int32Array([i]) }));
    const { value, views } = decodeBody(encodeBody({ many }));
    const steps = detachViews(value as object, views, Number.POSITIVE_INFINITY);
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(yields).toBeGreaterThan(1);
    const back = (value as { many: { values: Int32Array }[] }).many;
    expect(back[49_999]?.values[0]).toBe(49_999);
  });

  it('refuses a body whose layout does not add up', () => {
    const body = encodeBody(sample());
    expect(() => decodeBody(body.subarray(0, body.length - 1))).toThrow(/truncated|layout/);
    expect(() => decodeBody(Buffer.alloc(8))).toThrow(/too short/);
  });
});
