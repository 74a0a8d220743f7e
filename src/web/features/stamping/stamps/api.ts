import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegionDto, StampOrderDto, StampRegionStockDto } from '../../../../contracts/stamping';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { Items, Page } from '../../../api/types';
import { stampKeys } from './keys';

export type StampOrderStatus = StampOrderDto['status'];

export function useStampStock(horizonDays: number) {
  return useQuery({
    queryKey: stampKeys.stock(horizonDays),
    queryFn: ({ signal }) => api.get<Items<StampRegionStockDto>>('/api/stamping/stamp-stock', { horizonDays }, signal),
    select: (d) => d.items,
  });
}

export function useStampOrders(filter: { status?: StampOrderStatus; regionCode?: string }) {
  return useInfiniteQuery({
    queryKey: stampKeys.orders(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<StampOrderDto>>('/api/stamping/stamp-orders', { limit: 50, ...filter, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Active tax regions, for the order dialog's picker. */
export function useRegions(enabled = true) {
  return useQuery({
    queryKey: stampKeys.regions,
    queryFn: ({ signal }) => api.get<Items<RegionDto>>('/api/stamping/regions', undefined, signal),
    select: (d) => d.items.filter((r) => r.active),
    staleTime: 60_000,
    enabled,
  });
}

export interface StampOrderInput {
  regionCode: string;
  qty: string;
  supplier: string | null;
  orderedOn?: string;
  note: string | null;
  received: boolean;
}

/** A stamp order changes the stock cards and the ledger, so both are refreshed. */
function useStampMutation<I>(fn: (input: I) => Promise<StampOrderDto>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: stampKeys.all });
      void qc.invalidateQueries({ queryKey: keys.stock.all });
    },
  });
}

export const useCreateStampOrder = () =>
  useStampMutation(({ input, key }: { input: StampOrderInput; key: string }) => api.post<StampOrderDto>('/api/stamping/stamp-orders', input, key));

export const useReceiveStampOrder = () =>
  useStampMutation((id: string) => api.post<StampOrderDto>(`/api/stamping/stamp-orders/${id}/receive`));

export const useCancelStampOrder = () =>
  useStampMutation((id: string) => api.post<StampOrderDto>(`/api/stamping/stamp-orders/${id}/cancel`));
