import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import type { Items, Permission, TokenDto } from '../../api/types';

export type CreatedToken = TokenDto & { token: string };

/** Where a user's tokens live: one's own under /api/auth, another user's (for administrators) under /api/users. */
const tokensPath = (userId: string | null) => (userId ? `/api/users/${userId}/tokens` : '/api/auth/tokens');

/** The signed-in user's tokens, or with `userId` another user's. */
export function useTokens(userId: string | null = null) {
  return useQuery({
    queryKey: [...keys.tokens, userId ?? 'me'],
    queryFn: ({ signal }) => api.get<Items<TokenDto>>(tokensPath(userId), undefined, signal),
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

export function useRevokeToken(userId: string | null = null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<TokenDto>(`${tokensPath(userId)}/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}
