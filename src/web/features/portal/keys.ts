/**
 * Query keys of the customer portal, under one prefix: any stamping event a customer receives
 * (only their own) refreshes the whole portal (see live/invalidate.ts).
 */
export const portalKeys = {
  all: ['portal'] as const,
  shipments: ['portal', 'shipments'] as const,
  availability: (shipmentId: string) => ['portal', 'availability', shipmentId] as const,
  orders: ['portal', 'orders'] as const,
  requests: ['portal', 'requests'] as const,
  outbounds: ['portal', 'outbounds'] as const,
  slots: ['portal', 'slots'] as const,
  regions: ['portal', 'regions'] as const,
};
