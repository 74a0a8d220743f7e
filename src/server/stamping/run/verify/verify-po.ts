import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { localDay, shrinkBooking } from '../../../planning';
import { RUN_TYPE } from '../../orders/queries/get-po';
import { getPo } from '../../orders/queries/get-po';
import { assertTransition } from '../../orders/po-states';
import { lockRunPo, type PoRowLocked } from '../../orders/po-row';
import { rollUpParent } from '../../orders/rollup';
import { overAuthorised } from '../../../../contracts/stamping-run';
import { getVerification, stagedBlocker } from './verification';

/**
 * Verify & Complete, the four-eyes gate: a user who stamped the PO cannot verify it; more stamped
 * than authorised is refused until the line is increased. Completing freezes the PO, keeps the
 * found-damaged figures with the verification, makes its stamp issues final (its unstamped rest
 * no longer reserves stamps) and files it on today's outbound of its consignee.
 */
export function verifyPo(ctx: Ctx, poId: string, input: { note?: string | null }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.verify-po', input: { poId, ...input }, idempotencyKey }, async (cmd) => {
    const po = await lockRunPo(cmd, poId);
    assertTransition(po.number, po.status, 'completed');
    const v = await getVerification(cmd, poId, cmd.actor.userId);
    if (cmd.actor.userId && (await stampedBy(cmd, poId, cmd.actor.userId))) {
      throw new DomainError('stamping.four_eyes', `You stamped ${po.number}; a second user must verify it.`);
    }
    if (v.stagedBoxes > 0) throw new DomainError('stamping.boxes_not_on_skid', stagedBlocker(v.stagedBoxes), { boxes: v.stagedBoxes });
    const over = v.lines.filter(overAuthorised);
    if (over.length) throw new DomainError('stamping.over_estimate', v.blockers.find((b) => b.includes('authorised')) ?? 'More stamped than authorised.', { lines: over.map((l) => l.poLineId) });
    await cmd.query('insert into po_verification (id, po_id, verified_by, lines, note) values ($1, $2, $3, $4, $5)', [newId(), poId, cmd.actor.userId, JSON.stringify(v.lines), input.note ?? null]);
    await cmd.query(
      `update production_order set status = 'completed', completed_at = now(), completed_by = $2, reverification_required = false, updated_at = now() where id = $1`,
      [poId, cmd.actor.userId],
    );
    // what was left unstamped is not production any more: it stops holding the day's capacity
    await shrinkBooking(cmd, RUN_TYPE, poId, '0');
    const outbound = await fileOnOutbound(cmd, po);
    if (po.parent_id) await rollUpParent(cmd, po.parent_id);
    cmd.audit({ entityType: 'production_order', entityId: poId, before: { status: po.status }, after: { status: 'completed', verification: v.lines, outbound: outbound.number, note: input.note ?? null } });
    cmd.emit({ topic: 'stamping.po-completed', summary: `${cmd.actor.label} verified and completed ${po.number}`, payload: { id: poId, outboundId: outbound.id }, permission: 'stamping.read', customerId: po.customer_id });
    return { po: await getPo(cmd, poId), outbound };
  });
}

async function stampedBy(cmd: CommandTx, poId: string, userId: string): Promise<boolean> {
  const rows = await cmd.query('select 1 from production_order where id = $1 and started_by = $2 union all select 1 from run_box where po_id = $1 and confirmed_by = $2 limit 1', [poId, userId]);
  return rows.length > 0;
}

/** One outbound per consignee per completion day: the first completion of the day opens it. */
async function fileOnOutbound(cmd: CommandTx, po: PoRowLocked): Promise<{ id: string; number: string; created: boolean }> {
  const day = localDay(cmd.now);
  const [created] = await cmd.query<{ id: string; number: string }>(
    `insert into outbound (id, number, customer_id, day) values ($1, 'OUT-' || lpad(nextval('outbound_seq')::text, 6, '0'), $2, $3)
     on conflict (customer_id, day) do nothing returning id, number`,
    [newId(), po.customer_id, day],
  );
  const [row] = created ? [created] : await cmd.query<{ id: string; number: string }>('select id, number from outbound where customer_id = $1 and day = $2', [po.customer_id, day]);
  await cmd.query('insert into outbound_po (outbound_id, po_id) values ($1, $2)', [row!.id, po.id]);
  if (created) {
    cmd.audit({ entityType: 'outbound', entityId: created.id, after: { number: created.number, day } });
    cmd.emit({ topic: 'stamping.outbound-created', summary: `Outbound ${created.number} opened for today's completed orders`, payload: { id: created.id }, permission: 'stamping.read', customerId: po.customer_id });
  }
  return { ...row!, created: Boolean(created) };
}
