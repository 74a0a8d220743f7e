/**
 * Query keys of shipments and receiving. Availability sits under its own prefix: every stamping
 * event (a box received, a production order created or cancelled) can change it.
 */
export const shipmentKeys = {
  all: ['stamping', 'shipments'] as const,
  list: (filter: Record<string, unknown>) => ['stamping', 'shipments', 'list', filter] as const,
  one: (id: string) => ['stamping', 'shipments', 'one', id] as const,
  boxes: (id: string, filter: Record<string, unknown>) => ['stamping', 'shipments', 'boxes', id, filter] as const,
  received: (id: string) => ['stamping', 'shipments', 'received', id] as const,
  availabilityAll: ['stamping', 'availability'] as const,
  availability: (id: string) => ['stamping', 'availability', id] as const,
};
