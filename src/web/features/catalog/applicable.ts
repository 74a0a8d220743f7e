import type { ItemDto } from '../../api/types';

/**
 * The attributes a variant of the item takes: all of them, or for a staged item the stage
 * attribute and those its stage rules name (every one when the stage has no rule). Mirrors the
 * server's check, so the form asks only for what it will accept.
 */
export function applicableAttributes(item: Pick<ItemDto, 'attributes' | 'stageAttribute' | 'stageAttributes'>, stage: string | null): string[] {
  const all = item.attributes.map((a) => a.attribute);
  if (!item.stageAttribute) return all;
  if (!stage) return [item.stageAttribute];
  const rule = Object.entries(item.stageAttributes).find(([s]) => s.toLowerCase() === stage.toLowerCase())?.[1];
  return [item.stageAttribute, ...(rule ?? all.filter((a) => a !== item.stageAttribute))];
}
