import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { DepartmentDto, Items, Ok, TeamDto } from '../../api/types';

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: keys.departments,
    queryFn: ({ signal }) => api.get<Items<DepartmentDto>>('/api/departments', undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useTeams(departmentId: string | null = null, enabled = true) {
  return useQuery({
    queryKey: keys.teams.of(departmentId),
    queryFn: ({ signal }) => api.get<Items<TeamDto>>('/api/teams', { departmentId }, signal),
    select: (d) => d.items,
    enabled,
  });
}

function useOrgMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.departments });
      void qc.invalidateQueries({ queryKey: keys.teams.all });
    },
  });
}

export const useCreateDepartment = () =>
  useOrgMutation(({ input, key }: { input: { code: string; name: string }; key: string }) =>
    api.post<DepartmentDto>('/api/departments', input, key),
  );
export const useUpdateDepartment = () =>
  useOrgMutation(({ id, patch }: { id: string; patch: { name?: string; active?: boolean } }) =>
    api.patch<DepartmentDto>(`/api/departments/${id}`, patch),
  );
export const useDeleteDepartment = () => useOrgMutation((id: string) => api.delete<Ok>(`/api/departments/${id}`));

export interface TeamInput {
  departmentId: string;
  code: string;
  name: string;
  leadUserId: string | null;
}
export const useCreateTeam = () =>
  useOrgMutation(({ input, key }: { input: TeamInput; key: string }) => api.post<TeamDto>('/api/teams', input, key));
export const useUpdateTeam = () =>
  useOrgMutation(({ id, patch }: { id: string; patch: { name?: string; leadUserId?: string | null; active?: boolean } }) =>
    api.patch<TeamDto>(`/api/teams/${id}`, patch),
  );
export const useDeleteTeam = () => useOrgMutation((id: string) => api.delete<Ok>(`/api/teams/${id}`));
