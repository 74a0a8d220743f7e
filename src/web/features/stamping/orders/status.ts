import type { PoDto, PoStatus } from './api';

export const PO_STATUS: Record<PoStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'blue' },
  in_production: { label: 'In production', color: 'violet' },
  pending_verification: { label: 'Pending verification', color: 'orange' },
  completed: { label: 'Completed', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export const PO_STATUS_FILTERS = [
  { value: 'all', label: 'All' },
  ...(Object.entries(PO_STATUS) as Array<[PoStatus, { label: string }]>).map(([value, s]) => ({ value, label: s.label })),
];

/** What the server allows per state (see server po-states.ts); screens hide what it would refuse. */
export const isFinished = (po: Pick<PoDto, 'status'>): boolean => po.status === 'completed' || po.status === 'cancelled';
export const canSchedule = (po: PoDto): boolean => (po.status === 'open' || po.status === 'in_production') && po.segments.length === 0;
export const canEditLines = (po: PoDto): boolean => !isFinished(po) && po.segments.length === 0;
/** Only an open PO that is neither a segment nor already split can be split (or auto-split). */
export const canSplit = (po: PoDto): boolean => po.status === 'open' && po.parentId === null && po.segments.length === 0;
