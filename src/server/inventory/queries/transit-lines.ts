import type { TransitLineDto } from '../../../contracts/inventory';
import type { Queryable } from '../../kernel/db/types';

/** The lines of a transfer shipped through transit: their ends and what arrived. */
export async function transitLines(db: Queryable, documentId: string): Promise<TransitLineDto[]> {
  const rows = await db.query<{
    line: number; variant_id: string; variant_code: string; lot_id: string | null; lot_code: string | null; grade: string;
    from_location_id: string; from_code: string; to_location_id: string; to_code: string; to_grade: string; qty: string;
    received_qty: string | null; shortfall_qty: string | null; shortfall_grade: string | null;
  }>(
    `select t.line, t.variant_id, v.code as variant_code, t.lot_id, lot.code as lot_code, t.grade, t.from_location_id, f.code as from_code,
       t.to_location_id, d.code as to_code, t.to_grade, t.qty, t.received_qty,
       trim_scale(t.qty - t.received_qty) as shortfall_qty, t.shortfall_grade
     from stock_transit_line t join variant v on v.id = t.variant_id left join lot on lot.id = t.lot_id
       join location f on f.id = t.from_location_id join location d on d.id = t.to_location_id
     where t.document_id = $1 order by t.line`,
    [documentId],
  );
  return rows.map((r) => ({
    line: r.line, variantId: r.variant_id, variantCode: r.variant_code, lotId: r.lot_id, lotCode: r.lot_code, grade: r.grade,
    fromLocationId: r.from_location_id, fromLocationCode: r.from_code, toLocationId: r.to_location_id, toLocationCode: r.to_code,
    toGrade: r.to_grade, qty: r.qty, receivedQty: r.received_qty, shortfallQty: r.shortfall_qty, shortfallGrade: r.shortfall_grade,
  }));
}
