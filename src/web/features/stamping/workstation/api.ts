import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../../../api/client';
import type { Items } from '../../../api/types';
import type {
  ConfirmResult, DayCountersDto, OutboundDto, PutAwayPlaceDto, QueueBoxDto, RunBoxDto, RunDto, ScanBoxDto, ScanLineDto, SkidAmendmentDto, SkidDto, WorkstationDto,
} from '../../../../contracts/stamping-run';
import { runKeys } from './keys';

export type { RunBoxDto, ScanBoxDto, SkidAmendmentDto, SkidDto };
export type Workstation = z.infer<typeof WorkstationDto>;
export type QueuePo = Workstation['queue'][number];
export type RegionCounter = z.infer<typeof DayCountersDto>['regions'][number];
export type Run = z.infer<typeof RunDto>;
export type QueueBox = z.infer<typeof QueueBoxDto>;
export type ScanLine = z.infer<typeof ScanLineDto>;
export type ConfirmResultDto = z.infer<typeof ConfirmResult>;
export type Outbound = z.infer<typeof OutboundDto>;
export type SkidDetail = SkidDto & { items: RunBoxDto[]; amendments: SkidAmendmentDto[] };

/** The day's queue and counters; `day` null is the server's today. */
export function useWorkstation(day: string | null) {
  return useQuery({
    queryKey: runKeys.workstation(day),
    queryFn: ({ signal }) => api.get<Workstation>('/api/stamping/workstation', { day }, signal),
  });
}

export function useRun(poId: string | null) {
  return useQuery({
    queryKey: runKeys.run(poId ?? ''),
    queryFn: ({ signal }) => api.get<Run>(`/api/stamping/orders/${poId}/run`, undefined, signal),
    enabled: poId !== null,
  });
}

/** Resolves a scanned number (a brand filter picks between brands), or reopens a resolved box by id. */
export const scanBox = (poId: string, scanned: { boxNo?: number; boxId?: string; brandId?: string | null }) =>
  request<ScanBoxDto>('GET', `/api/stamping/orders/${poId}/scan`, { query: { boxNo: scanned.boxNo, boxId: scanned.boxId, brandId: scanned.brandId ?? undefined } });

export function useSkid(poId: string, skidId: string | null) {
  return useQuery({
    queryKey: runKeys.skid(poId, skidId ?? ''),
    queryFn: ({ signal }) => api.get<SkidDetail>(`/api/stamping/orders/${poId}/skids/${skidId}`, undefined, signal),
    enabled: skidId !== null,
  });
}

/** Zones and slots a skid can be put away at, in path order (the server decides which). */
export function usePutAwayPlaces(enabled = true) {
  return useQuery({
    queryKey: runKeys.places,
    queryFn: async ({ signal }) => (await api.get<Items<z.infer<typeof PutAwayPlaceDto>>>('/api/stamping/put-away-places', {}, signal)).items,
    staleTime: 60_000,
    enabled,
  });
}

export const skidLabelUrl = (poId: string, skidId: string) => `/api/stamping/orders/${poId}/skids/${skidId}/label.pdf`;
