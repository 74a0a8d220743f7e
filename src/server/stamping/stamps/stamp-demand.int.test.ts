import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Decimal from '../../../contracts/exact-decimal';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { stampingWorld, type StampingWorld } from '../../../../tests/support/stamping';
import { newId } from '../../kernel/ids';
import { addDays } from '../../planning';
import { createRegion } from '../master/regions';
import { createStampOrder } from './commands/create-stamp-order';
import { stampStock } from './queries/stamp-stock';

const TODAY = '2031-03-03'; // a Monday

interface PoSpec {
  status?: string;
  /** booked on this day; undefined = not on the calendar */
  day?: string;
  hasSegments?: boolean;
  parentId?: string;
  segmentNo?: number;
  lines: Array<{ region: string; qty: string; stamped?: string }>;
}

/**
 * Production orders are another engineer's commands: these rows are written as those commands
 * would leave them (a leaf PO with lines, booked on the stamping line's calendar).
 */
describe.each(DIALECTS)('stamp demand of scheduled production orders on %s', (dialect) => {
  let t: TestDb;
  let w: StampingWorld;
  let shipmentId: string;
  let poNo = 0;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    w = await stampingWorld(t.db, 'D');
    const lotId = newId();
    shipmentId = newId();
    await t.db.query(`insert into lot (id, code) values ($1, 'D-SHP-1')`, [lotId]);
    await t.db.query(`insert into shipment (id, number, customer_id, status, lot_id) values ($1, 'D-SHP-1', $2, 'inventoried', $3)`, [shipmentId, w.customer.id, lotId]);
  });
  afterAll(() => t.drop());

  const region = async (code: string, name: string) => (await createRegion(w.ctx, { code, name, colour: 'blue' })).body;
  const stockOf = async (code: string) => (await stampStock(t.db, { today: TODAY })).find((r) => r.regionCode === code)!;

  async function po(spec: PoSpec): Promise<string> {
    const id = newId();
    await t.db.query(
      `insert into production_order (id, number, customer_id, shipment_id, site_id, status, parent_id, segment_no, has_segments)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, `D-PO-${++poNo}`, w.customer.id, shipmentId, w.setup.siteId, spec.status ?? 'open', spec.parentId ?? null, spec.segmentNo ?? null, spec.hasSegments ?? false],
    );
    let lineNo = 0;
    for (const l of spec.lines) {
      // one variant per line: (po, variant, region) is unique
      const variant = [w.products.bluerasp10, w.products.bluerasp20, w.products.grape10, w.products.grape20][lineNo]!;
      await t.db.query(
        `insert into production_order_line (id, po_id, line_no, variant_id, region_code, qty, stamped_qty) values ($1, $2, $3, $4, $5, $6, $7)`,
        [newId(), id, ++lineNo, variant.variantId, l.region, l.qty, l.stamped ?? '0'],
      );
    }
    if (spec.day) {
      const total = Decimal.sum(...spec.lines.map((l) => l.qty)).toFixed();
      await t.db.query(`insert into planning_booking (run_type, run_id, site_id, day, qty) values ('stamping_po', $1, $2, $3, $4)`, [id, w.setup.siteId, spec.day, total]);
    }
    return id;
  }

  it('reserves the unstamped quantity of booked open, running and verifying POs; scheduled demand is what is due by the horizon, overdue included', async () => {
    await region('d_res', 'Reserve');
    await createStampOrder(w.ctx, { regionCode: 'd_res', qty: '10000', received: true });
    await po({ status: 'open', day: TODAY, lines: [{ region: 'd_res', qty: '1000' }] });
    await po({ status: 'in_production', day: addDays(TODAY, 2), lines: [{ region: 'd_res', qty: '600', stamped: '250' }, { region: 'federal', qty: '5' }] });
    await po({ status: 'pending_verification', day: addDays(TODAY, 7), lines: [{ region: 'd_res', qty: '200' }] });
    await po({ status: 'open', day: addDays(TODAY, 8), lines: [{ region: 'd_res', qty: '3000' }] });
    // left on yesterday: overdue, still to stamp, and due first
    await po({ status: 'open', day: addDays(TODAY, -1), lines: [{ region: 'd_res', qty: '40' }] });
    expect(await stockOf('d_res')).toMatchObject({
      remaining: '10000', reserved: '4590', scheduledDemand: '1590', free: '5410', shortfall: '0', warning: null,
    });
  });

  it('a cancelled, completed or unbooked PO does not count, nor a split parent (its segments do)', async () => {
    await region('d_not', 'Not counted');
    await po({ status: 'cancelled', day: TODAY, lines: [{ region: 'd_not', qty: '100' }] });
    await po({ status: 'completed', day: TODAY, lines: [{ region: 'd_not', qty: '200' }] });
    await po({ status: 'open', lines: [{ region: 'd_not', qty: '400' }] });
    const parent = await po({ status: 'open', day: TODAY, hasSegments: true, lines: [{ region: 'd_not', qty: '30000' }] });
    await po({ status: 'open', day: TODAY, parentId: parent, segmentNo: 1, lines: [{ region: 'd_not', qty: '12000' }] });
    await po({ status: 'open', day: addDays(TODAY, 1), parentId: parent, segmentNo: 2, lines: [{ region: 'd_not', qty: '12000' }] });
    await po({ status: 'open', day: addDays(TODAY, 2), parentId: parent, segmentNo: 3, lines: [{ region: 'd_not', qty: '6000' }] });
    expect(await stockOf('d_not')).toMatchObject({ remaining: '0', reserved: '30000', scheduledDemand: '30000', free: '-30000', shortfall: '30000' });
  });

  it('warns when Ontario is at 4,000 with 5,000 scheduled next week', async () => {
    await region('d_ont', 'Ontario');
    await createStampOrder(w.ctx, { regionCode: 'd_ont', qty: '4000', received: true });
    await po({ status: 'open', day: addDays(TODAY, 7), lines: [{ region: 'd_ont', qty: '5000' }] });
    expect(await stockOf('d_ont')).toMatchObject({
      remaining: '4000', reserved: '5000', scheduledDemand: '5000', free: '-1000', shortfall: '1000',
      warning: 'Ontario: 5,000 stamps due within the next 7 days, 4,000 remaining — order 1,000 more',
    });
    // beyond the horizon it is a shortfall to plan for, not yet a warning
    const shortHorizon = (await stampStock(t.db, { today: TODAY, horizonDays: 3 })).find((r) => r.regionCode === 'd_ont')!;
    expect(shortHorizon).toMatchObject({ scheduledDemand: '0', shortfall: '1000', warning: null });
  });

  it('counts stamps whole: the ledger refuses a fraction of one, even from inside', async () => {
    await region('d_dec', 'Decimal');
    await expect(createStampOrder(w.ctx, { regionCode: 'd_dec', qty: '0.3', received: true })).rejects.toMatchObject({ code: 'request.invalid', extra: { errors: [{ field: 'lines.0.qty', message: 'whole ea only' }] } });
    expect(await stockOf('d_dec')).toMatchObject({ received: '0', remaining: '0' });
  });
});
