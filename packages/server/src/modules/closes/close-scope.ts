/**
 * Who sees which lines of a close (STYLE.md §7): hr, finance and admin everything; a manager the
 * people whose unit in the close (their unit on min(end, A), contract §6) lies in the subtree he
 * manages today, and himself; a rep (anyone else) only himself.
 */
import type { ClosePersonJson } from '@attain/engine';
import type { DataScope } from '../access/data-scope.ts';
import type { Actor } from '../auth/actor.ts';

export function canSeeCloseLine(
  actor: Actor,
  scope: DataScope,
  line: Pick<ClosePersonJson, 'id' | 'unit_id'>,
): boolean {
  if (scope.kind === 'all') return true;
  if (actor.personId !== null && line.id === actor.personId) return true;
  return line.unit_id !== null && scope.units.has(line.unit_id);
}
