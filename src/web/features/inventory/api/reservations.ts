import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { Page, ReservationDto, StockDocumentDto } from '../../../api/types';

export interface ReservationFilter {
  status?: ReservationDto['status'];
  itemId?: string;
  variantId?: string;
  locationId?: string;
}

export function useReservations(filter: ReservationFilter) {
  return useInfiniteQuery({
    queryKey: keys.stock.reservations({ ...filter }),
    queryFn: ({ pageParam, signal }) => api.get<Page<ReservationDto>>('/api/stock/reservations', { limit: 50, cursor: pageParam, ...filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface ReserveInput {
  variantId: string;
  locationId: string;
  lotId: string | null;
  grade: string;
  qty: string;
  expiresAt: string | null;
  sourceType: string | null;
  sourceId: string | null;
  note: string | null;
}

/** Reserving, releasing and consuming all change what is available: balances and lists refresh. */
function useReservationMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.stock.all }),
  });
}

export const useReserve = () =>
  useReservationMutation(({ input, key }: { input: ReserveInput; key: string }) => api.post<{ id: string }>('/api/stock/reservations', input, key));

export const useReleaseReservation = () =>
  useReservationMutation(({ id, key }: { id: string; key: string }) => api.post<{ id: string; released: string }>(`/api/stock/reservations/${id}/release`, undefined, key));

export const useConsumeReservation = () =>
  useReservationMutation(({ id, qty, key }: { id: string; qty: string; key: string }) =>
    api.post<{ remaining: string; document: StockDocumentDto }>(`/api/stock/reservations/${id}/consume`, { qty }, key));
