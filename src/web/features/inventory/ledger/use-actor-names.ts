import { useCallback } from 'react';
import { useCan } from '../../../auth/me';
import { useUserOptions } from '../../users/api';

/** actor id → a person's name where the viewer may see users; "system" for seeded and automatic postings. */
export function useActorNames(): (id: string | null) => string {
  const can = useCan();
  const users = useUserOptions(can('users.read'));
  const data = users.data;
  return useCallback(
    (id: string | null) => {
      if (!id) return 'system';
      const u = data?.find((x) => x.id === id);
      return u ? u.displayName : `user ${id.slice(0, 8)}`;
    },
    [data],
  );
}
