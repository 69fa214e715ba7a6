import { api } from '../../api/client.ts';
import { fetchEntityRows } from '../../api/data.ts';

/** A login as the server shows it (server modules/users/users.routes.ts). */
export interface Login {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly role: string;
  readonly personId: string | null;
  readonly personName: string | null;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface NewLogin {
  readonly login: string;
  readonly password: string;
  readonly personId: string | null;
  readonly role?: string;
  readonly displayName?: string;
}

export interface LoginChanges {
  readonly role?: string;
  readonly displayName?: string;
  readonly password?: string;
  readonly disabled?: boolean;
}

export const USERS_KEY = 'users';

export const fetchLogins = () => api<{ rows: Login[] }>('/users');

export const createLogin = (body: NewLogin) => api<unknown>('/users', { method: 'POST', body });

export const changeLogin = (id: string, body: LoginChanges) =>
  api<Login>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export interface PersonOption {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/** People matching a name or id, for tying a login to one (the data browser's search). */
export async function searchPeople(q: string): Promise<PersonOption[]> {
  const page = await fetchEntityRows('people', { page: 1, pageSize: 20, q: q || undefined, sort: 'id' });
  return page.rows.map((row) => ({
    id: String(row.id),
    name: String(row.name ?? ''),
    role: String(row.role ?? ''),
  }));
}
