import type { Client, TestApp } from '../../../test/app.ts';

export type Person = 'r1' | 'r2' | 'r3' | 'm1' | 'm2' | 'em' | 'hr1' | 'fin1';

/** Signs in every person of the small company (login = person id) and an admin without a person. */
export async function signInEveryone(t: TestApp): Promise<Record<Person | 'admin', Client>> {
  const clients = {} as Record<Person | 'admin', Client>;
  for (const id of ['r1', 'r2', 'r3', 'm1', 'm2', 'em', 'hr1', 'fin1'] as const) {
    const person = await t.db.kysely
      .selectFrom('people')
      .select('role')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    clients[id] = await t.signIn({ login: id, role: person.role as 'rep', personId: id });
  }
  clients.admin = await t.signIn({ login: 'root', role: 'admin' });
  return clients;
}

export const putGoal = (client: Client, body: Record<string, unknown>) =>
  client.request({ method: 'PUT', url: '/api/v1/goals', payload: { metric: 'revenue', ...body } });

export const cascade = (client: Client, body: Record<string, unknown>) =>
  client.post('/api/v1/goals/cascade', { metric: 'revenue', ...body });

/** The cells of one row of a grid response, by period. */
export function cellsOf(grid: { rows: { id: string; cells: Record<string, unknown> }[] }, id: string) {
  const row = grid.rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row.cells as Record<string, Record<string, unknown>>;
}
