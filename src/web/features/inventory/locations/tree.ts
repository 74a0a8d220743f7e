import type { LocationDto } from '../../../api/types';

/**
 * Locations in tree order (each followed by its children) with their depth. Sorting by path
 * alone would put a top-level `MAIN-X` between `MAIN` and `MAIN/MAIN-A`; walking parents does not.
 */
export function treeOrder(locations: LocationDto[]): Array<{ location: LocationDto; depth: number }> {
  const ids = new Set(locations.map((l) => l.id));
  const children = new Map<string | null, LocationDto[]>();
  for (const l of locations) {
    const parent = l.parentId && ids.has(l.parentId) ? l.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), l]);
  }
  const out: Array<{ location: LocationDto; depth: number }> = [];
  const walk = (parent: string | null, depth: number) => {
    for (const l of children.get(parent) ?? []) {
      out.push({ location: l, depth });
      walk(l.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
