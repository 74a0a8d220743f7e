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
};
