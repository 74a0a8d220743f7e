import type { ShipmentStatus } from './api';

export const SHIPMENT_STATUS: Record<ShipmentStatus, { label: string; color: string }> = {
  expected: { label: 'Expected', color: 'gray' },
  receiving: { label: 'Receiving', color: 'blue' },
  inventoried: { label: 'Inventoried', color: 'teal' },
};

export const STATUS_FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'expected', label: 'Expected' },
  { value: 'receiving', label: 'Receiving' },
  { value: 'inventoried', label: 'Inventoried' },
];
