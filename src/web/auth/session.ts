import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request, setCsrfToken } from '../api/client';
import { keys } from '../api/keys';
import { setPlantTimeZone } from '../ui/plant-day';
import type { Me, Ok } from '../api/types';

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      request<Me>('POST', '/api/auth/login', { body: input, quiet401: true }),
    onSuccess: (me) => {
      qc.clear();
      setCsrfToken(me.csrfToken);
      setPlantTimeZone(me.plantTimeZone);
      qc.setQueryData(keys.me, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await request<Ok>('POST', '/api/auth/logout', { quiet401: true });
      } catch {
        // signed out either way: the session may already have ended
      }
    },
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(keys.me, null);
    },
  });
}

export function useChangeOwnPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      request<Ok>('POST', '/api/auth/password', { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.me }),
  });
}
