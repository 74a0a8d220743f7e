import type { Queryable } from '../../kernel/db/types';

export interface TraceRow {
  depth: number;
  documentId: string;
  documentNumber: string;
  documentType: string;
  postedAt: string;
  variantCode: string;
  lotId: string | null;
  lotCode: string | null;
  qty: string;
  /** where a shipment went (a customer's or supplier's location); null for every other row */
  locationCode: string | null;
  /** the document's reason (an issue's "sold to …", a return's why) */
  reason: string | null;
}

interface Row {
  depth: number; document_id: string; number: string; type: string; posted_at: Date; variant_code: string; lot_id: string | null; lot_code: string | null; qty: string;
  location_code?: string | null; reason: string | null;
}

const toTrace = (r: Row): TraceRow => ({
  depth: r.depth, documentId: r.document_id, documentNumber: r.number, documentType: r.type, postedAt: r.posted_at.toISOString(),
  variantCode: r.variant_code, lotId: r.lot_id, lotCode: r.lot_code, qty: r.qty, locationCode: r.location_code ?? null, reason: r.reason,
});

/**
 * Backwards from a lot: every production document that made it, what each consumed (lots and
 * quantities), step by step down to the receipts that brought the materials in — a purchased
 * lot's own receipts at depth 0. One query.
 */
export async function traceBackward(db: Queryable, lotId: string): Promise<TraceRow[]> {
  const rows = await db.query<Row>(
    `with recursive walk (document_id, depth) as (
       select distinct e.document_id, 0 from stock_entry e join stock_key k on k.id = e.key_id
         join stock_document d on d.id = e.document_id
       where k.lot_id = $1 and e.cost_share is not null and d.status = 'posted'
       union
       select distinct pe.document_id, w.depth + 1 from walk w
         join stock_entry c on c.document_id = w.document_id and c.qty < 0 and c.reverses_entry_id is null
         join stock_key ck on ck.id = c.key_id and ck.lot_id is not null
         join stock_key pk on pk.lot_id = ck.lot_id
         join stock_entry pe on pe.key_id = pk.id and pe.cost_share is not null
         join stock_document pd on pd.id = pe.document_id and pd.status = 'posted'
       where w.depth < 25
     ),
     consumed as (
       select w.depth, w.document_id, ck.variant_id, ck.lot_id, sum(-c.qty) as qty from walk w
         join stock_entry c on c.document_id = w.document_id and c.qty < 0 and c.reverses_entry_id is null
         join stock_key ck on ck.id = c.key_id group by w.depth, w.document_id, ck.variant_id, ck.lot_id
     ),
     -- each lot once, where the walk first reached it; all of a receipt's lines of it together
     -- (one lot may arrive in several grades)
     received as (
       select c.depth, r.document_id, rk.variant_id, rk.lot_id, sum(r.qty) as qty
       from (select min(depth) as depth, lot_id from (select depth + 1 as depth, lot_id from consumed union all select 0, $1::uuid) a group by lot_id) c
         join stock_key rk on rk.lot_id = c.lot_id
         join stock_entry r on r.key_id = rk.id and r.qty > 0 and r.reverses_entry_id is null and r.cost_share is null and r.cost_source_entry_id is null
         join stock_document rd on rd.id = r.document_id and rd.type = 'receipt' and rd.status = 'posted'
       group by c.depth, r.document_id, rk.variant_id, rk.lot_id
     )
     select x.depth, x.document_id, d.number, d.type, d.posted_at, d.reason, v.code as variant_code, x.lot_id, l.code as lot_code, trim_scale(x.qty)::text as qty
     from (select * from consumed union all select * from received) x
       join stock_document d on d.id = x.document_id join variant v on v.id = x.variant_id left join lot l on l.id = x.lot_id
     order by x.depth, d.posted_at, d.number, v.code`,
    [lotId],
  );
  return rows.map(toTrace);
}

/**
 * Forwards from a lot: every production document that consumed it and every lot that came out,
 * onward; and where each of those lots left stock — issued, transferred to a customer or to a
 * supplier (outsourced work), or returned to its supplier — less what came back by an issue's
 * return (negative). What a recall needs, in one query.
 */
export async function traceForward(db: Queryable, lotId: string): Promise<TraceRow[]> {
  const rows = await db.query<Row>(
    `with recursive walk (document_id, depth) as (
       select distinct c.document_id, 0 from stock_entry c join stock_key ck on ck.id = c.key_id
         join stock_document d on d.id = c.document_id and d.status = 'posted' and d.type = 'production'
       where ck.lot_id = $1 and c.qty < 0 and c.reverses_entry_id is null
       union
       select distinct c2.document_id, w.depth + 1 from walk w
         join stock_entry o on o.document_id = w.document_id and o.cost_share is not null and o.reverses_entry_id is null
         join stock_key ok on ok.id = o.key_id and ok.lot_id is not null
         join stock_key ck2 on ck2.lot_id = ok.lot_id
         join stock_entry c2 on c2.key_id = ck2.id and c2.qty < 0 and c2.reverses_entry_id is null
         join stock_document d2 on d2.id = c2.document_id and d2.status = 'posted' and d2.type = 'production'
       where w.depth < 25
     ),
     made as (
       select w.depth, w.document_id, ok.variant_id, ok.lot_id, sum(o.qty) as qty, null::text as location_code
       from walk w join stock_entry o on o.document_id = w.document_id and o.cost_share is not null and o.reverses_entry_id is null
         join stock_key ok on ok.id = o.key_id
       group by w.depth, w.document_id, ok.variant_id, ok.lot_id
     ),
     -- the lot itself, and each lot made from it, at the first depth it appears
     lots as (
       select lot_id, min(depth) as depth from (select $1::uuid as lot_id, 0 as depth union all select lot_id, depth + 1 from made where lot_id is not null) x
       group by lot_id
     ),
     shipped as (
       select l.depth, s.document_id, sk.variant_id, sk.lot_id,
         sum(case when sd.type = 'transfer' then s.qty else -s.qty end) as qty, max(case when sd.type = 'transfer' then sl.code end) as location_code
       from lots l join stock_key sk on sk.lot_id = l.lot_id join location sl on sl.id = sk.location_id
         join stock_entry s on s.key_id = sk.id and s.reverses_entry_id is null
         join stock_document sd on sd.id = s.document_id and sd.status <> 'cancelled'
       where (sd.type = 'issue' and s.qty < 0)
          or (sd.type = 'transfer' and s.qty > 0 and sl.kind in ('customer', 'supplier'))
          -- a receipt's return leaves for the supplier; an issue's comes back
          or sd.type = 'return'
       group by l.depth, s.document_id, sk.variant_id, sk.lot_id
     )
     select x.depth, x.document_id, d.number, d.type, d.posted_at, d.reason, v.code as variant_code, x.lot_id, l.code as lot_code,
       trim_scale(x.qty)::text as qty, x.location_code
     from (select * from made union all select * from shipped) x
       join stock_document d on d.id = x.document_id join variant v on v.id = x.variant_id left join lot l on l.id = x.lot_id
     order by x.depth, d.posted_at, d.number, v.code`,
    [lotId],
  );
  return rows.map(toTrace);
}
