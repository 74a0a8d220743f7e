import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../api/client';
import type { Items } from '../../../api/types';
import type { PoDto } from '../../../../contracts/stamping';
import type { OutboundDto, VerificationDto, VerifyLineDto } from '../../../../contracts/stamping-run';
import { orderKeys } from '../orders/keys';
import { stampKeys } from '../stamps/keys';
import { runKeys } from '../workstation/keys';

export type Verification = z.infer<typeof VerificationDto>;
export type VerifyLine = z.infer<typeof VerifyLineDto>;
export type Outbound = z.infer<typeof OutboundDto>;
export interface VerifyResult { po: PoDto; outbound: { id: string; number: string; created: boolean } }

export function useVerification(poId: string) {
  return useQuery({
    queryKey: runKeys.verification(poId),
    queryFn: ({ signal }) => api.get<Verification>(`/api/stamping/orders/${poId}/verification`, undefined, signal),
  });
}

/** Outbounds, newest day first: one consignee's, or every one's. */
const outboundsQuery = (customerId: string | undefined) => ({
  queryKey: runKeys.outbounds(customerId ?? ''),
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Items<Outbound>>('/api/stamping/outbounds', { customerId }, signal),
});

export const useOutbounds = (customerId?: string) => useQuery({ ...outboundsQuery(customerId), select: (d) => d.items });

/** The outbound a completed PO was filed on (one per consignee per completion day). */
export function useOutboundOf(po: PoDto | undefined) {
  return useQuery({
    ...outboundsQuery(po?.customerId),
    select: (d) => d.items.find((o) => o.pos.some((p) => p.id === po!.id)) ?? null,
    enabled: po?.status === 'completed',
  });
}

/** Verify & Complete; the server refuses the stamper (403) and more stamped than authorised (409). */
export function useVerifyPo() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ poId, note, key }: { poId: string; note: string | null; key: string }) =>
      request<VerifyResult>('POST', `/api/stamping/orders/${poId}/verify`, { body: { note }, idempotencyKey: key }),
    onSuccess: async (r) => {
      qc.setQueryData(orderKeys.one(r.po.id), r.po);
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      void qc.invalidateQueries({ queryKey: stampKeys.all });
      await qc.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}

/** The verifier raises lines to what was stamped; the verification is read again (the PO asks to be verified again). */
export function useIncreaseLines() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ poId, lines, key }: { poId: string; lines: Array<{ variantId: string; regionCode: string; qty: string }>; key: string }) =>
      request<{ po: PoDto }>('POST', `/api/stamping/orders/${poId}/increase-lines`, { body: { lines }, idempotencyKey: key }),
    onSuccess: async (r) => {
      qc.setQueryData(orderKeys.one(r.po.id), r.po);
      void qc.invalidateQueries({ queryKey: orderKeys.all });
      await qc.invalidateQueries({ queryKey: runKeys.all });
    },
  });
}
