import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '../../api/types.ts';
import { buildUnitTree, matchingWithAncestors } from './unitHierarchy.ts';

const unit = (id: string, name: string, parentId: string | null): OrgUnit => ({
  id,
  name,
  parentId,
  kind: null,
  headcount: 0,
});
const units = [
  unit('T-EAST-2', '上海二部', 'R-EAST'),
  unit('T-EAST-1', '上海一部', 'R-EAST'),
  unit('R-EAST', '华东大区', 'HQ'),
  unit('HQ', '达成科技', null),
  unit('R-NORTH', '华北大区', 'HQ'),
];

describe('buildUnitTree', () => {
  it('nests children under parents, sorted by id, whatever the input order', () => {
    const [root] = buildUnitTree(units);
    expect(root?.unit.id).toBe('HQ');
    expect(root?.children.map((c) => c.unit.id)).toEqual(['R-EAST', 'R-NORTH']);
    expect(root?.children[0]?.children.map((c) => c.unit.id)).toEqual(['T-EAST-1', 'T-EAST-2']);
  });

  it('makes a unit whose parent is out of scope a root', () => {
    const roots = buildUnitTree(units.filter((u) => u.id !== 'HQ'));
    expect(roots.map((r) => r.unit.id)).toEqual(['R-EAST', 'R-NORTH']);
  });
});

describe('matchingWithAncestors', () => {
  it('finds units by name or id with the way up to the root', () => {
    expect([...matchingWithAncestors(units, '一部')].sort()).toEqual(['HQ', 'R-EAST', 'T-EAST-1']);
    expect([...matchingWithAncestors(units, 'r-north')].sort()).toEqual(['HQ', 'R-NORTH']);
  });

  it('matches nothing for an empty search', () => {
    expect(matchingWithAncestors(units, '  ').size).toBe(0);
  });
});
