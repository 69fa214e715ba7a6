import { useQuery } from '@tanstack/react-query';
import { fetchOrgTree, fetchPerson } from '../../api/data.ts';
import type { Me } from '../../api/types.ts';

/**
 * The units the user may pick as the grid's root, and the default one: his own unit (a manager's,
 * or a rep's team), the tree's root for those who see everyone (hr, finance, admin).
 */
export function useGoalRoot(me: Me | null) {
  const tree = useQuery({ queryKey: ['org-tree'], queryFn: fetchOrgTree });
  const personId = me && !me.permissions.viewAllPeople ? me.user.personId : null;
  const person = useQuery({
    queryKey: ['person', personId],
    queryFn: () => fetchPerson(personId as string),
    enabled: !!personId,
  });
  const units = tree.data?.units ?? [];
  const top = units.find((unit) => !unit.parentId || !units.some((u) => u.id === unit.parentId));
  const own = person.data?.person.unitId;
  const ready = tree.isSuccess && (!personId || person.isSuccess || person.isError);
  return {
    units,
    defaultRoot: ready ? (own && units.some((u) => u.id === own) ? own : top?.id) : undefined,
    error: tree.error,
  };
}
