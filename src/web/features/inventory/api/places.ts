import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { Items, LocationDto, LotDto } from '../../../api/types';

/** Every location in path order (a short list: the API does not page it). */
export function useLocations() {
  return useQuery({
    queryKey: keys.locations,
    queryFn: ({ signal }) => api.get<Items<LocationDto>>('/api/locations', undefined, signal),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

export interface LocationInput {
  code: string;
  name: string;
  kind: LocationDto['kind'];
  parentId: string | null;
  allowNegative: boolean;
  customerId: string | null;
}

export function useCreateLocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: LocationInput; key: string }) => api.post<LocationDto>('/api/locations', input, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.locations }),
  });
}

export function useRenameLocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => api.patch<{ id: string; code: string; name: string }>(`/api/locations/${id}`, { name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.locations }),
  });
}

export interface LotFilter {
  itemId?: string;
  variantId?: string;
  q?: string;
}

/** Lots, earliest expiry first. */
export function useLots(filter: LotFilter = {}, enabled = true) {
  return useQuery({
    queryKey: keys.lots.list({ ...filter }),
    queryFn: ({ signal }) => api.get<Items<LotDto>>('/api/lots', { ...filter }, signal),
    select: (d) => d.items,
    enabled,
  });
}

export interface LotInput {
  code: string;
  itemId: string | null;
  variantId: string | null;
  expiryDate: string | null;
  supplier: string | null;
  receivedDate: string | null;
  note: string | null;
}

export function useCreateLot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: LotInput; key: string }) => api.post<{ id: string }>('/api/lots', input, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.lots.all }),
  });
}
