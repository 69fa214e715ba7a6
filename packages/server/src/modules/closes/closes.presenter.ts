import type { PersonChange } from '@attain/engine';
import type { DataScope } from '../access/data-scope.ts';
import type { Actor } from '../auth/actor.ts';
import type { ApprovalStatus } from './approvals.service.ts';
import { canSeeCloseLine } from './close-scope.ts';
import type { CloseRun } from './closes.repository.ts';

/** GET /closes/:id: the run, its approval status and the `close --json` lines the actor may see. */
export function presentCloseRun(run: CloseRun, status: ApprovalStatus, actor: Actor, scope: DataScope) {
  const { json, explain: _explain, ...fields } = run;
  return {
    ...fields,
    approval: status,
    result: { ...json, people: json.people.filter((p) => canSeeCloseLine(actor, scope, p)) },
  };
}

/** The diff of a run against the previous one, restricted to people the actor may see in either run. */
export function visibleChanges(
  run: CloseRun,
  previous: CloseRun | null,
  changes: readonly PersonChange[],
  actor: Actor,
  scope: DataScope,
): PersonChange[] {
  const visible = new Set<string>();
  for (const line of [...(previous?.json.people ?? []), ...run.json.people])
    if (canSeeCloseLine(actor, scope, line)) visible.add(line.id);
  return changes.filter((c) => visible.has(c.id));
}
