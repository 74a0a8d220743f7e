import { KERNEL_CHECKS, type InvariantCheck } from './kernel/check';
import { checkLedger } from './inventory';

/** Every invariant `shopfloor check` proves, kernel first, then each module's. */
export const ALL_CHECKS: InvariantCheck[] = [...KERNEL_CHECKS, { name: 'stock ledger', run: checkLedger }];
