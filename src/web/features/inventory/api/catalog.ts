import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { Items, ItemDto, Page, VariantDto } from '../../../api/types';

/**
 * Items for pickers and names: the first 200 by code. `activeOnly` leaves out archived items, for
 * pickers of new stock (an archived item's stock still moves, counts and shows in filters).
 */
export function useItemOptions(enabled = true, activeOnly = false) {
  const active = activeOnly ? true : undefined;
  return useQuery({
    queryKey: keys.catalog.items({ limit: 200, active }),
    queryFn: ({ signal }) => api.get<Page<ItemDto>>('/api/items', { limit: 200, sort: 'code', active }, signal),
    select: (d) => d.items.filter((i) => i.kind !== 'service'),
    enabled,
  });
}

export function useItem(id: string) {
  return useQuery({
    queryKey: keys.catalog.item(id),
    queryFn: ({ signal }) => api.get<ItemDto>(`/api/items/${id}`, undefined, signal),
  });
}

export function useVariants(itemId: string | null) {
  return useQuery({
    queryKey: keys.catalog.variants(itemId ?? ''),
    queryFn: ({ signal }) => api.get<Items<VariantDto>>(`/api/items/${itemId}/variants`, undefined, signal),
    select: (d) => d.items,
    enabled: itemId !== null,
  });
}
