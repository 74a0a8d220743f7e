import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Items } from '../../../api/types';
import type { BrandDto, ConsigneeDto, ProductVariantDto, RegionDto } from '../../../../contracts/stamping';
import { setupKeys } from './keys';

export type { BrandDto, ConsigneeDto, ProductVariantDto, RegionDto };

const list = <T,>(queryKey: readonly unknown[], path: string, enabled = true) => ({
  queryKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Items<T>>(path, undefined, signal),
  select: (d: Items<T>) => d.items,
  staleTime: 60_000,
  enabled,
});

export const useBrands = (enabled = true) => useQuery(list<BrandDto>(setupKeys.brands, '/api/stamping/brands', enabled));
/** Every product variant, labelled "Flavour — Brand · 30mL · 20mg". */
export const useProducts = (enabled = true) => useQuery(list<ProductVariantDto>(setupKeys.products, '/api/stamping/products', enabled));
export const useRegions = (enabled = true) => useQuery(list<RegionDto>(setupKeys.regions, '/api/stamping/regions', enabled));
export const useConsignees = (enabled = true) => useQuery(list<ConsigneeDto>(setupKeys.consignees, '/api/stamping/consignees', enabled));

function useCreate<I, O>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: I; key: string }) => api.post<O>(path, input, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: setupKeys.all }),
  });
}

export const useCreateBrand = () => useCreate<{ code: string; name: string }, BrandDto>('/api/stamping/brands');
export interface ProductInput {
  brandId: string;
  flavour: string;
  code?: string;
  volumesMl: string[];
  strengthsMg: string[];
}
export const useCreateProduct = () => useCreate<ProductInput, { itemId: string; variants: ProductVariantDto[] }>('/api/stamping/products');
export const useCreateRegion = () => useCreate<{ code: string; name: string; colour: string }, RegionDto>('/api/stamping/regions');
export const useCreateConsignee = () => useCreate<{ customerId: string }, ConsigneeDto>('/api/stamping/consignees');
