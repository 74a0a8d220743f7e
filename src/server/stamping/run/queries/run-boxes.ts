import type { RunBoxDto } from '../../../../contracts/stamping-run';
import type { Queryable } from '../../../kernel/db/types';

/** Confirmed box lines of a PO: staged (no skid yet), on a skid, or of one box. */
export function listRunBoxes(q: Queryable, f: { poId: string; boxId?: string; staged?: boolean; skidId?: string; ids?: string[] }): Promise<RunBoxDto[]> {
  return q.query<RunBoxDto>(
    `select rb.id, rb.box_id as "boxId", br.name as brand, b.box_no as "boxNo", sv.label, rb.region_code as "regionCode",
       rb.qty::text, rb.damaged_qty::text as "damagedQty", rb.missing_qty::text as "missingQty", rb.stamps::text,
       rb.override_reason as "overrideReason", rb.skid_id as "skidId", sk.label as "skidLabel", u.display_name as "confirmedBy",
       to_char(rb.confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "confirmedAt"
     from run_box rb
     join shipment_box b on b.id = rb.box_id join brand br on br.id = b.brand_id
     join shipment_box_line bl on bl.id = rb.box_line_id join stamping_variant sv on sv.variant_id = bl.variant_id
     left join skid sk on sk.id = rb.skid_id
     left join app_user u on u.id = rb.confirmed_by
     where rb.po_id = $1 and ($2::uuid is null or rb.box_id = $2) and ($3::boolean is null or (rb.skid_id is null) = $3)
       and ($4::uuid is null or rb.skid_id = $4) and ($5::uuid[] is null or rb.id = any($5))
     order by rb.confirmed_at, b.box_no, bl.line_no`,
    [f.poId, f.boxId ?? null, f.staged ?? null, f.skidId ?? null, f.ids ?? null],
  );
}
