import type { PoStatus } from '../../../contracts/stamping';
import { DomainError } from '../../kernel/errors';

/**
 * The production-order state machine, declared once: commands ask it, screens render from it.
 * Open → In Production → Pending Verification → Completed; Cancelled from any state before
 * Completed. A re-verification (a line increased while pending) goes back to In Production.
 */
export const PO_TRANSITIONS: Record<PoStatus, readonly PoStatus[]> = {
  open: ['in_production', 'cancelled'],
  in_production: ['pending_verification', 'cancelled'],
  pending_verification: ['completed', 'in_production', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Statuses whose units count as allocated on the shipment. */
export const ALLOCATING: readonly PoStatus[] = ['open', 'in_production', 'pending_verification', 'completed'];

/** Statuses in which a PO still waits for the line and can be (re)scheduled. */
export const SCHEDULABLE: readonly PoStatus[] = ['open', 'in_production'];

export function assertTransition(number: string, from: PoStatus, to: PoStatus): void {
  if (from === 'completed') throw frozen(number);
  if (!PO_TRANSITIONS[from].includes(to)) {
    throw new DomainError('state.illegal_transition', `${number} is ${from.replace('_', ' ')}; it cannot become ${to.replace('_', ' ')}.`, { currentStatus: from });
  }
}

export const frozen = (number: string) =>
  new DomainError('stamping.po_frozen', `${number} is completed; it can no longer change.`, { currentStatus: 'completed' });

/**
 * A split parent's status from its segments: Completed only when every segment that was not
 * cancelled is; Cancelled when all are; otherwise as far as its least advanced segment allows.
 */
export function rollUp(segments: readonly PoStatus[]): PoStatus {
  const live = segments.filter((s) => s !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.every((s) => s === 'completed')) return 'completed';
  if (live.every((s) => s === 'completed' || s === 'pending_verification')) return 'pending_verification';
  if (live.some((s) => s !== 'open')) return 'in_production';
  return 'open';
}
