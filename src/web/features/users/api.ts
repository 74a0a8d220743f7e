import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { Ok, Page, Role, UserDto } from '../../api/types';

export interface UserFilter {
  q?: string;
  role?: Role;
  active?: 'true' | 'false';
  customerId?: string;
}

export const PAGE_SIZE = 50;

export function useUsers(filter: UserFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.users.list({ ...filter }),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<UserDto>>('/api/users', { limit: PAGE_SIZE, sort: 'username', cursor: pageParam, ...filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export interface UserInput {
  username: string;
  displayName: string;
  email: string | null;
  password: string;
  roles: Role[];
  departmentId: string | null;
  teamId: string | null;
  customerId: string | null;
}

export type UserPatch = Partial<Omit<UserInput, 'username' | 'password'> & { active: boolean }>;

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: UserInput; key: string }) => api.post<UserDto>('/api/users', input, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users.all }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) => api.patch<UserDto>(`/api/users/${id}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users.all }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => api.post<Ok>(`/api/users/${id}/password`, { password }),
  });
}

/** Active users for pickers (first 200 by username), e.g. a team lead. */
export function useUserOptions(enabled = true) {
  return useQuery({
    queryKey: [...keys.users.all, 'options'],
    queryFn: ({ signal }) => api.get<Page<UserDto>>('/api/users', { limit: 200, sort: 'username', active: 'true' }, signal),
    select: (d) => d.items.filter((u) => !u.roles.includes('customer')),
    enabled,
  });
}
