import { AppError } from '../../errors.ts';
import type { Role } from '../entities/roles.ts';

/** The signed-in user a request acts as. `personId` ties a login to a person of the company. */
export interface Actor {
  readonly userId: string;
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  readonly personId: string | null;
}

/** The actor of CLI commands and the demo loader, for the audit log. */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  userId: 'system',
  login: 'system',
  displayName: 'attain (command line)',
  role: 'admin',
  personId: null,
});

export function requireActor(actor: Actor | null | undefined): Actor {
  if (!actor) throw new AppError('unauthenticated', 'sign in first');
  return actor;
}

/** Throws `forbidden` unless the actor has one of the roles. */
export function requireRole(actor: Actor, ...roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new AppError('forbidden', `this needs one of the roles: ${roles.join(', ')}`);
  }
}
