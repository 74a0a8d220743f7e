/**
 * Query keys of the stamp-inventory page, all under one prefix so a live event invalidates the
 * whole page at once (see live/invalidate.ts).
 */
export const stampKeys = {
  all: ['stamping', 'stamps'] as const,
  stock: (horizonDays: number) => ['stamping', 'stamps', 'stock', horizonDays] as const,
  orders: (filter: Record<string, unknown>) => ['stamping', 'stamps', 'orders', filter] as const,
  regions: ['stamping', 'stamps', 'regions'] as const,
};
