import type { Actor } from '../auth/actor.ts';

/**
 * What the UI may offer an actor (the web mirrors these for display only; the server
 * enforces every one of them on its own endpoints). In the spirit of Ant Design Pro's access.ts.
 */
export function permissionsOf(actor: Actor): Record<string, boolean> {
  const is = (...roles: string[]) => roles.includes(actor.role);
  return {
    viewOrg: true,
    viewAllPeople: is('hr', 'finance', 'admin'),
    viewFacts: true,
    importData: is('finance', 'admin', 'hr'),
    importFacts: is('finance', 'admin'),
    viewAudit: is('admin'),
    // Goals (modules/goals/goals.policy.ts decides per scope; these only steer what the UI offers).
    viewGoals: true,
    editGoals: is('manager', 'hr', 'finance', 'admin'),
    proposeGoals: is('rep', 'manager'),
    lockGoals: is('hr', 'finance', 'admin'),
    manageUsers: is('admin'),
  };
}
