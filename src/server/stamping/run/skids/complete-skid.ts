import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { mapConstraints } from '../../../kernel/pg-errors';
import { newId } from '../../../kernel/ids';
import { lockRunPo, type PoRowLocked } from '../../orders/po-row';
import { getSkid, nextSkidSeq, skidLabel } from './queries';
import { consigneeLocation, moveStampedGoods } from './move-goods';
import { requirePutAwayPlace } from './put-away-places';

/** A new skid of a PO: the lowest free number, its label and place. */
export async function insertSkid(cmd: CommandTx, po: PoRowLocked, locationId: string): Promise<string> {
  await requirePutAwayPlace(cmd, locationId);
  const seq = await nextSkidSeq(cmd, po.id);
  const id = newId();
  await mapConstraints(
    () => cmd.query('insert into skid (id, po_id, seq, label, location_id, created_by) values ($1, $2, $3, $4, $5, $6)', [id, po.id, seq, skidLabel(po.number, seq), locationId, cmd.actor.userId]),
    { skid_label: () => new DomainError('state.conflict', `Skid label ${skidLabel(po.number, seq)} is in use.`) },
  );
  return id;
}

/**
 * Commits the boxes staged since the last skid: onto a new skid `SK-<PO>-NN` put away at a zone
 * or slot (a ledger transfer of their stamped units), or appended to an existing skid of the PO,
 * which keeps its place and now counts them too (`po:skid-extended`).
 */
export function completeSkid(ctx: Ctx, poId: string, input: { locationId?: string; appendToSkidId?: string }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.complete-skid', input: { poId, ...input }, idempotencyKey, status: 201 }, async (cmd) => {
    const po = await lockRunPo(cmd, poId);
    const staged = await cmd.query<{ id: string }>('select id from run_box where po_id = $1 and skid_id is null order by confirmed_at for update', [poId]);
    if (staged.length === 0) throw new DomainError('stamping.nothing_staged', 'No confirmed boxes are waiting for a skid.');
    const ids = staged.map((s) => s.id);
    let skidId: string;
    if (input.appendToSkidId) {
      skidId = (await getSkid(cmd, poId, input.appendToSkidId, 'appendToSkidId')).id;
    } else {
      skidId = await insertSkid(cmd, po, input.locationId!);
    }
    await cmd.query('update run_box set skid_id = $2 where id = any($1::uuid[])', [ids, skidId]);
    const kind = input.appendToSkidId ? 'appended' : 'added';
    await cmd.query(
      `insert into skid_amendment (id, skid_id, run_box_id, kind, by_user) select x.id, $1, x.rb, $2, $3 from unnest($4::uuid[], $5::uuid[]) as x(id, rb)`,
      [skidId, kind, cmd.actor.userId, ids.map(() => newId()), ids],
    );
    const skid = await getSkid(cmd, poId, skidId);
    await moveStampedGoods(cmd, ids, await consigneeLocation(cmd, poId), skid.locationId, `${skid.label} put away`);
    cmd.audit({ entityType: 'skid', entityId: skidId, after: { label: skid.label, place: skid.locationPath, boxes: skid.boxes, stamped: skid.stamped, [kind]: ids.length } });
    cmd.emit({
      topic: input.appendToSkidId ? 'stamping.po-skid-extended' : 'stamping.po-skid-completed',
      summary: `${cmd.actor.label} ${input.appendToSkidId ? 'extended' : 'completed'} ${skid.label} (${skid.boxes} boxes)`,
      payload: { poId, skidId, label: skid.label }, permission: 'stamping.read', customerId: po.customer_id,
    });
    return skid;
  });
}

/** Deletes a skid: its boxes go back to staged and its goods back to the consignee's place; its number is free again. */
export function deleteSkid(ctx: Ctx, poId: string, skidId: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.delete-skid', input: { poId, skidId }, idempotencyKey }, async (cmd) => {
    const po = await lockRunPo(cmd, poId);
    const skid = await getSkid(cmd, poId, skidId);
    const boxes = await cmd.query<{ id: string }>('select id from run_box where skid_id = $1', [skidId]);
    await moveStampedGoods(cmd, boxes.map((b) => b.id), skid.locationId, await consigneeLocation(cmd, poId), `${skid.label} deleted`);
    await cmd.query('update run_box set skid_id = null where skid_id = $1', [skidId]);
    await cmd.query('update skid set deleted_at = now(), deleted_by = $2 where id = $1', [skidId, cmd.actor.userId]);
    cmd.audit({ entityType: 'skid', entityId: skidId, before: { label: skid.label, boxes: skid.boxes }, after: { deleted: true } });
    cmd.emit({ topic: 'stamping.po-skid-deleted', summary: `${cmd.actor.label} deleted ${skid.label}`, payload: { poId, skidId }, permission: 'stamping.read', customerId: po.customer_id });
    return { id: skidId, label: skid.label, deleted: true };
  });
}
