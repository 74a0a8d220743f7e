/**
 * Query keys, one place. Live events invalidate by prefix (`['users']` covers every users list),
 * so keep each area's keys under its own first element.
 */
export const keys = {
  me: ['me'] as const,
  activity: ['activity'] as const,
  users: {
    all: ['users'] as const,
    list: (filter: Record<string, unknown>) => ['users', 'list', filter] as const,
  },
  departments: ['departments'] as const,
  teams: {
    all: ['teams'] as const,
    of: (departmentId: string | null) => ['teams', departmentId ?? 'all'] as const,
  },
  customers: {
    all: ['customers'] as const,
    list: (q: string) => ['customers', 'list', q] as const,
    one: (id: string) => ['customers', 'one', id] as const,
  },
  roles: ['roles'] as const,
  audit: {
    all: ['audit'] as const,
    list: (filter: Record<string, unknown>) => ['audit', 'list', filter] as const,
  },
  tokens: ['tokens'] as const,
  stock: {
    all: ['stock'] as const,
    summary: (filter: Record<string, unknown>) => ['stock', 'summary', filter] as const,
    balances: (filter: Record<string, unknown>) => ['stock', 'balances', filter] as const,
    entries: (filter: Record<string, unknown>) => ['stock', 'entries', filter] as const,
    document: (id: string) => ['stock', 'document', id] as const,
    lotTrace: (lotId: string) => ['stock', 'trace', lotId] as const,
    reservations: (filter: Record<string, unknown>) => ['stock', 'reservations', filter] as const,
  },
  grades: ['grades'] as const,
  catalog: {
    all: ['catalog'] as const,
    items: (filter: Record<string, unknown>) => ['catalog', 'items', filter] as const,
    item: (id: string) => ['catalog', 'item', id] as const,
    variants: (itemId: string) => ['catalog', 'variants', itemId] as const,
    units: ['catalog', 'units'] as const,
    attributes: ['catalog', 'attributes'] as const,
  },
  locations: ['locations'] as const,
  lots: {
    all: ['lots'] as const,
    list: (filter: Record<string, unknown>) => ['lots', filter] as const,
  },
  serials: {
    all: ['serials'] as const,
    list: (filter: Record<string, unknown>) => ['serials', 'list', filter] as const,
    one: (id: string) => ['serials', 'one', id] as const,
  },
};
