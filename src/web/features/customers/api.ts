import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { CustomerDto, Page } from '../../api/types';

export function useCustomers(q: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.customers.list(q),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CustomerDto>>('/api/customers', { limit: 50, sort: 'name', q, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Active customers for pickers (first 200 by name). */
export function useCustomerOptions(enabled = true) {
  return useQuery({
    queryKey: [...keys.customers.all, 'options'],
    queryFn: ({ signal }) => api.get<Page<CustomerDto>>('/api/customers', { limit: 200, sort: 'name', active: 'true' }, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: keys.customers.one(id),
    queryFn: ({ signal }) => api.get<CustomerDto>(`/api/customers/${id}`, undefined, signal),
  });
}

export interface CustomerInput {
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}
export type CustomerPatch = Partial<Omit<CustomerInput, 'code'> & { active: boolean }>;

export function useCreateCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CustomerInput; key: string }) => api.post<CustomerDto>('/api/customers', input, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.customers.all }),
  });
}

export function useUpdateCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: CustomerPatch }) => api.patch<CustomerDto>(`/api/customers/${id}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.customers.all }),
  });
}
