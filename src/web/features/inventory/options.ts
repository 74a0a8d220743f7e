import type { SerialDto } from '../../api/types';

export const ADJUSTMENT_REASONS = [
  { value: 'damaged', label: 'Damaged' },
  { value: 'found', label: 'Found' },
  { value: 'expired', label: 'Expired' },
  { value: 'correction', label: 'Correction' },
  { value: 'other', label: 'Other' },
];

export const KIND_FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'material', label: 'Material' },
  { value: 'product', label: 'Product' },
  { value: 'consumable', label: 'Consumable' },
];

export const DOCUMENT_LABELS: Record<string, string> = {
  receipt: 'Receipt',
  issue: 'Issue',
  transfer: 'Transfer',
  adjustment: 'Adjustment',
  count: 'Count',
  production: 'Production',
  return: 'Return',
};

export const DOCUMENT_COLORS: Record<string, string> = {
  receipt: 'teal',
  issue: 'orange',
  transfer: 'blue',
  adjustment: 'grape',
  count: 'indigo',
  production: 'lime',
  return: 'cyan',
};

export const LOCATION_KIND_COLORS: Record<string, string> = {
  warehouse: 'indigo',
  zone: 'blue',
  slot: 'cyan',
  supplier: 'teal',
  transit: 'yellow',
  customer: 'grape',
  production: 'orange',
  scrap: 'red',
};

type SerialStatus = SerialDto['status'];

export const SERIAL_STATUS: Record<SerialStatus, { label: string; color: string }> = {
  in_production: { label: 'In production', color: 'blue' },
  in_stock: { label: 'In stock', color: 'teal' },
  defective: { label: 'Defective', color: 'red' },
  rework: { label: 'Rework', color: 'orange' },
  scrapped: { label: 'Scrapped', color: 'gray' },
  delivered: { label: 'Delivered', color: 'grape' },
};

/** Label and colour of a status, tolerating one this client does not know yet. */
export const serialStatus = (status: string): { label: string; color: string } =>
  SERIAL_STATUS[status as SerialStatus] ?? { label: status.replaceAll('_', ' '), color: 'gray' };

/** The serial table's filter; "defects" is the API's group of defective, rework and scrapped. */
export const SERIAL_FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'in_stock', label: 'In stock' },
  { value: 'in_production', label: 'In production' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'defects', label: 'Defects' },
];

/** A document's state; transfers shipped through transit wait `in_transit` until received. */
export const DOCUMENT_STATUS: Record<string, { label: string; color: string }> = {
  posted: { label: 'Posted', color: 'teal' },
  in_transit: { label: 'In transit', color: 'yellow' },
  received: { label: 'Received', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

export const RESERVATION_STATUS: Record<string, { label: string; color: string }> = {
  active: { label: 'Active', color: 'blue' },
  consumed: { label: 'Consumed', color: 'teal' },
  released: { label: 'Released', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
};

export const RESERVATION_FILTERS = [
  { value: 'active', label: 'Active' },
  { value: 'all', label: 'All' },
  { value: 'consumed', label: 'Consumed' },
  { value: 'released', label: 'Released' },
  { value: 'expired', label: 'Expired' },
];
