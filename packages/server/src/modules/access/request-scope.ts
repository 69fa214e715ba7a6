import type { AppContext } from '../../http/context.ts';
import type { Actor } from '../auth/actor.ts';
import { type DataScope, scopeOf } from './data-scope.ts';
import type { OrgDirectory } from './org-directory.ts';

/** Today as a calendar date in the server's time zone (contract §1: dates have no zone). */
export function todayOf(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface RequestScope {
  readonly dir: OrgDirectory;
  readonly scope: DataScope;
  readonly today: string;
}

/**
 * The org directory and the actor's data scope for one request. The directory is the one the
 * live fact store keeps current through the change feed (tracking/live-facts.ts), so no request
 * reads the people table to decide what it may see.
 */
export async function resolveScope(ctx: AppContext, actor: Actor): Promise<RequestScope> {
  const dir = await ctx.facts.directory();
  const today = todayOf(ctx.now());
  return { dir, scope: scopeOf(actor, dir, today), today };
}
