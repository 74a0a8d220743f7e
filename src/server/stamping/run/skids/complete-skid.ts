import type { CompleteSkidResult, SkidDto } from '../../../../contracts/stamping-run';
import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { mapConstraints } from '../../../kernel/pg-errors';
import { newId } from '../../../kernel/ids';
import { lockRunPo, type PoRowLocked } from '../../orders/po-row';
import { getSkid, lockSkidLabels, nextSkidSeq, skidLabel } from './queries';
import { consigneeLocation, moveStampedGoods } from './move-goods';
import { requirePutAwayPlace } from './put-away-places';
import { groupBy } from './group-by';

/** A new skid of a PO: the lowest free number, its label and place. */
export async function insertSkid(cmd: CommandTx, po: PoRowLocked, locationId: string): Promise<string> {
  await requirePutAwayPlace(cmd, locationId);
  await lockSkidLabels(cmd, po.number);
  const seq = await nextSkidSeq(cmd, po);
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
 * which keeps its place and now counts them too (`po:skid-extended`). A box is one thing on the
 * floor: lines of a mixed box stamped after the box went onto a skid join that skid, wherever the
 * rest goes. Answers the skid the rest went to (or, when every line joined its box, that skid),
 * saying whether it was made now or `appended` to, and which other skids lines `joined`: a
 * station that asked for a new skid must not be told one was completed when none was.
 */
export function completeSkid(ctx: Ctx, poId: string, input: { locationId?: string; appendToSkidId?: string }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.complete-skid', input: { poId, ...input }, idempotencyKey, status: 201 }, async (cmd): Promise<CompleteSkidResult> => {
    const po = await lockRunPo(cmd, poId);
    const staged = await cmd.query<{ id: string; home: string | null }>(
      `select rb.id, (select o.skid_id from run_box o where o.po_id = rb.po_id and o.box_id = rb.box_id and o.skid_id is not null limit 1) as home
       from run_box rb where rb.po_id = $1 and rb.skid_id is null order by rb.confirmed_at for update of rb`,
      [poId],
    );
    if (staged.length === 0) throw new DomainError('stamping.nothing_staged', 'No confirmed boxes are waiting for a skid.');
    const joining = staged.filter((s) => s.home);
    const rest = staged.filter((s) => !s.home).map((s) => s.id);
    const homes: SkidDto[] = [];
    for (const [home, rows] of groupBy(joining, (s) => s.home!)) homes.push(await putOnSkid(cmd, po, home, rows.map((r) => r.id), 'appended'));
    const others = (skid: SkidDto) => homes.filter((h) => h.id !== skid.id).map((h) => h.label);
    if (rest.length === 0) return { ...homes[0]!, appended: true, joined: others(homes[0]!) };
    const skidId = input.appendToSkidId ? (await getSkid(cmd, poId, input.appendToSkidId, 'appendToSkidId')).id : await insertSkid(cmd, po, input.locationId!);
    const skid = await putOnSkid(cmd, po, skidId, rest, input.appendToSkidId ? 'appended' : 'added');
    return { ...skid, appended: Boolean(input.appendToSkidId), joined: others(skid) };
  });
}

/** Staged box lines onto a skid: an amendment each, their stamped units moved to its place, audited and announced. */
async function putOnSkid(cmd: CommandTx, po: PoRowLocked, skidId: string, ids: string[], kind: 'added' | 'appended') {
  await cmd.query('update run_box set skid_id = $2 where id = any($1::uuid[])', [ids, skidId]);
  await cmd.query(
    `insert into skid_amendment (id, skid_id, run_box_id, kind, by_user) select x.id, $1, x.rb, $2, $3 from unnest($4::uuid[], $5::uuid[]) as x(id, rb)`,
    [skidId, kind, cmd.actor.userId, ids.map(() => newId()), ids],
  );
  const skid = await getSkid(cmd, po.id, skidId);
  await moveStampedGoods(cmd, ids, await consigneeLocation(cmd, po.id), skid.locationId, `${skid.label} put away`);
  cmd.audit({ entityType: 'skid', entityId: skidId, after: { label: skid.label, place: skid.locationPath, boxes: skid.boxes, stamped: skid.stamped, [kind]: ids.length } });
  cmd.emit({
    topic: kind === 'appended' ? 'stamping.po-skid-extended' : 'stamping.po-skid-completed',
    summary: `${cmd.actor.label} ${kind === 'appended' ? 'extended' : 'completed'} ${skid.label} (${skid.boxes} boxes)`,
    payload: { poId: po.id, skidId, label: skid.label }, permission: 'stamping.read', customerId: po.customer_id,
  });
  return skid;
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
