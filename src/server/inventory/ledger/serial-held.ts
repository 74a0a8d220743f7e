import { DomainError } from '../../kernel/errors';
import { refuseOnConstraint } from '../../kernel/pg-errors';

/**
 * Words the refusal of migration 0021: an ordinary posting would take a key below the serial units
 * in stock there. Those units leave by their own events (move, deliver, defect), naming the unit.
 */
refuseOnConstraint('stock_serial_units_held', (detail) => {
  const d = JSON.parse(detail ?? '{}') as { variant?: string; location?: string; lot?: string | null; held?: string; left?: string };
  const where = `${d.variant} at ${d.location}${d.lot ? `, lot ${d.lot}` : ''} (good)`;
  return new DomainError(
    'inventory.insufficient_stock',
    `${where} holds ${d.held} serial unit${d.held === '1' ? '' : 's'} in stock; this posting would leave ${d.left}. Move, deliver or scrap serial units by their own events instead.`,
    { key: { variant: d.variant, location: d.location, lot: d.lot ?? null, grade: 'good' }, heldBySerials: d.held, left: d.left },
  );
});
