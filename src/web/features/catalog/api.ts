import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { AttributeDto, CreateAttribute, CreateItem, ItemDto, Items, Page, UnitDto, UpdateAttribute, UpdateItem, VariantDto } from '../../api/types';

export const PAGE_SIZE = 50;

export interface ItemFilter {
  q?: string;
  kind?: ItemDto['kind'];
  active?: boolean;
}

/** The catalog, a page at a time, by code. */
export function useItemPages(filter: ItemFilter) {
  return useInfiniteQuery({
    queryKey: keys.catalog.items({ paged: true, ...filter }),
    queryFn: ({ pageParam, signal }) => api.get<Page<ItemDto>>('/api/items', { limit: PAGE_SIZE, sort: 'code', cursor: pageParam, ...filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUnits(enabled = true) {
  return useQuery({
    queryKey: keys.catalog.units,
    queryFn: ({ signal }) => api.get<Items<UnitDto>>('/api/units', undefined, signal),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The attribute library new items start from. */
export function useAttributeLibrary(enabled = true) {
  return useQuery({
    queryKey: keys.catalog.attributes,
    queryFn: ({ signal }) => api.get<Items<AttributeDto>>('/api/attributes', undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

/** After any catalog change: lists, pickers and the stock pages that show item names. */
function useInvalidateCatalog() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.catalog.all }), qc.invalidateQueries({ queryKey: keys.stock.all })]);
}

export function useCreateItem() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateItem; key: string }) => api.post<ItemDto>('/api/items', input, key),
    onSuccess: invalidate,
  });
}

export function useUpdateItem(id: string) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (input: UpdateItem) => api.patch<ItemDto>(`/api/items/${id}`, input),
    onSuccess: invalidate,
  });
}

export function useRequestVariant() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (input: { itemId: string; attributes: Record<string, string> }) => api.post<VariantDto & { created: boolean }>('/api/variants', input),
    onSuccess: invalidate,
  });
}

export type ImportKind = 'items' | 'variants';

export function useImportCsv() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ kind, csv }: { kind: ImportKind; csv: string }) => api.post<{ imported?: number; rows?: number; created?: number; updated?: number }>(`/api/${kind}/import`, { csv }),
    onSuccess: invalidate,
  });
}

export function useCreateUnit() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ input, key }: { input: UnitDto; key: string }) => api.post<UnitDto>('/api/units', input, key),
    onSuccess: invalidate,
  });
}

export function useCreateAttribute() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateAttribute; key: string }) => api.post<AttributeDto>('/api/attributes', input, key),
    onSuccess: invalidate,
  });
}

export function useUpdateAttribute() {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ code, input }: { code: string; input: UpdateAttribute }) => api.patch<AttributeDto>(`/api/attributes/${encodeURIComponent(code)}`, input),
    onSuccess: invalidate,
  });
}
