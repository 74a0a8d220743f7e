import { useCallback, useRef } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { newIdempotencyKey, request } from '../../../api/client';
import type { CloseDay, UpdateSite } from '../../../../contracts/planning';
import type { CreatePo, SchedulePo, UpdatePo } from '../../../../contracts/stamping';
import { shipmentKeys } from '../shipments/keys';
import { stampKeys } from '../stamps/keys';
import type { CapacityWarning, PoResult } from './api';
import { orderKeys } from './keys';

export type CreatePoInput = z.input<typeof CreatePo>;
export type UpdatePoInput = z.input<typeof UpdatePo>;
export type ScheduleInput = z.input<typeof SchedulePo> & { id: string };
export interface SplitInput { id: string; parts: Array<{ day: string; qty: string }> }
export interface CancelInput { id: string; reason: string }

/**
 * One Idempotency-Key per submit attempt: sending the same payload again (a retry after a lost
 * answer) reuses the key, so it is applied once; a changed payload is a new attempt, a new key.
 * `settle()` after success, so the next submit of an equal payload is a new command.
 */
export function useAttemptKey() {
  const last = useRef<{ body: string; key: string } | null>(null);
  const keyFor = useCallback((payload: unknown) => {
    const body = JSON.stringify(payload);
    if (last.current?.body !== body) last.current = { body, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
  const settle = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, settle };
}

/**
 * A command on a PO: on success everything the PO shows up in is refetched before the mutation
 * settles, so a dragged chip stays "pending" until the calendar really has it on its new day.
 */
function usePoCommand<I>(fn: (input: I, key: string) => Promise<PoResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: I; key: string }) => fn(input, key),
    onSuccess: async (result) => {
      qc.setQueryData(orderKeys.one(result.po.id), result.po);
      void qc.invalidateQueries({ queryKey: shipmentKeys.availabilityAll });
      void qc.invalidateQueries({ queryKey: stampKeys.all });
      await qc.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}

export const useCreatePo = () =>
  usePoCommand((input: CreatePoInput, key) => request<PoResult>('POST', '/api/stamping/orders', { body: input, idempotencyKey: key }));

export const useUpdatePo = () =>
  usePoCommand(({ id, ...body }: UpdatePoInput & { id: string }, key) => request<PoResult>('PATCH', `/api/stamping/orders/${id}`, { body, idempotencyKey: key }));

export const useSchedulePo = () =>
  usePoCommand(({ id, ...body }: ScheduleInput, key) => request<PoResult>('POST', `/api/stamping/orders/${id}/schedule`, { body, idempotencyKey: key }));

export const useSplitPo = () =>
  usePoCommand(({ id, parts }: SplitInput, key) => request<PoResult>('POST', `/api/stamping/orders/${id}/split`, { body: { parts }, idempotencyKey: key }));

export const useCancelPo = () =>
  usePoCommand(({ id, reason }: CancelInput, key) => request<PoResult>('POST', `/api/stamping/orders/${id}/cancel`, { body: { reason }, idempotencyKey: key }));

/** Calendar settings change every day's figures: the whole page is refetched. */
function useSiteCommand<I, O>(fn: (input: I, key: string) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: I; key: string }) => fn(input, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

export const useUpdateSite = () =>
  useSiteCommand(({ siteId, ...body }: z.input<typeof UpdateSite> & { siteId: string }, key) =>
    request<{ warnings: CapacityWarning[] }>('PATCH', `/api/planning/sites/${siteId}`, { body, idempotencyKey: key }));

export const useCloseDay = () =>
  useSiteCommand(({ siteId, ...body }: z.input<typeof CloseDay> & { siteId: string }, key) =>
    request<{ day: string; reason: string | null; runsStillBooked: number }>('POST', `/api/planning/sites/${siteId}/closed-days`, { body, idempotencyKey: key }));

export const useReopenDay = () =>
  useSiteCommand(({ siteId, day }: { siteId: string; day: string }, key) =>
    request('DELETE', `/api/planning/sites/${siteId}/closed-days/${day}`, { idempotencyKey: key }));
