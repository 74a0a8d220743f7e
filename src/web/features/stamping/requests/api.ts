import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../api/client';
import type { Items } from '../../../api/types';
import type { ModifyPoRequest, PoRequestDecision, PoRequestDto } from '../../../../contracts/stamping-run';
import { orderKeys } from '../orders/keys';
import { requestKeys } from './keys';

export type { PoRequestDecision, PoRequestDto };
export type ModifyInput = z.input<typeof ModifyPoRequest>;

/** Customer requests, pending and modified first (the server orders them). */
export const useRequestInbox = () =>
  useQuery({
    queryKey: requestKeys.inbox,
    queryFn: ({ signal }) => api.get<Items<PoRequestDto>>('/api/stamping/requests', { limit: 100 }, signal),
    select: (d) => d.items,
  });

/** A decision refreshes the inbox and, for an approval, the calendar and PO list it lands on. */
function useDecision<I>(fn: (input: I, key: string) => Promise<PoRequestDecision>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: I; key: string }) => fn(input, key),
    onSuccess: async () => {
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      await qc.invalidateQueries({ queryKey: requestKeys.all });
    },
  });
}

export const useApproveRequest = () =>
  useDecision(({ id, autoSplit }: { id: string; autoSplit: boolean }, key) => request<PoRequestDecision>('POST', `/api/stamping/requests/${id}/approve`, { body: { autoSplit }, idempotencyKey: key }));

export const useModifyRequest = () =>
  useDecision(({ id, ...body }: ModifyInput & { id: string }, key) => request<PoRequestDecision>('POST', `/api/stamping/requests/${id}/modify`, { body, idempotencyKey: key }));

export const useRejectRequest = () =>
  useDecision(({ id, reason }: { id: string; reason: string }, key) => request<PoRequestDecision>('POST', `/api/stamping/requests/${id}/reject`, { body: { reason }, idempotencyKey: key }));
