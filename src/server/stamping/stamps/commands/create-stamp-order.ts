import type { StampOrderDto } from '../../../../contracts/stamping';
import type { Ctx } from '../../../kernel/context';
import { runCommand } from '../../../kernel/run-command';
import { DomainError, invalid } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { addDays, localDay } from '../../../planning';
import { getStampOrder } from '../queries/get-stamp-order';
import { postStampReceipt } from '../stamp-receipt';
import { groupThousands } from '../../../kernel/quantity-text';

export interface CreateStampOrderInput {
  regionCode: string;
  qty: string;
  supplier?: string | null;
  /** ISO day; default today */
  orderedOn?: string;
  note?: string | null;
  /** the stamps are here already: post the receipt in the same command */
  received?: boolean;
}

/** Logs incoming stamps for a region: `ordered`, or `received` at once (the receipt is posted). */
export function createStampOrder(ctx: Ctx, input: CreateStampOrderInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.create-stamp-order', input, idempotencyKey, status: 201 }, async (cmd): Promise<StampOrderDto> => {
    const [region] = await cmd.query<{ name: string; stamp_variant_id: string; active: boolean }>(
      'select name, stamp_variant_id, active from tax_region where code = $1', [input.regionCode],
    );
    if (!region) throw new DomainError('stamping.region_not_found', `No tax region ${input.regionCode}.`, { errors: [{ field: 'regionCode', message: 'no such region' }] });
    if (!region.active) throw invalid('regionCode', 'the region is no longer active');
    const today = localDay(cmd.now);
    // one day of slack: the ordering station may be a time zone ahead of the server
    if (input.orderedOn && input.orderedOn > addDays(today, 1)) throw invalid('orderedOn', 'cannot be in the future');
    const id = newId();
    const [{ number }] = (await cmd.query<{ number: string }>(
      `insert into stamp_order (id, number, region_code, qty, supplier, status, ordered_on, note, created_by)
       values ($1, 'STO-' || lpad(nextval('stamp_order_seq')::text, 6, '0'), $2, $3, $4, 'ordered', $5, $6, $7)
       returning number`,
      [id, input.regionCode, input.qty, input.supplier ?? null, input.orderedOn ?? today, input.note ?? null, cmd.actor.userId],
    )) as [{ number: string }];
    if (input.received) {
      await postStampReceipt(cmd, { id, number, regionCode: input.regionCode, stampVariantId: region.stamp_variant_id, qty: input.qty, supplier: input.supplier ?? null });
    }
    const after = (await getStampOrder(cmd, id))!;
    cmd.audit({ entityType: 'stamp_order', entityId: id, after });
    cmd.emit({
      topic: input.received ? 'stamping.stamp-order-received' : 'stamping.stamp-order-created',
      summary: `${cmd.actor.label} ${input.received ? 'received' : 'ordered'} ${groupThousands(after.qty)} ${region.name} stamps (${number})`,
      payload: { id, number, regionCode: input.regionCode }, permission: 'stamping.read',
    });
    return after;
  });
}
