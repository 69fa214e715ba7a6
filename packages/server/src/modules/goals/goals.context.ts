import type { AppContext } from '../../http/context.ts';
import { resolveScope } from '../access/request-scope.ts';
import { type Actor, requireActor } from '../auth/actor.ts';
import type { PolicyContext } from './goals.policy.ts';

/** The signed-in actor with the org directory, data scope and today the goal policies need. */
export async function policyContextOf(ctx: AppContext, actor: Actor | null): Promise<PolicyContext> {
  const signedIn = requireActor(actor);
  const { dir, scope, today } = await resolveScope(ctx, signedIn);
  return { actor: signedIn, dir, scope, today };
}
