import type { BoxDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import { conditions, listPage, type ListArgs } from '../../../kernel/pagination';

export interface BoxFilter {
  brandId?: string;
  /** a scanned box number: with a brand it is that brand's box, without one every brand's box of that number */
  boxNo?: number;
  status?: BoxDto['status'];
}

interface BoxRow {
  id: string;
  shipment_id: string;
  brand_id: string;
  brand: string;
  box_no: number;
  status: BoxDto['status'];
  received_at: Date | null;
  received_by: string | null;
  document_id: string | null;
  note: string | null;
}

const BOX_SELECT = `select b.id, b.shipment_id, b.brand_id, br.name as brand, b.box_no, b.status, b.received_at,
    u.display_name as received_by, b.document_id, b.note
  from shipment_box b join brand br on br.id = b.brand_id left join app_user u on u.id = b.received_by`;

/** A shipment's boxes with their content lines, by box number (sort: boxNo, receivedAt). */
export async function listBoxes(q: Queryable, shipmentId: string, f: BoxFilter, args: ListArgs): Promise<{ items: BoxDto[]; nextCursor: string | null }> {
  const { where, params, add } = conditions();
  add('b.shipment_id = ?', shipmentId);
  add('b.brand_id = ?', f.brandId);
  add('b.box_no = ?', f.boxNo);
  add('b.status = ?', f.status);
  const page = await listPage<BoxRow>(q, {
    select: BOX_SELECT, where, params,
    // boxes not received yet sort as received at the beginning of time
    sortable: { boxNo: 'b.box_no', receivedAt: `coalesce(b.received_at, '-infinity'::timestamptz)` },
    defaultSort: 'boxNo',
    idColumn: 'b.id',
    cursorOf: (r, field) => [field === 'boxNo' ? r.box_no : r.received_at ?? '-infinity', r.id],
  }, args);
  return { items: await withLines(q, page.rows), nextCursor: page.nextCursor };
}

export async function getBox(q: Queryable, boxId: string): Promise<BoxDto | undefined> {
  return (await withLines(q, await q.query<BoxRow>(`${BOX_SELECT} where b.id = $1`, [boxId])))[0];
}

async function withLines(q: Queryable, rows: BoxRow[]): Promise<BoxDto[]> {
  if (!rows.length) return [];
  const lines = await q.query<{ box_id: string; id: string; line_no: number; variant_id: string; label: string; brand: string; raw: string; good: string; damaged: string; missing: string; found_damaged: string }>(
    `select bl.box_id, bl.id, bl.line_no, bl.variant_id, sv.label, sv.brand,
       trim_scale(bl.raw_qty)::text as raw, trim_scale(bl.good_qty)::text as good, trim_scale(bl.damaged_qty)::text as damaged,
       trim_scale(bl.missing_qty)::text as missing,
       trim_scale(coalesce((select sum(d.qty) from box_damage d where d.box_line_id = bl.id and d.damage_type = 'found-damaged'), 0))::text as found_damaged
     from shipment_box_line bl join stamping_variant sv on sv.variant_id = bl.variant_id
     where bl.box_id = any($1::uuid[]) order by bl.box_id, bl.line_no`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id, shipmentId: r.shipment_id, brandId: r.brand_id, brand: r.brand, boxNo: r.box_no, status: r.status,
    receivedAt: r.received_at?.toISOString() ?? null, receivedBy: r.received_by, documentId: r.document_id, note: r.note,
    lines: lines.filter((l) => l.box_id === r.id).map((l) => ({
      id: l.id, lineNo: l.line_no, variantId: l.variant_id, label: l.label, brand: l.brand,
      rawQty: l.raw, goodQty: l.good, damagedQty: l.damaged, missingQty: l.missing, foundDamagedQty: l.found_damaged,
    })),
  }));
}
