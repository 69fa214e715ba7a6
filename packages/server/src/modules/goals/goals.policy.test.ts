import { describe, expect, it } from 'vitest';
import { scopeOf } from '../access/data-scope.ts';
import { buildOrgDirectory } from '../access/org-directory.ts';
import type { Actor } from '../auth/actor.ts';
import {
  canDecideProposal,
  canManageLocks,
  canProposeFor,
  canWriteGoal,
  isSuperiorOf,
  type PolicyContext,
} from './goals.policy.ts';

// HQ (vp) ─ EAST (em) ─ T1 (m1, r1, r2 — r2 moves to T2 on 2026-08-01)
//                    └ T2 (m2)
//          └ WEST ─ T3 (r3, manager_id x: nobody in a unit above him)
const person = (id: string, unitId: string, role: string) => ({
  id,
  name: id,
  unitId,
  role,
  hireDate: '2020-01-01',
  leaveDate: null,
});
const dir = buildOrgDirectory(
  [
    { id: 'HQ', name: 'HQ', parentId: null, kind: 'company' },
    { id: 'EAST', name: 'East', parentId: 'HQ', kind: 'region' },
    { id: 'T1', name: 'T1', parentId: 'EAST', kind: 'team' },
    { id: 'T2', name: 'T2', parentId: 'EAST', kind: 'team' },
    { id: 'WEST', name: 'West', parentId: 'HQ', kind: 'region' },
    { id: 'T3', name: 'T3', parentId: 'WEST', kind: 'team' },
  ],
  [
    person('vp', 'HQ', 'manager'),
    person('em', 'EAST', 'manager'),
    person('m1', 'T1', 'manager'),
    person('m1b', 'T1', 'manager'),
    person('m2', 'T2', 'manager'),
    person('r1', 'T1', 'rep'),
    person('r2', 'T1', 'rep'),
    person('r3', 'T3', 'rep'),
    person('x', 'T2', 'manager'),
  ],
  [{ personId: 'r2', unitId: 'T2', effectiveFrom: '2026-08-01' }],
);
const managerIds = new Map<string, string | null>([
  ['r1', 'm1'],
  ['m1', 'em'],
  ['r3', 'x'],
]);
const today = '2026-11-23';

const ctxOf = (role: Actor['role'], personId: string | null): PolicyContext => {
  const actor: Actor = {
    userId: `u-${personId}`,
    login: personId ?? 'root',
    displayName: '',
    role,
    personId,
  };
  return { actor, dir, scope: scopeOf(actor, dir, today), today };
};

describe('goal policies', () => {
  it.each([
    ['m1', 'r1', true],
    ['em', 'r1', true],
    ['vp', 'r1', true],
    ['m1', 'm1b', false],
    ['m1b', 'r1', true],
    ['em', 'm1', true],
    ['m1', 'em', false],
    ['m2', 'r1', false],
    ['x', 'r3', true],
    ['r1', 'r1', false],
    ['m1', 'm1', false],
    ['m2', 'r2', true],
    ['m1', 'r2', false],
  ])('%s is a superior of %s: %s', (approver, proposer, expected) => {
    expect(isSuperiorOf(dir, managerIds, approver, proposer, today)).toBe(expected);
  });

  it.each([
    ['rep', 'r1', 'r1', false],
    ['manager', 'm1', 'r1', true],
    ['manager', 'm1', 'm1', false],
    ['manager', 'm1', 'T1', false],
    ['manager', 'em', 'T1', true],
    ['manager', 'em', 'EAST', false],
    ['manager', 'em', 'r3', false],
    ['manager', 'vp', 'HQ', true],
    ['manager', 'vp', 'vp', true],
    ['hr', null, 'r3', true],
    ['finance', null, 'HQ', true],
  ] as const)('%s %s writes the goals of %s: %s', (role, personId, scope, expected) => {
    expect(canWriteGoal(ctxOf(role, personId), scope, today)).toBe(expected);
  });

  it('places a moved rep by the reference date', () => {
    expect(canWriteGoal(ctxOf('manager', 'm1'), 'r2', '2026-07-31')).toBe(true);
    expect(canWriteGoal(ctxOf('manager', 'm1'), 'r2', '2026-08-01')).toBe(false);
  });

  it('lets anyone propose for himself and a manager for his subtree', () => {
    expect(canProposeFor(ctxOf('rep', 'r1'), 'r1', today)).toBe(true);
    expect(canProposeFor(ctxOf('rep', 'r1'), 'T1', today)).toBe(false);
    expect(canProposeFor(ctxOf('manager', 'm1'), 'T1', today)).toBe(true);
    expect(canProposeFor(ctxOf('manager', 'm1'), 'EAST', today)).toBe(false);
    expect(canProposeFor(ctxOf('admin', null), 'r1', today)).toBe(false);
  });

  it('never lets anyone decide his own proposal or his own goal', () => {
    const own = { proposedBy: 'm1', proposerPersonId: 'm1', scope: 'r1' };
    expect(canDecideProposal(ctxOf('manager', 'm1'), managerIds, own)).toBe(false);
    expect(canDecideProposal(ctxOf('manager', 'em'), managerIds, own)).toBe(true);
    const aboutEm = { proposedBy: 'm1', proposerPersonId: 'm1', scope: 'em' };
    expect(canDecideProposal(ctxOf('manager', 'em'), managerIds, aboutEm)).toBe(false);
    expect(canDecideProposal(ctxOf('hr', 'hr1'), managerIds, own)).toBe(true);
    expect(canDecideProposal(ctxOf('finance', null), managerIds, own)).toBe(false);
    expect(canDecideProposal(ctxOf('rep', 'r2'), managerIds, own)).toBe(false);
  });

  it('lets hr, finance, admin and the head of the company lock periods', () => {
    expect(canManageLocks(ctxOf('finance', null))).toBe(true);
    expect(canManageLocks(ctxOf('manager', 'vp'))).toBe(true);
    expect(canManageLocks(ctxOf('manager', 'em'))).toBe(false);
    expect(canManageLocks(ctxOf('rep', 'r1'))).toBe(false);
  });
});
