import Decimal from '../../../../contracts/exact-decimal';
import type { Ctx } from '../../../kernel/context';
import { runCommand, type CommandTx } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { groupThousands } from '../../../kernel/quantity-text';
import { newId } from '../../../kernel/ids';
import { mapConstraints } from '../../../kernel/pg-errors';
import { postDocumentInTx } from '../../../inventory';
import { shrinkBooking } from '../../../planning';
import { RUN_TYPE } from '../../orders/queries/get-po';
import { assertRunPo, PO_ROW_COLUMNS, poNotFound, type PoRowLocked } from '../../orders/po-row';
import { lockRegionStamps } from '../stamp-stock';
import { listRunBoxes } from '../queries/run-boxes';
import { submitForVerification } from './finish-run';
import { recordDamagedAndMissing } from './damaged-missing';
import { refuseStamped, refuseStampedNow, stampedError } from './already-stamped';

export interface ConfirmBoxInput {
  boxId: string;
  lines: Array<{ boxLineId: string; regionCode: string; damagedQty: string; missingQty: string }>;
  override?: { reason: string };
}

interface BoxLine { id: string; box_id: string; variant_id: string; good_qty: string; stamped: boolean; stamped_for: string | null; box_no: number; brand: string }

/**
 * Confirms a stamped box: deducts its stamps per region from the stamp ledger and records what was
 * stamped on each PO line. A shortage is refused before anything is deducted, unless the operator
 * overrides with a reason (audited). Each region's stamp balance is locked, so two stations can
 * never spend the same stamps; a box line is stamped once, ever; a retry with the same idempotency
 * key replays the first answer. The last box (every line at its estimate, or no box of the order
 * left to stamp) moves the PO to Pending Verification.
 *
 * The region's lock is taken last, after everything that concerns only this PO: stations of one
 * region queue on it, so it is held only for the check, the stamp issue and the commit.
 */
export function confirmBox(ctx: Ctx, poId: string, input: ConfirmBoxInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.confirm-box', input: { poId, ...input }, idempotencyKey, status: 201 }, async (cmd) => {
    const { po, boxLines, poLines, othersLeft } = await lockPoAndLines(cmd, poId, input.boxId);
    // a completed order still answers that it is frozen, as to every change; otherwise the box
    // comes before the run's state: a confirm that lost the race for the last box finds the order
    // moved on to verification, but what it has to hear is that the box is already stamped
    assertRunPo(po);
    refuseStamped(boxLines, input);
    if (po.status !== 'in_production') {
      // a confirm that waited on the PO's lock read the box in a snapshot taken before the winner
      // committed (only the locked row is read again): look once more, in a statement of its own
      await refuseStampedNow(cmd, input);
      throw new DomainError('stamping.run_not_started', `${po.number} is ${po.status.replace('_', ' ')}; boxes are confirmed only while it is in production.`, { currentStatus: po.status });
    }
    const picked = pickLines(boxLines, poLines, input);
    const override = input.override?.reason ?? null;
    // the stamp issue is posted last (below), under the id its run rows already name
    const documentId = newId();
    await recordRunBoxes(cmd, po, picked, override, documentId);
    // the PO's lines after this box
    const stamped = poLines.map((l) => ({ ...l, stamped: picked.filter((p) => p.poLineId === l.id).reduce((sum, p) => sum.plus(p.qty), new Decimal(l.stamped_qty)) }));
    const overEstimate = stamped.filter((l) => l.stamped.gt(l.qty)).map((l) => ({ poLineId: l.id, by: l.stamped.minus(l.qty).toString() }));
    // per line: a line stamped past its estimate does not stamp another line's rest (as unstampedQty)
    const unstamped = stamped.reduce((sum, l) => sum.plus(Decimal.max(new Decimal(l.qty).minus(l.stamped), 0)), new Decimal(0));
    await shrinkBooking(cmd, RUN_TYPE, poId, unstamped.toString());
    // the last box: every line at its estimate, or nothing of the order's left to stamp (damaged
    // and missing units leave a line short for good)
    const thisBoxLeft = boxLines.some((l) => !l.stamped && new Decimal(l.good_qty).gt(0) && !picked.some((p) => p.line.id === l.id) && poLines.some((p) => p.variant_id === l.variant_id));
    const done = stamped.every((l) => l.stamped.gte(l.qty)) || (!othersLeft && !thisBoxLeft);
    if (done) await submitForVerification(cmd, po);
    const confirmed = await listRunBoxes(cmd, { poId, boxId: input.boxId });
    await deductStamps(cmd, po, picked, override, documentId);
    const box = picked[0]!.line;
    await recordDamagedAndMissing(cmd, po, `${box.brand} #${box.box_no}`, picked.map((p) => ({ boxLineId: p.line.id, damaged: p.damaged, missing: p.missing })));
    cmd.audit({ entityType: 'production_order', entityId: poId, after: { confirmedBox: `${box.brand} #${box.box_no}`, lines: picked.map((p) => ({ boxLine: p.line.id, region: p.regionCode, qty: p.qty.toString(), damaged: p.damaged.toString(), missing: p.missing.toString() })), override } });
    // the customer hears of it too: a stamp-shortage override is the plant's business (audit log, stamp issue)
    cmd.emit({ topic: 'stamping.box-confirmed', summary: `${cmd.actor.label} stamped ${box.brand} #${box.box_no} for ${po.number}`, payload: { poId, boxId: input.boxId }, permission: 'stamping.read', customerId: po.customer_id });
    return { confirmed, po: { id: po.id, number: po.number, status: done ? 'pending_verification' as const : po.status }, overEstimate };
  });
}

interface Picked { line: BoxLine; poLineId: string; regionCode: string; qty: Decimal; damaged: Decimal; missing: Decimal }
interface PoLine { id: string; variant_id: string; region_code: string; qty: string; stamped_qty: string }

/**
 * The PO, locked (as `lockPo`), with its lines and the lines of the box on its shipment, in one
 * statement: a confirmation is the stations' most frequent command, and every round trip counts.
 */
async function lockPoAndLines(cmd: CommandTx, poId: string, boxId: string): Promise<{ po: PoRowLocked; boxLines: BoxLine[]; poLines: PoLine[]; othersLeft: boolean }> {
  const [row] = await cmd.query<{ po: PoRowLocked; box_lines: BoxLine[]; po_lines: PoLine[]; others_left: boolean }>(
    `with po as (select ${PO_ROW_COLUMNS} from production_order where id = $1 for no key update)
     select row_to_json(po) as po,
       (select coalesce(json_agg(x), '[]') from (
          select bl.id, bl.box_id, bl.variant_id, bl.good_qty::text as good_qty, b.box_no, br.name as brand,
            rb.id is not null as stamped, sp.number as stamped_for
          from shipment_box b join shipment_box_line bl on bl.box_id = b.id join brand br on br.id = b.brand_id
            -- a box line is stamped at most once (run_box.box_line_id is unique): one index probe says
            -- whether and for which order (a lateral probe, kept from being flattened into a join the
            -- planner might hash, which reads every run row ever confirmed)
            left join lateral (select id, po_id from run_box where box_line_id = bl.id limit 1) rb on true
            left join production_order sp on sp.id = rb.po_id
          where b.id = $2 and b.shipment_id = po.shipment_id and b.status = 'received') x) as box_lines,
       (select coalesce(json_agg(x), '[]') from (
          select id, variant_id, region_code, qty::text as qty, stamped_qty::text as stamped_qty from production_order_line where po_id = po.id) x) as po_lines,
       -- another box still in the run's queue (as getRun lists it)
       exists (select 1 from shipment_box b join shipment_box_line bl on bl.box_id = b.id
          where b.shipment_id = po.shipment_id and b.id <> $2 and b.status = 'received' and bl.good_qty > 0
            and exists (select 1 from production_order_line pl where pl.po_id = po.id and pl.variant_id = bl.variant_id)
            and not exists (select 1 from run_box rb where rb.box_line_id = bl.id)
            and not exists (select 1 from run_skip s where s.po_id = po.id and s.box_id = b.id)) as others_left
     from po`,
    [poId, boxId],
  );
  if (!row) throw poNotFound();
  return { po: row.po, boxLines: row.box_lines, poLines: row.po_lines, othersLeft: row.others_left };
}

/** The box's lines the operator confirmed, each matched to the PO line of its product and region. */
function pickLines(lines: BoxLine[], poLines: PoLine[], input: ConfirmBoxInput): Picked[] {
  if (lines.length === 0) throw new DomainError('stamping.box_not_found', 'No such received box on this order\'s shipment.', { errors: [{ field: 'boxId', message: 'not a received box of this shipment' }] });
  const seen = new Set<string>();
  return input.lines.map((l, i) => {
    const line = lines.find((x) => x.id === l.boxLineId);
    if (!line) throw invalid(`lines.${i}.boxLineId`, 'not a line of this box');
    if (seen.has(l.boxLineId)) throw invalid(`lines.${i}.boxLineId`, 'listed twice');
    seen.add(l.boxLineId);
    const poLine = poLines.find((p) => p.variant_id === line.variant_id && p.region_code === l.regionCode);
    if (!poLine) throw new DomainError('stamping.box_not_in_po', `The order has no line for this product in region ${l.regionCode}.`, { errors: [{ field: `lines.${i}.regionCode`, message: 'no such product and region on the order' }] });
    const damaged = new Decimal(l.damagedQty);
    const missing = new Decimal(l.missingQty);
    const qty = new Decimal(line.good_qty).minus(damaged).minus(missing);
    if (qty.lt(0)) throw invalid(`lines.${i}.damagedQty`, `damaged and missing exceed the ${line.good_qty} good units in the box`);
    return { line, poLineId: poLine.id, regionCode: l.regionCode, qty, damaged, missing };
  });
}

/** One run row per confirmed box line, and the PO lines' stamped figures. */
async function recordRunBoxes(cmd: CommandTx, po: PoRowLocked, picked: Picked[], override: string | null, documentId: string): Promise<void> {
  const box = picked[0]!.line;
  const ids = picked.map(() => newId());
  await mapConstraints(() => cmd.query(
    `with t as (
       select * from unnest($5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::numeric[], $10::numeric[], $11::numeric[])
         as t(id, line, po_line, region, qty, damaged, missing)
     ),
     r as (
       insert into run_box (id, po_id, box_id, box_line_id, po_line_id, region_code, qty, damaged_qty, missing_qty, stamps, document_id, override_reason, confirmed_by)
       select t.id, $1, $2, t.line, t.po_line, t.region, t.qty, t.damaged, t.missing, t.qty, case when t.qty > 0 then $12::uuid end, $3, $4 from t
     )
     update production_order_line l set stamped_qty = l.stamped_qty + s.qty
     from (select po_line, sum(qty) as qty from t group by po_line) s where l.id = s.po_line`,
    [po.id, box.box_id, override, cmd.actor.userId, ids, picked.map((p) => p.line.id), picked.map((p) => p.poLineId), picked.map((p) => p.regionCode),
      picked.map((p) => p.qty.toString()), picked.map((p) => p.damaged.toString()), picked.map((p) => p.missing.toString()), documentId],
  ), {
    // another order (a sibling segment) stamped the same line at the same moment
    run_box_box_line_id_key: () => stampedError({ ...box, stamped_for: null }),
  });
}

/** Locks each region's stamp balance (in region order), refuses a shortage unless overridden, posts one stamp issue. */
async function deductStamps(cmd: CommandTx, po: PoRowLocked, picked: Picked[], override: string | null, documentId: string): Promise<void> {
  const byRegion = new Map<string, Decimal>();
  for (const p of picked) byRegion.set(p.regionCode, (byRegion.get(p.regionCode) ?? new Decimal(0)).plus(p.qty));
  const regions = [...byRegion.keys()].sort();
  const stamps = await lockRegionStamps(cmd, regions);
  for (const region of regions) {
    const needed = byRegion.get(region)!;
    const available = stamps.get(region)!.available;
    if (needed.gt(available) && !override) {
      throw new DomainError('stamping.stamp_shortage', `${groupThousands(needed.toString())} ${stamps.get(region)!.regionName} stamps needed, ${groupThousands(Decimal.max(available, 0).toString())} left. Cancel, skip the box, or override with a reason.`, {
        regionCode: region, regionName: stamps.get(region)!.regionName, needed: needed.toString(), available: Decimal.max(available, 0).toString(), shortage: needed.minus(Decimal.max(available, 0)).toString(), choices: ['cancel', 'skip', 'override'],
      });
    }
  }
  const box = picked[0]!.line;
  const withStamps = regions.filter((r) => byRegion.get(r)!.gt(0));
  if (!withStamps.length) return;
  await postDocumentInTx(cmd, {
    type: 'issue', reason: override ? `stamping (override: ${override})` : 'stamping', sourceType: 'production_order', sourceId: po.id,
    note: `${po.number}: ${box.brand} #${box.box_no}`,
    lines: withStamps.map((r) => ({ variantId: stamps.get(r)!.stampVariantId, locationId: stamps.get(r)!.stampLocationId, grade: 'good', qty: byRegion.get(r)!.toString() })),
  }, { id: documentId });
}
