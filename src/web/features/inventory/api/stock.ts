import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, request } from '../../../api/client';
import { keys } from '../../../api/keys';
import type { BalanceDto, Items, LotTraceDto, Page, StockDocumentDto, StockEntryDto, StockSummaryDto } from '../../../api/types';

export interface SummaryFilter {
  q?: string;
  kind?: string;
  category?: string;
  available: 'true' | 'false';
}

/** Product cards of the inventory overview, with the categories the other filters leave to pick from. */
export function useStockSummary(filter: SummaryFilter) {
  return useQuery({
    queryKey: keys.stock.summary({ ...filter }),
    queryFn: ({ signal }) => api.get<Items<StockSummaryDto> & { categories: string[] }>('/api/stock/summary', { ...filter }, signal),
    placeholderData: (previous) => previous,
  });
}

/** One item's card (the summary searched by its code, then picked by id). */
export function useItemSummary(item: { id: string; code: string } | undefined) {
  return useQuery({
    queryKey: keys.stock.summary({ q: item?.code, available: 'false' }),
    queryFn: ({ signal }) => api.get<Items<StockSummaryDto>>('/api/stock/summary', { q: item?.code, available: 'false' }, signal),
    select: (d) => d.items.find((s) => s.itemId === item?.id) ?? null,
    enabled: Boolean(item),
  });
}

export interface BalanceFilter {
  itemId?: string;
  variantId?: string;
  locationId?: string;
  lotId?: string;
  grade?: string;
  /** an ISO instant: the balances as they stood then */
  asOf?: string;
}

export function useBalances(filter: BalanceFilter) {
  return useInfiniteQuery({
    queryKey: keys.stock.balances({ ...filter }),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<BalanceDto>>('/api/stock/balances', { limit: 100, sort: 'variant', cursor: pageParam, ...filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface StockKey {
  variantId: string | null;
  locationId: string | null;
  lotId: string | null;
  grade: string;
}

/** What is on hand on one key now ("0" when it never had stock); undefined while loading. */
export function useKeyQty(key: StockKey) {
  const ready = Boolean(key.variantId && key.locationId);
  return useQuery({
    queryKey: keys.stock.balances({ key }),
    queryFn: ({ signal }) =>
      api.get<Page<BalanceDto>>(
        '/api/stock/balances',
        { variantId: key.variantId, locationId: key.locationId, lotId: key.lotId, grade: key.grade, includeZero: 'true', limit: 200 },
        signal,
      ),
    // without a lot the API does not filter by lot: keep the key that has none
    select: (d) => d.items.find((b) => b.lotId === key.lotId)?.qty ?? '0',
    enabled: ready,
  });
}

export interface EntryFilter {
  itemId?: string;
  variantId?: string;
  locationId?: string;
  /** the location and every place beneath it (a warehouse with its zones and slots) */
  underLocationId?: string;
  lotId?: string;
  grade?: string;
  /** the kind of document: receipt, issue, transfer, … */
  documentType?: string;
  from?: string;
  to?: string;
}

export function useEntries(filter: EntryFilter) {
  return useInfiniteQuery({
    queryKey: keys.stock.entries({ ...filter }),
    queryFn: ({ pageParam, signal }) => api.get<Page<StockEntryDto>>('/api/stock/entries', { limit: 50, cursor: pageParam, ...filter }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every entry the filter matches, page after page (for the CSV export). */
/** The ledger as CSV with the list's filters, every matching entry (the server streams it). */
export function fetchLedgerCsv(filter: EntryFilter): Promise<string> {
  return request<string>('GET', '/api/stock/entries/export', { query: { ...filter }, as: 'text' });
}

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: keys.stock.document(id ?? ''),
    queryFn: ({ signal }) => api.get<StockDocumentDto>(`/api/stock/documents/${id}`, undefined, signal),
    enabled: id !== null,
  });
}

/** A lot's trace: what went into it (down to receipts) and what it went into (and where that left stock). */
export function useLotTrace(lotId: string | null) {
  return useQuery({
    queryKey: keys.stock.lotTrace(lotId ?? ''),
    queryFn: ({ signal }) => api.get<LotTraceDto>(`/api/trace/lots/${lotId}`, undefined, signal),
    enabled: lotId !== null,
  });
}
