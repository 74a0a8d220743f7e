import type { SkidAmendmentDto, SkidDto } from '../../../../contracts/stamping-run';
import type { Queryable } from '../../../kernel/db/types';
import { DomainError } from '../../../kernel/errors';

/** A PO's live skids with their counters summed from their boxes (so a merge rolls them up). */
export function listSkids(q: Queryable, poId: string, skidId?: string): Promise<SkidDto[]> {
  return q.query<SkidDto>(
    `select s.id, s.po_id as "poId", s.seq, s.label, s.location_id as "locationId", l.path as "locationPath",
       count(distinct rb.box_id)::int as boxes, coalesce(sum(rb.qty), 0)::text as stamped,
       coalesce(sum(rb.damaged_qty), 0)::text as damaged, coalesce(sum(rb.missing_qty), 0)::text as missing,
       coalesce(sum(rb.stamps), 0)::text as stamps,
       to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"
     from skid s join location l on l.id = s.location_id left join run_box rb on rb.skid_id = s.id
     where s.po_id = $1 and s.deleted_at is null and ($2::uuid is null or s.id = $2)
     group by s.id, l.path order by s.seq`,
    [poId, skidId ?? null],
  );
}

/** One live skid of the PO; `field` names the input that gave its id, for the refusal. */
export async function getSkid(q: Queryable, poId: string, skidId: string, field?: string): Promise<SkidDto> {
  const [s] = await listSkids(q, poId, skidId);
  if (!s) throw new DomainError('stamping.skid_not_found', 'No such skid on this order.', field ? { errors: [{ field, message: 'not a skid of this order' }] } : {});
  return s;
}

/**
 * The lowest skid number free for the PO: a deleted skid's number is taken again, and a number a
 * live skid holds never is (`SK-…-02` of 01/02/03 deleted → the next skid is 02). PO numbers are
 * unique per customer only, so a number whose label another customer's PO of the same number
 * holds is skipped too: labels never collide plant-wide. The caller holds `lockSkidLabels`.
 */
export async function nextSkidSeq(q: Queryable, po: { id: string; number: string }): Promise<number> {
  const [row] = (await q.query<{ seq: number }>(
    `select min(n)::int as seq
     from generate_series(1, 1 + (select count(*) from skid s join production_order p on p.id = s.po_id
                                  where s.deleted_at is null and (s.po_id = $1 or lower(p.number) = lower($2)))) n
     where not exists (select 1 from skid where po_id = $1 and seq = n and deleted_at is null)
       and not exists (select 1 from skid where deleted_at is null
                       and lower(label) = lower('SK-' || $2 || '-' || case when n < 10 then '0' else '' end || n))`,
    [po.id, po.number],
  )) as [{ seq: number }];
  return row.seq;
}

/** Serialises new skids of every PO sharing a number (whatever its customer), until commit. */
export async function lockSkidLabels(q: Queryable, poNumber: string): Promise<void> {
  await q.query(`select pg_advisory_xact_lock(hashtext('skid-label:' || lower($1)))`, [poNumber]);
}

export const skidLabel = (poNumber: string, seq: number) => `SK-${poNumber}-${String(seq).padStart(2, '0')}`;

/** A skid's history, box line by box line, oldest first: what came onto it and what left, by whom and why. */
export function listSkidAmendments(q: Queryable, skidId: string): Promise<SkidAmendmentDto[]> {
  return q.query<SkidAmendmentDto>(
    `select a.id, a.run_box_id as "runBoxId", br.name as brand, b.box_no as "boxNo", sv.label, a.kind, a.reason, a.batch_id as "batchId",
       u.display_name as by, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
       (select s2.label from skid_amendment a2 join skid s2 on s2.id = a2.skid_id
        where a2.batch_id = a.batch_id and a2.run_box_id = a.run_box_id and a2.id <> a.id) as "otherSkid"
     from skid_amendment a join run_box rb on rb.id = a.run_box_id
     join shipment_box b on b.id = rb.box_id join brand br on br.id = b.brand_id
     join shipment_box_line bl on bl.id = rb.box_line_id join stamping_variant sv on sv.variant_id = bl.variant_id
     left join app_user u on u.id = a.by_user
     where a.skid_id = $1 order by a.at, b.box_no, a.kind, a.id`,
    [skidId],
  );
}
