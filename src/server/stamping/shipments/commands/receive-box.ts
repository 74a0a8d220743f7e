import Decimal from '../../../../contracts/exact-decimal';
import type { BoxDto } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import type { CommandTx } from '../../../kernel/run-command';
import { runCommand } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { postDocumentInTx } from '../../../inventory';
import { lockShipment } from '../lock-shipment';
import { consigneePlace } from '../consignee-place';
import { requireProductVariants } from '../product-variants';
import { getBox } from '../queries/list-boxes';

export interface BoxLineInput {
  variantId: string;
  rawQty: string;
  damagedQty?: string;
  missingQty?: string;
  damageNote?: string | null;
}

export interface ReceiveBoxInput {
  brandId: string;
  boxNo: number;
  lines: BoxLineInput[];
  note?: string | null;
}

interface CountedLine {
  variantId: string;
  raw: Decimal;
  good: Decimal;
  damaged: Decimal;
  missing: Decimal;
  damageNote: string | null;
}

/**
 * Receives one box of a shipment: its content lines (a mixed box holds several products), the
 * found-damaged records, and one stock receipt into the consignee's location in the shipment's
 * lot — good units as grade `good`, found-damaged as `damaged`; missing units post nothing.
 * The goods are the customer's, so they carry no cost.
 */
export function receiveBox(ctx: Ctx, shipmentId: string, input: ReceiveBoxInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.receive-box', input: { shipmentId, ...input }, idempotencyKey, status: 201 }, async (cmd) => {
    const shipment = await lockShipment(cmd, shipmentId);
    if (shipment.status === 'inventoried') {
      throw new DomainError('stamping.shipment_inventoried', `Shipment ${shipment.number} is inventoried; it takes no more boxes.`);
    }
    const lines = countLines(input.lines);
    await requireProductVariants(cmd, input.lines.map((l) => l.variantId), (i) => `lines.${i}.variantId`);
    const [brand] = await cmd.query<{ name: string }>('select name from brand where id = $1', [input.brandId]);
    if (!brand) throw new DomainError('stamping.brand_not_found', 'No such brand.', { errors: [{ field: 'brandId', message: 'no such brand' }] });
    const boxLabel = `${brand.name} #${input.boxNo}`;

    const boxId = await openBox(cmd, shipmentId, input, boxLabel);
    await writeLines(cmd, boxId, lines);
    const place = await consigneePlace(cmd, shipment.customerId);
    const stock = lines.flatMap((l) => [
      ...(l.good.gt(0) ? [{ variantId: l.variantId, grade: 'good', qty: l.good.toFixed() }] : []),
      ...(l.damaged.gt(0) ? [{ variantId: l.variantId, grade: 'damaged', qty: l.damaged.toFixed() }] : []),
    ]);
    const doc = stock.length
      ? await postDocumentInTx(cmd, {
        type: 'receipt', sourceType: 'shipment_box', sourceId: boxId, note: `Shipment ${shipment.number}, box ${boxLabel}`,
        lines: stock.map((s) => ({ ...s, locationId: place, lotId: shipment.lotId, unitCost: '0' })),
      })
      : null;
    await cmd.query(
      `update shipment_box set status = 'received', received_at = $2, received_by = $3, document_id = $4, note = $5 where id = $1`,
      [boxId, cmd.now, cmd.actor.userId, doc?.id ?? null, input.note ?? null],
    );
    if (shipment.status === 'expected') {
      await cmd.query(`update shipment set status = 'receiving', updated_at = $2 where id = $1`, [shipmentId, cmd.now]);
      cmd.audit({ entityType: 'shipment', entityId: shipmentId, before: { status: 'expected' }, after: { status: 'receiving' } });
    } else {
      await cmd.query('update shipment set updated_at = $2 where id = $1', [shipmentId, cmd.now]);
    }
    const box = (await getBox(cmd, boxId))!;
    const sum = (f: (l: CountedLine) => Decimal) => lines.reduce((a, l) => a.plus(f(l)), new Decimal(0)).toFixed();
    const totals = { raw: sum((l) => l.raw), good: sum((l) => l.good), damaged: sum((l) => l.damaged), missing: sum((l) => l.missing) };
    cmd.audit({ entityType: 'shipment_box', entityId: boxId, after: { shipment: shipment.number, box: boxLabel, document: doc?.number ?? null, totals, lines: box.lines } });
    cmd.emit({
      topic: 'stamping.box-received',
      summary: `Box ${boxLabel} of shipment ${shipment.number} received: ${totals.good} good, ${totals.damaged} damaged, ${totals.missing} missing`,
      payload: { shipmentId, boxId, number: shipment.number }, permission: 'stamping.read', customerId: shipment.customerId,
    });
    return box;
  });
}

/**
 * good = raw − damaged − missing, refused when negative (naming the quantity that overshoots).
 * A line of 0 raw units is refused too: raw already counts damaged and missing units, so such a
 * line records nothing, and a box of nothing but such lines would be a received box of no goods.
 */
function countLines(lines: BoxLineInput[]): CountedLine[] {
  return lines.map((l, i) => {
    const raw = new Decimal(l.rawQty);
    if (raw.isZero()) throw invalid(`lines.${i}.rawQty`, 'count the units of the line (more than 0); leave out a product the box does not hold');
    const damaged = new Decimal(l.damagedQty ?? '0');
    const missing = new Decimal(l.missingQty ?? '0');
    const good = raw.minus(damaged).minus(missing);
    if (good.isNegative()) {
      const field = `lines.${i}.${damaged.gt(0) ? 'damagedQty' : 'missingQty'}`;
      throw new DomainError('request.invalid', `Line ${i + 1}: damaged and missing (${damaged.plus(missing)}) exceed the raw quantity (${raw}).`, {
        errors: [{ field, message: 'damaged and missing exceed the raw quantity' }],
      });
    }
    return { variantId: l.variantId, raw, good, damaged, missing, damageNote: l.damageNote ?? null };
  });
}

/** The announced box of that brand and number, or a new one when it was not announced. */
async function openBox(cmd: CommandTx, shipmentId: string, input: ReceiveBoxInput, label: string): Promise<string> {
  const [found] = await cmd.query<{ id: string; status: BoxDto['status'] }>(
    'select id, status from shipment_box where shipment_id = $1 and brand_id = $2 and box_no = $3 for update',
    [shipmentId, input.brandId, input.boxNo],
  );
  if (found?.status === 'received') {
    throw new DomainError('stamping.box_already_received', `Box ${label} was already received.`, { errors: [{ field: 'boxNo', message: 'already received' }], boxId: found.id });
  }
  if (found) {
    // what arrived replaces any content announced for the box
    await cmd.query('delete from shipment_box_line where box_id = $1', [found.id]);
    return found.id;
  }
  const id = newId();
  await cmd.query(`insert into shipment_box (id, shipment_id, brand_id, box_no, status) values ($1, $2, $3, $4, 'expected')`, [id, shipmentId, input.brandId, input.boxNo]);
  return id;
}

async function writeLines(cmd: CommandTx, boxId: string, lines: CountedLine[]): Promise<void> {
  const ids = lines.map(() => newId());
  await cmd.query(
    `insert into shipment_box_line (id, box_id, line_no, variant_id, raw_qty, good_qty, damaged_qty, missing_qty)
     select i, $1, n, v, r, g, d, m from unnest($2::uuid[], $3::int[], $4::uuid[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[]) as t(i, n, v, r, g, d, m)`,
    [boxId, ids, lines.map((_, i) => i + 1), lines.map((l) => l.variantId), ...(['raw', 'good', 'damaged', 'missing'] as const).map((k) => lines.map((l) => l[k].toFixed()))],
  );
  const damaged = lines.map((l, i) => ({ l, lineId: ids[i]! })).filter(({ l }) => l.damaged.gt(0));
  if (!damaged.length) return;
  await cmd.query(
    `insert into box_damage (id, box_line_id, damage_type, qty, note, recorded_by, recorded_at)
     select i, b, 'found-damaged', q, n, $1, $2 from unnest($3::uuid[], $4::uuid[], $5::numeric[], $6::text[]) as t(i, b, q, n)`,
    [cmd.actor.userId, cmd.now, damaged.map(() => newId()), damaged.map((d) => d.lineId), damaged.map((d) => d.l.damaged.toFixed()), damaged.map((d) => d.l.damageNote)],
  );
}
