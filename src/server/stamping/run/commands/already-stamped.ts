import type { CommandTx } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';

/** A box line as far as "is it stamped already?" goes; `stamped_for` is the order that stamped it. */
export interface StampedLine { id: string; stamped: boolean; brand: string; box_no: number; stamped_for: string | null }

interface Requested { boxId: string; lines: Array<{ boxLineId: string }> }

/** The refusal of a box line stamped before: 409, naming the order that stamped it when known. */
export const stampedError = (line: Pick<StampedLine, 'brand' | 'box_no' | 'stamped_for'>, field?: string) =>
  new DomainError('stamping.box_line_stamped', `${line.brand} #${line.box_no} is already stamped${line.stamped_for ? ` (${line.stamped_for})` : ''}.`,
    field ? { errors: [{ field, message: 'already stamped' }] } : {});

/** Refuses a confirmation naming a box line that is already stamped (by this order or another). */
export function refuseStamped(lines: StampedLine[], input: Requested): void {
  const i = input.lines.findIndex((l) => lines.some((x) => x.id === l.boxLineId && x.stamped));
  if (i < 0) return;
  const line = lines.find((x) => x.id === input.lines[i]!.boxLineId)!;
  throw stampedError(line, `lines.${i}.boxLineId`);
}

/**
 * `refuseStamped` on the box lines as committed now, in a statement of its own. A confirm that
 * waited on the PO's row lock read the box in the snapshot its statement began with: PostgreSQL
 * reads the locked row again once the lock is granted, but not the rest, so a rival's run rows
 * committed meanwhile are only seen by a later statement.
 */
export async function refuseStampedNow(cmd: CommandTx, input: Requested): Promise<void> {
  const now = await cmd.query<StampedLine>(
    `select bl.id, br.name as brand, b.box_no, true as stamped, p.number as stamped_for
     from shipment_box_line bl join shipment_box b on b.id = bl.box_id join brand br on br.id = b.brand_id
     join run_box rb on rb.box_line_id = bl.id join production_order p on p.id = rb.po_id
     where b.id = $1 and bl.id = any($2::uuid[])`,
    [input.boxId, input.lines.map((l) => l.boxLineId)],
  );
  refuseStamped(now, input);
}
