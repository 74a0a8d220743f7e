/**
 * Query keys of production orders and the capacity calendar, all under one prefix so a live
 * `stamping.po-*` or `planning.*` event refreshes the whole page at once (see live/invalidate.ts).
 */
export const orderKeys = {
  all: ['stamping', 'orders'] as const,
  calendar: (from: string, to: string) => ['stamping', 'orders', 'calendar', from, to] as const,
  list: (filter: Record<string, unknown>) => ['stamping', 'orders', 'list', filter] as const,
  unscheduled: ['stamping', 'orders', 'unscheduled'] as const,
  one: (id: string) => ['stamping', 'orders', 'one', id] as const,
  /** inventoried shipments, the New PO form's sources */
  shipments: ['stamping', 'orders', 'shipments'] as const,
  availabilityAll: ['stamping', 'orders', 'availability'] as const,
  availability: (shipmentId: string) => ['stamping', 'orders', 'availability', shipmentId] as const,
  sites: ['stamping', 'orders', 'sites'] as const,
  siteDays: (siteId: string, from: string, to: string) => ['stamping', 'orders', 'site-days', siteId, from, to] as const,
};
