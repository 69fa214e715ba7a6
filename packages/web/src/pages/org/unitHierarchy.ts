import type { OrgUnit } from '../../api/types.ts';

export interface UnitNode {
  readonly unit: OrgUnit;
  readonly children: UnitNode[];
}

/** Flat units (each with its parentId) → the tree; units whose parent is unknown become roots. */
export function buildUnitTree(units: readonly OrgUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: UnitNode, b: UnitNode) => a.unit.id.localeCompare(b.unit.id);
  const sortDeep = (list: UnitNode[]) => {
    list.sort(byName);
    for (const node of list) sortDeep(node.children);
  };
  sortDeep(roots);
  return roots;
}

/** Ids of the units matching a search and all their ancestors (to expand the tree to them). */
export function matchingWithAncestors(units: readonly OrgUnit[], text: string): Set<string> {
  const needle = text.trim().toLowerCase();
  const result = new Set<string>();
  if (!needle) return result;
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  for (const unit of units) {
    if (!unit.name.toLowerCase().includes(needle) && !unit.id.toLowerCase().includes(needle)) continue;
    let current: OrgUnit | undefined = unit;
    while (current && !result.has(current.id)) {
      result.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return result;
}
