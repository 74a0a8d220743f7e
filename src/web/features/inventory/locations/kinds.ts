import type { LocationDto } from '../../../api/types';

export type LocationKind = LocationDto['kind'];

/** Every kind of place, as the New location dialog offers them. */
export const LOCATION_KINDS: Array<{ value: LocationKind; label: string; description: string }> = [
  { value: 'warehouse', label: 'Warehouse', description: 'Where stock is stored; divided into zones and slots' },
  { value: 'zone', label: 'Zone', description: 'An area inside a warehouse (an aisle, a cold room)' },
  { value: 'slot', label: 'Slot', description: 'A shelf, bin or bay inside a warehouse or zone' },
  { value: 'production', label: 'Production', description: 'A line or station where goods are made' },
  { value: 'transit', label: 'Transit', description: 'Stock shipped and not yet received' },
  { value: 'supplier', label: 'Supplier', description: "A supplier's or subcontractor's site" },
  { value: 'customer', label: 'Customer', description: "A customer's site: delivered goods" },
  { value: 'scrap', label: 'Scrap', description: 'Written-off stock' },
];

/**
 * The places a location of `kind` may sit inside, as the server allows: zones and slots divide a
 * warehouse (or one of its zones); any other place sits only inside one of its own kind.
 */
export function parentsFor(kind: LocationKind, locations: LocationDto[]): LocationDto[] {
  if (kind === 'zone' || kind === 'slot') return locations.filter((l) => l.kind === 'warehouse' || l.kind === 'zone');
  return locations.filter((l) => l.kind === kind);
}

/** What a place added inside `parent` most likely is: a zone in a warehouse, a slot in a zone. */
export function childKindOf(parent: LocationKind): LocationKind {
  if (parent === 'warehouse') return 'zone';
  if (parent === 'zone') return 'slot';
  return parent;
}
