/**
 * Query keys of the stamp run (workstation, a PO's run and skids, verification, outbounds), all
 * under one prefix so a live run event refreshes the station at once (see live/invalidate.ts).
 */
export const runKeys = {
  all: ['stamping', 'run'] as const,
  workstationAll: ['stamping', 'run', 'workstation'] as const,
  workstation: (day: string | null) => ['stamping', 'run', 'workstation', day ?? 'today'] as const,
  run: (poId: string) => ['stamping', 'run', 'po', poId] as const,
  skid: (poId: string, skidId: string) => ['stamping', 'run', 'skid', poId, skidId] as const,
  verification: (poId: string) => ['stamping', 'run', 'verification', poId] as const,
  outbounds: (customerId: string) => ['stamping', 'run', 'outbounds', customerId] as const,
  /** put-away places live under the locations prefix: a `location.*` event refreshes them */
  places: ['locations', 'put-away'] as const,
};
