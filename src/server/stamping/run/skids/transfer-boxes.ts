import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { invalid } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { lockRunPo } from '../../orders/po-row';
import { getSkid, listSkids } from './queries';
import { insertSkid } from './complete-skid';
import { moveStampedGoods } from './move-goods';
import { groupBy } from './group-by';

export interface TransferBoxesInput {
  runBoxIds: string[];
  toSkidId?: string;
  locationId?: string;
  reason: string;
}

/**
 * Moves selected boxes (every line of each) from their skids to another skid of the same PO (or
 * a new one) with one reason: one amendment per box line on each side, the stock moved between
 * the skids' places, and a single batch event on the shipment. A skid the transfer leaves empty is retired (number freed).
 * Answers `moved` in physical boxes (a mixed box counts once) and `lines` in box lines.
 */
export function transferBoxes(ctx: Ctx, poId: string, input: TransferBoxesInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.transfer-boxes', input: { poId, ...input }, idempotencyKey }, async (cmd) => {
    const po = await lockRunPo(cmd, poId);
    // a box moves whole: every line of a picked box goes, as the box itself does on the floor
    const boxes = await cmd.query<{ id: string; box_id: string; skid_id: string | null }>(
      `select o.id, o.box_id, o.skid_id from run_box o where o.po_id = $1
         and (o.id = any($2::uuid[]) or o.skid_id is not null and o.box_id in (select box_id from run_box where po_id = $1 and id = any($2::uuid[])))
       for update`,
      [poId, input.runBoxIds],
    );
    const missing = input.runBoxIds.findIndex((id) => !boxes.some((b) => b.id === id && b.skid_id));
    if (missing >= 0) throw invalid(`runBoxIds.${missing}`, 'not a box on a skid of this order');
    const toSkidId = input.toSkidId ? (await getSkid(cmd, poId, input.toSkidId, 'toSkidId')).id : await insertSkid(cmd, po, input.locationId!);
    const moving = boxes.filter((b) => b.skid_id !== toSkidId);
    if (moving.length === 0) throw invalid('toSkidId', 'the boxes are already on that skid');
    // moving holds box lines (a run row each); people count the boxes on the floor
    const movedBoxes = new Set(moving.map((b) => b.box_id)).size;
    const skids = new Map((await listSkids(cmd, poId)).map((s) => [s.id, s]));
    const batchId = newId();
    const target = skids.get(toSkidId)!;
    for (const [from, group] of groupBy(moving, (b) => b.skid_id!)) {
      const ids = group.map((b) => b.id);
      await moveStampedGoods(cmd, ids, skids.get(from)!.locationId, target.locationId, `${skids.get(from)!.label} → ${target.label}: ${input.reason}`);
      await cmd.query('update run_box set skid_id = $2 where id = any($1::uuid[])', [ids, toSkidId]);
      await cmd.query(
        `insert into skid_amendment (id, skid_id, run_box_id, kind, reason, batch_id, by_user)
         select x.id, x.skid, x.rb, x.kind, $1, $2, $3 from unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[]) as x(id, skid, rb, kind)`,
        [input.reason, batchId, cmd.actor.userId, ids.flatMap(() => [newId(), newId()]), ids.flatMap(() => [from, toSkidId]), ids.flatMap((id) => [id, id]), ids.flatMap(() => ['transferred_out', 'transferred_in'])],
      );
    }
    // a skid left with no box is retired: it is nowhere on the floor, and its number is free again
    const emptied = await cmd.query<{ label: string }>(
      `update skid s set deleted_at = now(), deleted_by = $3 where s.id = any($1::uuid[]) and s.id <> $2 and s.deleted_at is null
         and not exists (select 1 from run_box rb where rb.skid_id = s.id) returning s.label`,
      [[...new Set(moving.map((b) => b.skid_id!))], toSkidId, cmd.actor.userId],
    );
    const after = await getSkid(cmd, poId, toSkidId);
    cmd.audit({ entityType: 'skid', entityId: toSkidId, after: { transferBatch: batchId, boxes: movedBoxes, lines: moving.length, to: after.label, from: [...new Set(moving.map((b) => skids.get(b.skid_id!)!.label))], reason: input.reason, emptied: emptied.map((e) => e.label) } });
    // the customer hears of it too: the reason, an internal note, stays in the audit log and amendments
    cmd.emit({ topic: 'stamping.po-skid-transfer-batch', summary: `${cmd.actor.label} moved ${movedBoxes} ${movedBoxes === 1 ? 'box' : 'boxes'} to ${after.label}`, payload: { poId, shipmentId: po.shipment_id, batchId, toSkidId }, permission: 'stamping.read', customerId: po.customer_id });
    return { batchId, moved: movedBoxes, lines: moving.length, to: after, emptied: emptied.map((e) => e.label).sort() };
  });
}
