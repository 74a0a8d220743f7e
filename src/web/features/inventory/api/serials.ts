import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import { ApiError } from '../../../api/problem';
import type { Page, SerialDetailDto, SerialDto, SerialEventInput } from '../../../api/types';

export interface SerialFilter {
  itemId?: string;
  variantId?: string;
  /** a status, or "defects" for defective, rework and scrapped */
  status?: string;
  q?: string;
}

export function useSerials(filter: SerialFilter) {
  return useInfiniteQuery({
    queryKey: keys.serials.list({ ...filter }),
    queryFn: ({ pageParam, signal }) => api.get<Page<SerialDto>>('/api/serials', { limit: 50, cursor: pageParam, ...filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSerial(id: string) {
  return useQuery({
    queryKey: keys.serials.one(id),
    queryFn: ({ signal }) => api.get<SerialDetailDto>(`/api/serials/${id}`, undefined, signal),
  });
}

export function useSerialEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ event, key }: { event: SerialEventInput; key: string }) => api.post<SerialDetailDto>(`/api/serials/${id}/events`, event, key),
    onSuccess: (detail) => {
      qc.setQueryData(keys.serials.one(id), detail);
      void qc.invalidateQueries({ queryKey: keys.serials.all });
      void qc.invalidateQueries({ queryKey: keys.stock.all });
    },
  });
}

export interface RegisterSerialsInput {
  variantId: string;
  serialNos: string[];
  stage: string | null;
  locationId: string | null;
  lotId: string | null;
}

export function useRegisterSerials() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: RegisterSerialsInput; key: string }) => api.post<{ created: number; ids: string[] }>('/api/serials', input, key),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.serials.all });
      void qc.invalidateQueries({ queryKey: keys.stock.all });
    },
  });
}

/** The server answers "no such route" while serial tracking is not deployed: not an error to shout about. */
export const serialsUnavailable = (err: unknown): boolean => err instanceof ApiError && err.status === 404 && err.code === 'request.not_found';
