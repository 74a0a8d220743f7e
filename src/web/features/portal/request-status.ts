import type { PoRequestDto } from '../../../contracts/stamping-run';

export type RequestStatus = PoRequestDto['status'];

/** How a request's status reads on both sides (the portal and the plant's inbox). */
export const REQUEST_STATUS: Record<RequestStatus, { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'yellow' },
  modified: { label: 'Changes proposed', color: 'orange' },
  approved: { label: 'Approved', color: 'teal' },
  declined: { label: 'Declined', color: 'gray' },
  rejected: { label: 'Rejected', color: 'red' },
};

export const isOpenRequest = (r: Pick<PoRequestDto, 'status'>): boolean => r.status === 'pending' || r.status === 'modified';
