import Decimal from 'decimal.js';
import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { groupThousands } from '../../../kernel/quantity-text';
import { newId } from '../../../kernel/ids';
import { mapConstraints } from '../../../kernel/pg-errors';
import { postDocumentInTx } from '../../../inventory';
import { shrinkBooking } from '../../../planning';
import { getPo, RUN_TYPE } from '../../orders/queries/get-po';
import { lockPo, unstampedQty, type PoRowLocked } from '../../orders/po-row';
import { lockStampBalance, regionStamps } from '../stamp-stock';
import { listRunBoxes } from '../queries/run-boxes';
import { submitForVerification } from './finish-run';

export interface ConfirmBoxInput {
  boxId: string;
  lines: Array<{ boxLineId: string; regionCode: string; damagedQty: string; missingQty: string }>;
  override?: { reason: string };
}

interface BoxLine { id: string; box_id: string; variant_id: string; good_qty: string; stamped: boolean; box_no: number; brand: string }

/**
 * Confirms a stamped box: deducts its stamps per region from the stamp ledger and records what was
 * stamped on each PO line. A shortage is refused before anything is deducted, unless the operator
 * overrides with a reason (audited). Each region's stamp balance is locked first, so two stations
 * can never spend the same stamps; a box line is stamped once, ever; a retry with the same
 * idempotency key replays the first answer. The last line to reach its estimate moves the PO to
 * Pending Verification.
 */
export function confirmBox(ctx: Ctx, poId: string, input: ConfirmBoxInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.confirm-box', input: { poId, ...input }, idempotencyKey, status: 201 }, async (cmd) => {
    const po = await lockPo(cmd, poId);
    if (po.status !== 'in_production') {
      throw new DomainError('stamping.run_not_started', `${po.number} is ${po.status.replace('_', ' ')}; boxes are confirmed only while it is in production.`, { currentStatus: po.status });
    }
    const picked = await pickLines(cmd, po, input);
    await deductStamps(cmd, po, picked, input.override?.reason ?? null);
    const lines = await cmd.query<{ id: string; qty: string; stamped_qty: string }>('select id, qty::text, stamped_qty::text from production_order_line where po_id = $1', [poId]);
    const overEstimate = lines.filter((l) => new Decimal(l.stamped_qty).gt(l.qty)).map((l) => ({ poLineId: l.id, by: new Decimal(l.stamped_qty).minus(l.qty).toString() }));
    await shrinkBooking(cmd, RUN_TYPE, poId, Decimal.max(await unstampedQty(cmd, poId), 0).toString());
    if (lines.every((l) => new Decimal(l.stamped_qty).gte(l.qty))) await submitForVerification(cmd, po);
    const confirmed = (await listRunBoxes(cmd, { poId, boxId: input.boxId }));
    const box = picked[0]!.line;
    cmd.audit({ entityType: 'production_order', entityId: poId, after: { confirmedBox: `${box.brand} #${box.box_no}`, lines: picked.map((p) => ({ boxLine: p.line.id, region: p.regionCode, qty: p.qty.toString(), damaged: p.damaged.toString(), missing: p.missing.toString() })), override: input.override?.reason ?? null } });
    cmd.emit({ topic: 'stamping.box-confirmed', summary: `${cmd.actor.label} stamped ${box.brand} #${box.box_no} for ${po.number}${input.override ? ' (override)' : ''}`, payload: { poId, boxId: input.boxId }, permission: 'stamping.read', customerId: po.customer_id });
    return { confirmed, po: await getPo(cmd, poId), overEstimate };
  });
}

interface Picked { line: BoxLine; poLineId: string; regionCode: string; qty: Decimal; damaged: Decimal; missing: Decimal }

/** The box's lines the operator confirmed, each matched to the PO line of its product and region. */
async function pickLines(cmd: CommandTx, po: PoRowLocked, input: ConfirmBoxInput): Promise<Picked[]> {
  const lines = await cmd.query<BoxLine>(
    `select bl.id, bl.box_id, bl.variant_id, bl.good_qty::text, b.box_no, br.name as brand,
       exists (select 1 from run_box rb where rb.box_line_id = bl.id) as stamped
     from shipment_box b join shipment_box_line bl on bl.box_id = b.id join brand br on br.id = b.brand_id
     where b.id = $1 and b.shipment_id = $2 and b.status = 'received'`,
    [input.boxId, po.shipment_id],
  );
  if (lines.length === 0) throw new DomainError('stamping.box_not_found', 'No such received box on this order\'s shipment.', { errors: [{ field: 'boxId', message: 'not a received box of this shipment' }] });
  const poLines = await cmd.query<{ id: string; variant_id: string; region_code: string }>('select id, variant_id, region_code from production_order_line where po_id = $1', [po.id]);
  const seen = new Set<string>();
  return input.lines.map((l, i) => {
    const line = lines.find((x) => x.id === l.boxLineId);
    if (!line) throw invalid(`lines.${i}.boxLineId`, 'not a line of this box');
    if (seen.has(l.boxLineId)) throw invalid(`lines.${i}.boxLineId`, 'listed twice');
    seen.add(l.boxLineId);
    if (line.stamped) throw new DomainError('stamping.box_line_stamped', `${line.brand} #${line.box_no} is already stamped.`, { errors: [{ field: `lines.${i}.boxLineId`, message: 'already stamped' }] });
    const poLine = poLines.find((p) => p.variant_id === line.variant_id && p.region_code === l.regionCode);
    if (!poLine) throw new DomainError('stamping.box_not_in_po', `The order has no line for this product in region ${l.regionCode}.`, { errors: [{ field: `lines.${i}.regionCode`, message: 'no such product and region on the order' }] });
    const damaged = new Decimal(l.damagedQty);
    const missing = new Decimal(l.missingQty);
    const qty = new Decimal(line.good_qty).minus(damaged).minus(missing);
    if (qty.lt(0)) throw invalid(`lines.${i}.damagedQty`, `damaged and missing exceed the ${line.good_qty} good units in the box`);
    return { line, poLineId: poLine.id, regionCode: l.regionCode, qty, damaged, missing };
  });
}

/** Locks each region's stamp balance (in region order), refuses a shortage unless overridden, posts one stamp issue. */
async function deductStamps(cmd: CommandTx, po: PoRowLocked, picked: Picked[], override: string | null): Promise<void> {
  const byRegion = new Map<string, Decimal>();
  for (const p of picked) byRegion.set(p.regionCode, (byRegion.get(p.regionCode) ?? new Decimal(0)).plus(p.qty));
  const regions = [...byRegion.keys()].sort();
  const stamps = await regionStamps(cmd, regions);
  for (const region of regions) {
    const needed = byRegion.get(region)!;
    const available = await lockStampBalance(cmd, stamps.get(region)!);
    if (needed.gt(available) && !override) {
      throw new DomainError('stamping.stamp_shortage', `${groupThousands(needed.toString())} ${region} stamps needed, ${groupThousands(Decimal.max(available, 0).toString())} left. Cancel, skip the box, or override with a reason.`, {
        regionCode: region, needed: needed.toString(), available: Decimal.max(available, 0).toString(), shortage: needed.minus(Decimal.max(available, 0)).toString(), choices: ['cancel', 'skip', 'override'],
      });
    }
  }
  const box = picked[0]!.line;
  const withStamps = regions.filter((r) => byRegion.get(r)!.gt(0));
  const doc = withStamps.length
    ? await postDocumentInTx(cmd, {
      type: 'issue', reason: override ? `stamping (override: ${override})` : 'stamping', sourceType: 'production_order', sourceId: po.id,
      note: `${po.number}: ${box.brand} #${box.box_no}`,
      lines: withStamps.map((r) => ({ variantId: stamps.get(r)!.stampVariantId, locationId: stamps.get(r)!.stampLocationId, grade: 'good', qty: byRegion.get(r)!.toString() })),
    })
    : null;
  for (const p of picked) {
    await mapConstraints(() => cmd.query(
      `insert into run_box (id, po_id, box_id, box_line_id, po_line_id, region_code, qty, damaged_qty, missing_qty, stamps, document_id, override_reason, confirmed_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7, $10, $11, $12)`,
      [newId(), po.id, box.box_id, p.line.id, p.poLineId, p.regionCode, p.qty.toString(), p.damaged.toString(), p.missing.toString(), doc?.id ?? null, override, cmd.actor.userId],
    ), {
      // another order (a sibling segment) stamped the same line at the same moment
      run_box_box_line_id_key: () => new DomainError('stamping.box_line_stamped', `${box.brand} #${box.box_no} is already stamped.`),
    });
    await cmd.query('update production_order_line set stamped_qty = stamped_qty + $2 where id = $1', [p.poLineId, p.qty.toString()]);
  }
}
