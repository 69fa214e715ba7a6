import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { accessOf } from '../access.ts';
import { fetchMe, logout } from '../api/auth.ts';
import { isApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export const ME_KEY = ['me'] as const;

/** The signed-in user: `me` is null when nobody is signed in (401). */
export function useSession() {
  const query = useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await fetchMe();
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  const me = query.data ?? null;
  return { ...query, me, access: accessOf(me?.permissions) };
}

/** Stores the session a sign-in or the first-run setup returned, so the app opens at once. */
export function useSignedIn() {
  const client = useQueryClient();
  return (me: Me) => client.setQueryData(ME_KEY, me);
}

export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Forget every cached answer: the next user must not see the previous one's data.
      client.clear();
      client.setQueryData(ME_KEY, null);
      void navigate('/login', { replace: true });
    },
  });
}
