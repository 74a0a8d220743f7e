import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { StockDocumentDto } from '../../../api/types';

export interface AdjustmentLine {
  variantId: string;
  locationId: string;
  lotId: string | null;
  grade: string;
  /** signed: "-3" subtracts */
  qty: string;
  unitCost?: string;
}

export interface AdjustmentInput {
  reason: string;
  note: string;
  lines: AdjustmentLine[];
}

export interface CountInput {
  note: string | null;
  lines: Array<{ variantId: string; locationId: string; lotId: string | null; grade: string; countedQty: string }>;
}

/** After any posting, everything derived from the ledger is stale (the live stream says so too). */
function useStockMutation<I>(post: (input: I, key: string) => Promise<StockDocumentDto>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: I; key: string }) => post(input, key),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.stock.all });
      void qc.invalidateQueries({ queryKey: keys.serials.all });
    },
  });
}

export const useAdjustStock = () =>
  useStockMutation<AdjustmentInput>((input, key) => api.post<StockDocumentDto>('/api/stock/adjustments', input, key));

export const usePostCount = () => useStockMutation<CountInput>((input, key) => api.post<StockDocumentDto>('/api/stock/counts', input, key));

export function useCancelDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, key }: { id: string; reason: string; key: string }) => api.post<StockDocumentDto>(`/api/stock/documents/${id}/cancel`, { reason }, key),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.stock.all }),
  });
}

export interface ReceiveInput {
  lines: Array<{ line: number; receivedQty: string; shortfallGrade: string | null }>;
}

/** Receives a transfer in transit at its destinations. */
export function useReceiveTransfer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, key }: { id: string; input: ReceiveInput; key: string }) => api.post<StockDocumentDto>(`/api/stock/documents/${id}/receive`, input, key),
    onSuccess: (doc) => {
      qc.setQueryData(keys.stock.document(doc.id), doc);
      void qc.invalidateQueries({ queryKey: keys.stock.all });
    },
  });
}

export interface ReturnInput {
  reason: string;
  note: string | null;
  lines: Array<{ line: number; qty: string; locationId?: string; grade?: string }>;
}

/** Returns part of a receipt (to the supplier) or of an issue (back into stock). */
export function usePostReturn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, key }: { id: string; input: ReturnInput; key: string }) => api.post<StockDocumentDto>(`/api/stock/documents/${id}/returns`, input, key),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.stock.all });
      void qc.invalidateQueries({ queryKey: keys.serials.all });
    },
  });
}
