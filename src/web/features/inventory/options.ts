import type { SerialDto } from '../../api/types';

/** The ledger's grades (the `grade` table's seeded rows). */
export const GRADES = [
  { value: 'good', label: 'Good' },
  { value: 'rework', label: 'Rework' },
  { value: 'defective', label: 'Defective' },
  { value: 'damaged', label: 'Damaged' },
];

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
};

export const DOCUMENT_COLORS: Record<string, string> = {
  receipt: 'teal',
  issue: 'orange',
  transfer: 'blue',
  adjustment: 'grape',
  count: 'indigo',
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

export const gradeLabel = (grade: string): string => GRADES.find((g) => g.value === grade)?.label ?? grade;
