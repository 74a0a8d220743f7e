import type { Ctx } from '../../../kernel/context';
import type { CommandTx } from '../../../kernel/run-command';
import { runCommand } from '../../../kernel/run-command';
import { DomainError } from '../../../kernel/errors';
import { mapConstraints } from '../../../kernel/pg-errors';
import { newId } from '../../../kernel/ids';
import { insertLot } from '../../../inventory';
import { requireConsignee } from '../../master/consignees';
import { requireProductVariants } from '../product-variants';
import { getShipment } from '../queries/get-shipment';

export interface CreateShipmentInput {
  customerId: string;
  number?: string;
  reference?: string | null;
  expectedOn?: string | null;
  note?: string | null;
  packingList?: Array<{ variantId: string; qty: string }>;
  /** boxes announced in advance: per brand, numbers 1..count */
  expectedBoxes?: Array<{ brandId: string; count: number }>;
}

const numberTaken = (number: string) =>
  new DomainError('stamping.shipment_number_taken', `Shipment number ${number} is taken.`, { errors: [{ field: 'number', message: 'already taken' }] });

/**
 * A consignee announces a shipment: its packing list and, optionally, its boxes per brand. The
 * shipment gets its own lot (code = shipment number) so every unit received stays traceable to it.
 */
export function createShipment(ctx: Ctx, input: CreateShipmentInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.create-shipment', input, idempotencyKey, status: 201 }, async (cmd) => {
    const packingList = input.packingList ?? [];
    const expectedBoxes = input.expectedBoxes ?? [];
    const consignee = await requireConsignee(cmd, input.customerId);
    await requireProductVariants(cmd, packingList.map((l) => l.variantId), (i) => `packingList.${i}.variantId`);
    await requireBrands(cmd, expectedBoxes.map((b) => b.brandId));
    const number = input.number ?? (await nextNumber(cmd));
    const lotId = await insertLot(cmd, { code: number, note: `Consigned goods of ${consignee.name}, shipment ${number}` }).catch((err) => {
      throw err instanceof DomainError && err.code === 'inventory.lot_code_taken' ? numberTaken(number) : err;
    });
    const id = newId();
    await mapConstraints(
      () => cmd.query(
        `insert into shipment (id, number, customer_id, reference, status, expected_on, lot_id, note, created_by, created_at, updated_at)
         values ($1, $2, $3, $4, 'expected', $5, $6, $7, $8, $9, $9)`,
        [id, number, input.customerId, input.reference ?? null, input.expectedOn ?? null, lotId, input.note ?? null, cmd.actor.userId, cmd.now],
      ),
      { shipment_number: () => numberTaken(number) },
    );
    if (packingList.length) {
      await cmd.query(
        'insert into shipment_line (shipment_id, variant_id, qty) select $1, v, q from unnest($2::uuid[], $3::numeric[]) as t(v, q)',
        [id, packingList.map((l) => l.variantId), packingList.map((l) => l.qty)],
      );
    }
    const boxes = expectedBoxes.flatMap((b) => Array.from({ length: b.count }, (_, i) => ({ id: newId(), brandId: b.brandId, boxNo: i + 1 })));
    if (boxes.length) {
      await cmd.query(
        `insert into shipment_box (id, shipment_id, brand_id, box_no, status)
         select i, $1, b, n, 'expected' from unnest($2::uuid[], $3::uuid[], $4::int[]) as t(i, b, n)`,
        [id, boxes.map((b) => b.id), boxes.map((b) => b.brandId), boxes.map((b) => b.boxNo)],
      );
    }
    const after = (await getShipment(cmd, id))!;
    cmd.audit({ entityType: 'shipment', entityId: id, after: { ...after, expectedBoxes } });
    cmd.emit({
      topic: 'stamping.shipment-created', summary: `Shipment ${number} of ${consignee.name} announced`,
      payload: { id, number }, permission: 'stamping.read', customerId: input.customerId,
    });
    return after;
  });
}

/** The next free SHP-nnnnnn: a number someone typed by hand (or a lot of that code) is skipped. */
async function nextNumber(cmd: CommandTx): Promise<string> {
  for (;;) {
    const [row] = await cmd.query<{ n: string }>(
      `select n from (select 'SHP-' || lpad(nextval('shipment_seq')::text, 6, '0') as n) s
       where not exists (select 1 from shipment where lower(number) = lower(s.n)) and not exists (select 1 from lot where lower(code) = lower(s.n))`,
    );
    if (row) return row.n;
  }
}

async function requireBrands(cmd: CommandTx, brandIds: string[]): Promise<void> {
  const dup = brandIds.findIndex((b, i) => brandIds.indexOf(b) !== i);
  if (dup >= 0) throw new DomainError('request.invalid', 'A brand is announced twice.', { errors: [{ field: `expectedBoxes.${dup}.brandId`, message: 'this brand is listed twice' }] });
  if (!brandIds.length) return;
  const rows = await cmd.query<{ id: string }>('select id from brand where id = any($1::uuid[])', [brandIds]);
  const bad = brandIds.findIndex((b) => !rows.some((r) => r.id === b));
  if (bad >= 0) throw new DomainError('stamping.brand_not_found', 'No such brand.', { errors: [{ field: `expectedBoxes.${bad}.brandId`, message: 'no such brand' }] });
}
