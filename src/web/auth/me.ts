import { queryOptions, useQuery } from '@tanstack/react-query';
import { request, setCsrfToken } from '../api/client';
import { ApiError } from '../api/problem';
import { keys } from '../api/keys';
import { setPlantTimeZone } from '../ui/plant-day';
import type { Me, Permission } from '../api/types';

/** The signed-in user, or null when nobody is signed in (the API answers 401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await request<Me>('GET', '/api/auth/me', { quiet401: true });
    setCsrfToken(me.csrfToken);
    setPlantTimeZone(me.plantTimeZone);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
  retry: false,
});

export function useMe(): Me | null {
  return useQuery(meQuery).data ?? null;
}

/** `can('users.manage')`: what the navigation and buttons show is driven by `me.permissions`. */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe();
  return (permission) => Boolean(me?.permissions.includes(permission));
}

export const isCustomerUser = (me: Me): boolean => me.user.roles.includes('customer');
