import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../api/client';
import type { Items, Page } from '../../api/types';
import type { AvailabilityDto, PoDto, PoStatus } from '../../../contracts/stamping';
import type { CreatePoRequest, OutboundDto, PoRequestDecision, PoRequestDto, PortalRegionDto, PortalShipmentDto, SlotDto } from '../../../contracts/stamping-run';
import { portalKeys } from './keys';

export type { AvailabilityDto, PoDto, PoStatus, PoRequestDecision, PoRequestDto, PortalRegionDto, PortalShipmentDto, SlotDto };
export type OutboundRow = z.infer<typeof OutboundDto>;
export type CreateRequestInput = z.input<typeof CreatePoRequest>;

/** Own shipments, newest first (the server scopes every portal call to the signed-in customer). */
export const usePortalShipments = () =>
  useQuery({
    queryKey: portalKeys.shipments,
    queryFn: ({ signal }) => api.get<Page<PortalShipmentDto>>('/api/portal/shipments', { limit: 200 }, signal),
    select: (d) => d.items,
  });

/** Own POs: parents with their segments (the day each is stamped). */
export const usePortalOrders = () =>
  useQuery({
    queryKey: portalKeys.orders,
    queryFn: ({ signal }) => api.get<Page<PoDto>>('/api/portal/orders', { limit: 200 }, signal),
    select: (d) => d.items,
  });

export const usePortalRequests = () =>
  useQuery({
    queryKey: portalKeys.requests,
    queryFn: ({ signal }) => api.get<Items<PoRequestDto>>('/api/portal/requests', undefined, signal),
    select: (d) => d.items,
  });

export const usePortalOutbounds = () =>
  useQuery({
    queryKey: portalKeys.outbounds,
    queryFn: ({ signal }) => api.get<Items<OutboundRow>>('/api/portal/outbounds', undefined, signal),
    select: (d) => d.items,
  });

/** Good quantity still available per variant of one own shipment. */
export const usePortalAvailability = (shipmentId: string | null) =>
  useQuery({
    queryKey: portalKeys.availability(shipmentId ?? ''),
    queryFn: ({ signal }) => api.get<Items<AvailabilityDto>>(`/api/portal/shipments/${shipmentId}/availability`, undefined, signal),
    select: (d) => d.items,
    enabled: shipmentId !== null,
  });

/** Active tax regions: the request grid's columns. */
export const usePortalRegions = (enabled = true) =>
  useQuery({
    queryKey: portalKeys.regions,
    queryFn: ({ signal }) => api.get<Items<PortalRegionDto>>('/api/portal/regions', undefined, signal),
    select: (d) => d.items,
    staleTime: 60_000,
    enabled,
  });

/** Production days that can be requested: working days with capacity, the next four weeks. */
export const useSlots = (enabled = true) =>
  useQuery({
    queryKey: portalKeys.slots,
    queryFn: ({ signal }) => api.get<Items<SlotDto>>('/api/portal/slots', undefined, signal),
    select: (d) => d.items,
    enabled,
  });

/**
 * Submits a request and resolves only on the server's 201: nothing is shown as done before it.
 * The caller owns the Idempotency-Key (kept with the draft), so a retry is applied at most once.
 */
export function useSubmitRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: CreateRequestInput; key: string }) => request<PoRequestDto>('POST', '/api/portal/requests', { body: input, idempotencyKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.all }),
  });
}

/** Accept or decline the plant's proposal on a modified request. */
export function useAnswerProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer, key }: { id: string; answer: 'accept' | 'decline'; key: string }) =>
      request<PoRequestDecision>('POST', `/api/portal/requests/${id}/${answer}`, { idempotencyKey: key }),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.all }),
  });
}

export const receiptUrl = (id: string): string => `/api/portal/requests/${id}/receipt.pdf`;
