import type { Permissions } from './api/types.ts';

/** What the UI shows a user: a pure function of the server's permissions (Ant Design Pro's access.ts). */
export interface Access {
  readonly canSeeOrg: boolean;
  readonly canBrowseData: boolean;
  readonly canImport: boolean;
  /** Facts (orders, payments…) as opposed to org data (units, people); hr imports only org data. */
  readonly canImportFacts: boolean;
  readonly canSeeAudit: boolean;
  /** Logins: create, change roles, reset passwords, disable (admins). */
  readonly canManageUsers: boolean;
  readonly canSeeGoals: boolean;
  readonly canEditGoals: boolean;
  readonly canProposeGoals: boolean;
  readonly canLockGoals: boolean;
}

export function accessOf(permissions: Permissions | null | undefined): Access {
  return {
    canSeeOrg: permissions?.viewOrg === true,
    canBrowseData: permissions?.viewFacts === true,
    canImport: permissions?.importData === true,
    canImportFacts: permissions?.importFacts === true,
    canSeeAudit: permissions?.viewAudit === true,
    canManageUsers: permissions?.manageUsers === true,
    canSeeGoals: permissions?.viewGoals === true,
    canEditGoals: permissions?.editGoals === true,
    canProposeGoals: permissions?.proposeGoals === true,
    canLockGoals: permissions?.lockGoals === true,
  };
}

/** The org-data entities an importer without `importFacts` may still load (contract §2). */
export const ORG_ENTITIES: readonly string[] = ['units', 'people', 'unit_moves'];

/** Entities a user may import. */
export const importableEntities = (access: Access, all: readonly string[]): string[] =>
  access.canImport ? all.filter((name) => access.canImportFacts || ORG_ENTITIES.includes(name)) : [];
