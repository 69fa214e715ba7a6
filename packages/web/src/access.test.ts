import { describe, expect, it } from 'vitest';
import { accessOf, importableEntities } from './access.ts';
import type { Permissions } from './api/types.ts';

const none: Permissions = {
  viewOrg: false,
  viewAllPeople: false,
  viewFacts: false,
  importData: false,
  importFacts: false,
  viewAudit: false,
  manageUsers: false,
};
const ALL = ['units', 'people', 'unit_moves', 'products', 'orders'];

describe('accessOf', () => {
  it('offers nothing to nobody', () => {
    expect(Object.values(accessOf(null)).some(Boolean)).toBe(false);
  });

  it('maps permissions to menu flags', () => {
    const access = accessOf({ ...none, viewOrg: true, viewFacts: true, viewAudit: true });
    expect(access).toMatchObject({
      canSeeOrg: true,
      canBrowseData: true,
      canSeeAudit: true,
      canImport: false,
      canManageUsers: false,
    });
    expect(accessOf({ ...none, manageUsers: true }).canManageUsers).toBe(true);
  });
});

describe('importableEntities', () => {
  it('lets HR (importData without importFacts) load only the organisation', () => {
    expect(importableEntities(accessOf({ ...none, importData: true }), ALL)).toEqual([
      'units',
      'people',
      'unit_moves',
    ]);
  });

  it('lets finance and admins load everything', () => {
    expect(importableEntities(accessOf({ ...none, importData: true, importFacts: true }), ALL)).toEqual(ALL);
  });

  it('gives nothing without importData', () => {
    expect(importableEntities(accessOf({ ...none, importFacts: true }), ALL)).toEqual([]);
  });
});
