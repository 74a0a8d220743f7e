import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Items, Page } from '../../../api/types';
import type { AvailabilityDto, CalendarDto, PoDto, PoResult, PoStatus, ShipmentDto } from '../../../../contracts/stamping';
import type { CapacityWarning, DayDto, SiteDto } from '../../../../contracts/planning';
import { orderKeys } from './keys';

export type { AvailabilityDto, CalendarDto, CapacityWarning, DayDto, PoDto, PoResult, PoStatus, ShipmentDto, SiteDto };
export type CalendarDay = CalendarDto['days'][number];
export type CalendarPo = CalendarDay['pos'][number];

/** The calendar of the stamping line between two days; the previous range stays while the next loads. */
export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: orderKeys.calendar(from, to),
    queryFn: ({ signal }) => api.get<CalendarDto>('/api/stamping/calendar', { from, to }, signal),
    placeholderData: keepPreviousData,
  });
}

export interface PoFilter {
  status?: PoStatus;
  q?: string;
}

/** Top-level POs (segments show inside their parent), newest first. */
export function usePoList(filter: PoFilter) {
  return useInfiniteQuery({
    queryKey: orderKeys.list({ ...filter }),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PoDto>>('/api/stamping/orders', { limit: 50, topLevel: 'true', ...filter, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Open POs with no day: not booked, and not a parent whose segments carry the days. */
export function useUnscheduled() {
  return useQuery({
    queryKey: orderKeys.unscheduled,
    queryFn: ({ signal }) => api.get<Page<PoDto>>('/api/stamping/orders', { status: 'open', limit: 200 }, signal),
    select: (d) => d.items.filter((p) => p.day === null && p.segments.length === 0),
  });
}

export function usePo(id: string | null) {
  return useQuery({
    queryKey: orderKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<PoDto>(`/api/stamping/orders/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

/** Only inventoried shipments can source a PO. */
export function useInventoriedShipments(enabled = true) {
  return useQuery({
    queryKey: orderKeys.shipments,
    queryFn: ({ signal }) => api.get<Page<ShipmentDto>>('/api/stamping/shipments', { status: 'inventoried', limit: 200 }, signal),
    select: (d) => d.items,
    enabled,
  });
}

/** What each product of a shipment still has available (good quantity less every live PO). */
export function useAvailability(shipmentId: string | null) {
  return useQuery({
    queryKey: orderKeys.availability(shipmentId ?? ''),
    queryFn: ({ signal }) => api.get<Items<AvailabilityDto>>(`/api/stamping/shipments/${shipmentId}/availability`, undefined, signal),
    select: (d) => d.items,
    enabled: shipmentId !== null,
  });
}

export function useSite(siteId: string | null) {
  return useQuery({
    queryKey: orderKeys.sites,
    queryFn: ({ signal }) => api.get<Items<SiteDto>>('/api/planning/sites', undefined, signal),
    select: (d) => d.items.find((s) => s.id === siteId) ?? null,
    enabled: siteId !== null,
  });
}

export function useSiteDays(siteId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: orderKeys.siteDays(siteId ?? '', from, to),
    queryFn: ({ signal }) => api.get<Items<DayDto>>(`/api/planning/sites/${siteId}/days`, { from, to }, signal),
    select: (d) => d.items,
    enabled: siteId !== null,
  });
}
