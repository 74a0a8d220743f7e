import type { ItemDto } from '../../api/types';

export const KIND_LABELS: Record<ItemDto['kind'], string> = {
  material: 'Material',
  product: 'Product',
  consumable: 'Consumable',
  service: 'Service',
};

export const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));

/** `size: S, M, L · colour: Blue, Red` */
export const attributeSummary = (item: Pick<ItemDto, 'attributes'>): string =>
  item.attributes.map((a) => `${a.attribute}: ${a.values.join(', ')}`).join(' · ');

/** The first field error at or under `prefix` (`attributes.0.values` covers `attributes.0.values.2`). */
export function errorUnder(errors: Record<string, string>, prefix: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === prefix || k.startsWith(`${prefix}.`));
  return key === undefined ? undefined : errors[key];
}

/** The errors without those at or under `prefix`: once a field is edited, its old errors go. */
export function withoutErrorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k !== prefix && !k.startsWith(`${prefix}.`)));
}
