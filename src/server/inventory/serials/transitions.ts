import type { SerialEventInput } from '../../../contracts/serials';
import { SERIAL_STATUSES } from '../../../contracts/serials';

export type SerialStatus = (typeof SERIAL_STATUSES)[number];

/**
 * The serial unit's life in one table: which statuses each event may happen in, and the status it
 * leaves (null: unchanged). Commands ask it; an event in any other status is refused with 409.
 */
export const SERIAL_TRANSITIONS: Record<SerialEventInput['event'] | 'defect:scrap' | 'defect:rework', { from: readonly SerialStatus[]; to: SerialStatus | null }> = {
  stage: { from: ['in_production', 'rework'], to: 'in_production' },
  move: { from: ['in_production', 'in_stock', 'defective', 'rework'], to: null },
  defect: { from: [], to: null }, // resolved to defect:scrap or defect:rework
  'defect:scrap': { from: ['in_production', 'in_stock', 'defective', 'rework'], to: 'scrapped' },
  'defect:rework': { from: ['in_production', 'in_stock', 'defective'], to: 'rework' },
  qa_pass: { from: ['in_production'], to: 'in_stock' },
  deliver: { from: ['in_stock'], to: 'delivered' },
};

export function transitionFor(e: SerialEventInput) {
  return SERIAL_TRANSITIONS[e.event === 'defect' ? (`defect:${e.outcome}` as const) : e.event];
}
