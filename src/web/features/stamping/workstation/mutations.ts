import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from '../../../api/client';
import { ApiError } from '../../../api/problem';
import type { PoDto } from '../../../../contracts/stamping';
import type { CompleteSkid, CompleteSkidResult, ConfirmBox, TransferBoxes, TransferResult } from '../../../../contracts/stamping-run';
import { orderKeys } from '../orders/keys';
import { stampKeys } from '../stamps/keys';
import type { ConfirmResultDto } from './api';
import { runKeys } from './keys';

export type ConfirmInput = z.input<typeof ConfirmBox>;
export type CompleteSkidInput = z.input<typeof CompleteSkid>;
export type TransferInput = z.input<typeof TransferBoxes>;

/**
 * A run command on a PO. Success is reported only once the station's queries have the new state
 * (the box has left the queue, the counters moved), so the screen never shows a stale success.
 * `onDone` is called then even if the new state unmounted the form that sent the command (the
 * last box ends the run and replaces the scan form), where a callback given to `mutate` is not.
 */
function useRunCommand<I, O>(fn: (poId: string, input: I, key: string) => Promise<O>, onDone?: (result: O) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ poId, input, key }: { poId: string; input: I; key: string }) => fn(poId, input, key),
    onSuccess: async (result) => {
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      void qc.invalidateQueries({ queryKey: stampKeys.all });
      await qc.invalidateQueries({ queryKey: runKeys.all });
      onDone?.(result);
    },
    // refused because the PO moved on elsewhere (another station, a planner): show where it is now
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'state.illegal_transition') {
        void qc.invalidateQueries({ queryKey: orderKeys.all });
        void qc.invalidateQueries({ queryKey: runKeys.all });
      }
    },
  });
}

const post = <O,>(path: string) => (poId: string, body: unknown, key: string) =>
  request<O>('POST', `/api/stamping/orders/${poId}${path}`, { body, idempotencyKey: key });

export const useStartRun = () => useRunCommand<undefined, PoDto>(post('/start'));
export const useFinishRun = () => useRunCommand<undefined, PoDto>(post('/finish'));
export const useSkipBox = () => useRunCommand<{ boxId: string; reason?: string | null }, { boxId: string; skipped: boolean }>(post('/skip'));
export const useCompleteSkid = () => useRunCommand<CompleteSkidInput, CompleteSkidResult>(post('/skids'));
export const useTransferBoxes = () => useRunCommand<TransferInput, TransferResult>(post('/skids/transfer'));
export const useDeleteSkid = () =>
  useRunCommand<{ skidId: string }, { id: string; label: string; deleted: boolean }>((poId, { skidId }, key) =>
    request('DELETE', `/api/stamping/orders/${poId}/skids/${skidId}`, { idempotencyKey: key }));

/** Confirm keeps the refusal's extras: a shortage says which region, how many needed and left. */
export const useConfirmBox = (onDone?: (result: ConfirmResultDto) => void) =>
  useRunCommand<ConfirmInput, ConfirmResultDto>(post('/confirm'), onDone);
