import type { CompleteSkidResult, TransferResult } from '../../../../../contracts/stamping-run';

const boxes = (n: number) => `${n} box${n === 1 ? '' : 'es'}`;

/**
 * The toast after Complete Skid, saying what happened rather than what was asked: a new skid
 * "completed", an existing one "topped up" — also when a new skid was asked for but every staged
 * line belongs to a box already on a skid, so the lines went there and no skid was made.
 */
export function completeSkidMessage(r: Pick<CompleteSkidResult, 'label' | 'boxes' | 'locationPath' | 'appended' | 'joined'>, asked: 'new' | 'append'): string {
  const where = `${boxes(r.boxes)} at ${r.locationPath}.`;
  const head = !r.appended
    ? `${r.label} completed: ${where}`
    : asked === 'new'
      ? `${r.label} topped up: the staged lines belong to boxes already on it, so no new skid was made. ${where}`
      : `${r.label} topped up: ${where}`;
  const joined = r.joined.length ? ` Lines of boxes already on ${r.joined.join(', ')} joined their boxes there.` : '';
  return head + joined;
}

/** The toast after a transfer: boxes as they are on the floor (a mixed box is one), then what was retired. */
export function transferMessage(r: Pick<TransferResult, 'moved' | 'to' | 'emptied'>): string {
  const retired = r.emptied.length ? ` ${r.emptied.join(', ')} ${r.emptied.length === 1 ? 'is' : 'are'} empty and retired.` : '';
  return `${boxes(r.moved)} moved to ${r.to.label}.${retired}`;
}

/** How many physical boxes the ticked box lines are: a picked line moves its whole box. */
export function pickedBoxes(items: ReadonlyArray<{ id: string; boxId: string }>, picked: ReadonlySet<string>): number {
  return new Set(items.filter((i) => picked.has(i.id)).map((i) => i.boxId)).size;
}
