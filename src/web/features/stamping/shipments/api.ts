import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Items, Page } from '../../../api/types';
import type { AvailabilityDto, BoxDto, ReceivedTotalsDto, ShipmentDto } from '../../../../contracts/stamping';
import { shipmentKeys } from './keys';

export type { AvailabilityDto, BoxDto, ReceivedTotalsDto, ShipmentDto };
export type BoxLineDto = BoxDto['lines'][number];
export type ShipmentStatus = ShipmentDto['status'];

export interface ShipmentFilter {
  status?: ShipmentStatus;
  customerId?: string;
  q?: string;
}

export function useShipments(filter: ShipmentFilter) {
  return useInfiniteQuery({
    queryKey: shipmentKeys.list({ ...filter }),
    queryFn: ({ pageParam, signal }) => api.get<Page<ShipmentDto>>('/api/stamping/shipments', { limit: 50, ...filter, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useShipment(id: string) {
  return useQuery({
    queryKey: shipmentKeys.one(id),
    queryFn: ({ signal }) => api.get<ShipmentDto>(`/api/stamping/shipments/${id}`, undefined, signal),
  });
}

export function useBoxes(id: string) {
  return useInfiniteQuery({
    queryKey: shipmentKeys.boxes(id, {}),
    queryFn: ({ pageParam, signal }) => api.get<Page<BoxDto>>(`/api/stamping/shipments/${id}/boxes`, { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The boxes a scanned number names: one per brand using it, or just the filtered brand's. */
export const findBoxes = (id: string, boxNo: number, brandId: string | null) =>
  api.get<Page<BoxDto>>(`/api/stamping/shipments/${id}/boxes`, { boxNo, brandId, limit: 50 }).then((p) => p.items);

export function useAvailability(id: string) {
  return useQuery({
    queryKey: shipmentKeys.availability(id),
    queryFn: ({ signal }) => api.get<Items<AvailabilityDto>>(`/api/stamping/shipments/${id}/availability`, undefined, signal),
    select: (d) => d.items,
  });
}

export function useReceivedTotals(id: string) {
  return useQuery({
    queryKey: shipmentKeys.received(id),
    queryFn: ({ signal }) => api.get<Items<ReceivedTotalsDto>>(`/api/stamping/shipments/${id}/received`, undefined, signal),
    select: (d) => d.items,
  });
}

/** After a change here, this screen refreshes at once; other screens hear it from the live stream. */
function useShipmentMutation<I, O>(fn: (input: I, key: string) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: I; key: string }) => fn(input, key),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: shipmentKeys.all });
      void qc.invalidateQueries({ queryKey: shipmentKeys.availabilityAll });
    },
  });
}

export interface NewShipment {
  customerId: string;
  reference: string | null;
  expectedOn: string | null;
  note: string | null;
  packingList: Array<{ variantId: string; qty: string }>;
  expectedBoxes: Array<{ brandId: string; count: number }>;
}
export const useCreateShipment = () => useShipmentMutation((input: NewShipment, key) => api.post<ShipmentDto>('/api/stamping/shipments', input, key));

export interface ReceiveBoxInput {
  brandId: string;
  boxNo: number;
  lines: Array<{ variantId: string; rawQty: string; damagedQty: string; missingQty: string; damageNote: string | null }>;
}
export const useReceiveBox = (shipmentId: string) =>
  useShipmentMutation((input: ReceiveBoxInput, key) => api.post<BoxDto>(`/api/stamping/shipments/${shipmentId}/boxes`, input, key));
export const useMarkInventoried = (shipmentId: string) =>
  useShipmentMutation((_: null, key) => api.post<ShipmentDto>(`/api/stamping/shipments/${shipmentId}/inventoried`, undefined, key));
