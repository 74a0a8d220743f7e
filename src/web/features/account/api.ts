import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { Items, Permission, TokenDto } from '../../api/types';

export type CreatedToken = TokenDto & { token: string };

export function useTokens() {
  return useQuery({
    queryKey: keys.tokens,
    queryFn: ({ signal }) => api.get<Items<TokenDto>>('/api/auth/tokens', undefined, signal),
    select: (d) => d.items,
  });
}

export interface TokenInput {
  name: string;
  scopes: Permission[];
  expiresInDays: number | null;
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: TokenInput; key: string }) => api.post<CreatedToken>('/api/auth/tokens', input, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<TokenDto>(`/api/auth/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}
