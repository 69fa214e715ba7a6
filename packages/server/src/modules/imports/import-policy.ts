/**
 * Who may import what: the organisation (units, people, moves) is also HR's to maintain;
 * sales facts and goals are finance's. Admins may do both. The web mirrors this through
 * permissionsOf (importData / importFacts); the server enforces it here.
 */
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { EntityName } from '../entities/entities.ts';
import type { Role } from '../entities/roles.ts';

const ORGANISATION: ReadonlySet<EntityName> = new Set(['units', 'people', 'unit_moves']);

export function rolesThatMayImport(entity: EntityName): readonly Role[] {
  return ORGANISATION.has(entity) ? ['admin', 'hr', 'finance'] : ['admin', 'finance'];
}

export function canImport(actor: Actor, entity: EntityName): boolean {
  return rolesThatMayImport(entity).includes(actor.role);
}

/** Throws `forbidden` unless the actor may import the entity. */
export function requireImportRole(actor: Actor, entity: EntityName): void {
  if (!canImport(actor, entity)) {
    throw new AppError(
      'forbidden',
      `importing ${entity} needs one of the roles: ${rolesThatMayImport(entity).join(', ')}`,
    );
  }
}

/** A job's report is its starter's, or an admin's, to read. */
export const canReadJob = (actor: Actor, ownerUserId: string): boolean =>
  actor.role === 'admin' || actor.userId === ownerUserId;
