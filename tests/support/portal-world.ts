import type { Db } from '../../src/server/kernel/db/types';
import { stampingWorld } from './stamping';
import { createConsignee, createShipment, markInventoried, receiveBox } from '../../src/server/stamping';

/**
 * For portal tests: the demo people (users `customer` of NORWOOD and `customer2` of LAKESHORE),
 * both customers set up as consignees, the stamping world's products, and a way to give either
 * customer an inventoried shipment (one Orbito box per entry, `raw` good units each).
 */
export async function portalWorld(db: Db, tag: string) {
  const w = await stampingWorld(db, tag);
  const ids = new Map((await db.query<{ id: string; code: string }>(`select id, code from customer where code in ('NORWOOD', 'LAKESHORE')`)).map((r) => [r.code, r.id]));
  const norwood = ids.get('NORWOOD')!;
  const lakeshore = ids.get('LAKESHORE')!;
  for (const id of [norwood, lakeshore]) await createConsignee(w.ctx, id);
  const shipment = async (customerId: string, contents: Array<{ variantId: string; raw: string }>) => {
    const s = (await createShipment(w.ctx, { customerId })).body;
    for (const [i, c] of contents.entries()) {
      await receiveBox(w.ctx, s.id, { brandId: w.brands.orbito.id, boxNo: i + 1, lines: [{ variantId: c.variantId, rawQty: c.raw, damagedQty: '0', missingQty: '0' }] });
    }
    await markInventoried(w.ctx, s.id);
    return s;
  };
  return { ...w, norwood, lakeshore, shipment };
}
