import { describe, expect, it } from 'vitest';
import { buildOrgDirectory } from '../access/org-directory.ts';
import { pendingApprovalUnits, requiredApprovalUnits } from './approvals.policy.ts';

// HQ ─ EAST (manager em) ─ T1 (manager m1), T2 (no manager) ; HQ ─ WEST ─ T3 (no manager anywhere up)
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
    { id: 'em', name: 'em', unitId: 'EAST', role: 'manager', hireDate: '2020-01-01', leaveDate: null },
    { id: 'm1', name: 'm1', unitId: 'T1', role: 'manager', hireDate: '2020-01-01', leaveDate: null },
    {
      id: 'old',
      name: 'old',
      unitId: 'T2',
      role: 'manager',
      hireDate: '2020-01-01',
      leaveDate: '2025-01-01',
    },
  ],
  [],
);
const line = (id: string, unit: string) => ({ id, unit_id: unit });

describe('close approval rule', () => {
  it('needs the nearest managed unit above each person; a manager goes to the next one up', () => {
    const people = [line('r1', 'T1'), line('r2', 'T2'), line('r3', 'T3'), line('m1', 'T1')];
    // r1 → T1 (m1); r2 → EAST (T2's manager left); r3 → nobody (hr/admin approve); m1 → EAST.
    expect(requiredApprovalUnits(dir, people, '2026-06-01')).toEqual(['EAST', 'T1']);
  });

  it("a manager's approval covers the required units in his subtree", () => {
    const required = ['EAST', 'T1'];
    expect(pendingApprovalUnits(dir, required, ['T1'])).toEqual(['EAST']);
    expect(pendingApprovalUnits(dir, required, ['EAST'])).toEqual([]);
    expect(pendingApprovalUnits(dir, required, [])).toEqual(required);
  });
});
