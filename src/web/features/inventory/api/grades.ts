import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { GradeDto, Items } from '../../../api/types';

/** Every grade in display order (a short list the API does not page). */
export function useGrades(enabled = true) {
  return useQuery({
    queryKey: keys.grades,
    queryFn: ({ signal }) => api.get<Items<GradeDto>>('/api/grades', undefined, signal),
    select: (d) => d.items,
    staleTime: 60_000,
    enabled,
  });
}

/** Grades as select options, labelled by name. */
export function useGradeOptions() {
  const grades = useGrades();
  return (grades.data ?? []).map((g) => ({ value: g.code, label: g.name }));
}

/** A grade's name for tables (its code until the list has loaded, or for a grade it does not know). */
export function useGradeLabel(): (code: string) => string {
  const grades = useGrades();
  return useCallback((code) => grades.data?.find((g) => g.code === code)?.name ?? code, [grades.data]);
}

/** Whether a grade counts as available stock (good does; unknown ones do not). */
export function useGradeUsable(): (code: string) => boolean {
  const grades = useGrades();
  return useCallback((code) => grades.data?.find((g) => g.code === code)?.usable ?? code === 'good', [grades.data]);
}

export interface GradeInput {
  code: string;
  name: string;
  usable: boolean;
}

export function useCreateGrade() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: GradeInput; key: string }) => api.post<GradeDto>('/api/grades', input, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.grades }),
  });
}

export function useRenameGrade() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name }: { code: string; name: string }) => api.patch<GradeDto>(`/api/grades/${encodeURIComponent(code)}`, { name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.grades }),
  });
}
