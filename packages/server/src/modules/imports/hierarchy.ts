/** Trees by parent links (units by parent_id, people by manager_id): roots and cycles. */

/** Ids without a parent. */
export function rootsOf(parents: ReadonlyMap<string, string | null>): string[] {
  return [...parents].filter(([, parent]) => parent === null).map(([id]) => id);
}

/**
 * Every cycle of parent links, each as the ids along it (each cycle once, in link order).
 * Links to ids outside the map end a chain (a missing parent is reported elsewhere).
 * @example findCycles(new Map([['a', 'b'], ['b', 'a'], ['c', null]])) // [['a', 'b']]
 */
export function findCycles(parents: ReadonlyMap<string, string | null>): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: string[][] = [];
  for (const start of parents.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let current: string | null | undefined = start;
    while (current !== null && current !== undefined && parents.has(current) && !state.has(current)) {
      state.set(current, 'walking');
      path.push(current);
      current = parents.get(current);
    }
    if (current !== null && current !== undefined && state.get(current) === 'walking') {
      cycles.push(path.slice(path.indexOf(current)));
    }
    for (const id of path) state.set(id, 'done');
  }
  return cycles;
}
