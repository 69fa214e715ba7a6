import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import { canSeeEvent, canSeeGoalScope, canSeePerson, canSeeUnit, scopeOf } from './data-scope.ts';
import { buildOrgDirectory, intervalsWithin, subtreeOf, unitOn } from './org-directory.ts';

// HQ ─ EAST ─ T1 (m1 manages, r1, r2 moves T1 → T2 on 2026-08-01)
//          └ T2 (m2 manages)
//    └ WEST ─ T3 (r3)
const dir = buildOrgDirectory(
  [
    { id: 'HQ', name: '总部', parentId: null, kind: 'company' },
    { id: 'EAST', name: '华东', parentId: 'HQ', kind: 'region' },
    { id: 'T1', name: '一部', parentId: 'EAST', kind: 'team' },
    { id: 'T2', name: '二部', parentId: 'EAST', kind: 'team' },
    { id: 'WEST', name: '西部', parentId: 'HQ', kind: 'region' },
    { id: 'T3', name: '成都', parentId: 'WEST', kind: 'team' },
  ],
  [
    { id: 'vp', name: 'VP', unitId: 'HQ', role: 'manager', hireDate: '2020-01-01', leaveDate: null },
    { id: 'em', name: 'East', unitId: 'EAST', role: 'manager', hireDate: '2020-01-01', leaveDate: null },
    { id: 'm1', name: 'M1', unitId: 'T1', role: 'manager', hireDate: '2020-01-01', leaveDate: null },
    { id: 'm2', name: 'M2', unitId: 'T2', role: 'manager', hireDate: '2020-01-01', leaveDate: null },
    { id: 'r1', name: 'R1', unitId: 'T1', role: 'rep', hireDate: '2020-01-01', leaveDate: null },
    { id: 'r2', name: 'R2', unitId: 'T1', role: 'rep', hireDate: '2020-01-01', leaveDate: null },
    { id: 'r3', name: 'R3', unitId: 'T3', role: 'rep', hireDate: '2020-01-01', leaveDate: null },
  ],
  [{ personId: 'r2', unitId: 'T2', effectiveFrom: '2026-08-01' }],
);

const actor = (role: Actor['role'], personId: string | null): Actor => ({
  userId: `u-${personId}`,
  login: String(personId),
  displayName: String(personId),
  role,
  personId,
});

describe('org directory', () => {
  it('dates units by moves', () => {
    expect(unitOn(dir, 'r2', '2026-07-31')).toBe('T1');
    expect(unitOn(dir, 'r2', '2026-08-01')).toBe('T2');
    expect([...subtreeOf(dir, 'EAST')].sort()).toEqual(['EAST', 'T1', 'T2']);
    expect(intervalsWithin(dir, 'r2', new Set(['T1']))).toEqual([{ from: null, until: '2026-08-01' }]);
    expect(intervalsWithin(dir, 'r2', new Set(['T1', 'T2']))).toEqual([{ from: null, until: null }]);
  });
});

describe('data scope', () => {
  const today = '2026-11-23';

  it('gives hr, finance and admin everything', () => {
    for (const role of ['hr', 'finance', 'admin'] as const)
      expect(scopeOf(actor(role, null), dir, today).kind).toBe('all');
  });

  it('limits a rep to himself', () => {
    const scope = scopeOf(actor('rep', 'r1'), dir, today);
    expect(canSeePerson(scope, 'r1')).toBe(true);
    expect(canSeePerson(scope, 'r2')).toBe(false);
    expect(canSeeEvent(scope, 'r2', '2026-01-01')).toBe(false);
    expect(canSeeUnit(scope, 'EAST')).toBe(true);
    expect(canSeeUnit(scope, 'WEST')).toBe(false);
    expect(canSeeGoalScope(scope, 'T1')).toBe(true);
    expect(canSeeGoalScope(scope, 'r2')).toBe(false);
  });

  it('gives a team manager the team, effective-dated', () => {
    const scope = scopeOf(actor('manager', 'm1'), dir, today);
    expect(canSeePerson(scope, 'r1')).toBe(true);
    expect(canSeePerson(scope, 'r2')).toBe(true);
    expect(canSeeEvent(scope, 'r2', '2026-07-31')).toBe(true);
    expect(canSeeEvent(scope, 'r2', '2026-08-01')).toBe(false);
    expect(canSeePerson(scope, 'r3')).toBe(false);
    expect(canSeePerson(scope, 'm2')).toBe(false);
  });

  it('gives the moved rep to the new manager from the move on', () => {
    const scope = scopeOf(actor('manager', 'm2'), dir, today);
    expect(canSeeEvent(scope, 'r2', '2026-07-31')).toBe(false);
    expect(canSeeEvent(scope, 'r2', '2026-08-01')).toBe(true);
  });

  it('gives a region manager the region and the manager of the root everything', () => {
    const east = scopeOf(actor('manager', 'em'), dir, today);
    expect(canSeeEvent(east, 'r2', '2026-09-01')).toBe(true);
    expect(canSeePerson(east, 'r3')).toBe(false);
    expect(scopeOf(actor('manager', 'vp'), dir, today).kind).toBe('all');
  });

  it('gives a login tied to no person nothing unless its role is global', () => {
    const scope = scopeOf(actor('manager', null), dir, today);
    expect(canSeePerson(scope, 'r1')).toBe(false);
  });
});
