import Decimal from '../../../../contracts/exact-decimal';
import type { z } from 'zod';
import { overAuthorised, type VerificationDto, type VerifyLineDto } from '../../../../contracts/stamping-run';
import type { Queryable } from '../../../kernel/db/types';
import { getPo } from '../../orders/queries/get-po';

type Line = z.infer<typeof VerifyLineDto>;

/**
 * The verify screen: per line the original estimate (the quantity when the run started, before
 * any increase), what is authorised now and what was stamped, production damage and
 * missing units (they count against the line) and found-damaged units from receiving (they never
 * do), and why the PO cannot be verified yet — including by the user asking.
 */
export async function getVerification(q: Queryable, poId: string, userId: string | null): Promise<z.infer<typeof VerificationDto>> {
  const po = await getPo(q, poId);
  const figures = await q.query<{ po_line_id: string; estimate: string; damaged: string; missing: string; found_damaged: string }>(
    `select l.id as po_line_id, trim_scale(coalesce(l.estimate_qty, l.qty))::text as estimate,
       coalesce((select sum(damaged_qty) from run_box where po_line_id = l.id), 0)::text as damaged,
       coalesce((select sum(missing_qty) from run_box where po_line_id = l.id), 0)::text as missing,
       coalesce((select sum(d.qty) from run_box rb join box_damage d on d.box_line_id = rb.box_line_id and d.damage_type = 'found-damaged'
                 where rb.po_line_id = l.id), 0)::text as found_damaged
     from production_order_line l where l.po_id = $1`,
    [poId],
  );
  const regionName = (code: string) => po.lines.find((l) => l.regionCode === code)?.regionName ?? code;
  const lines: Line[] = po.lines.map((l) => {
    const f = figures.find((x) => x.po_line_id === l.id)!;
    return {
      poLineId: l.id, label: l.label, brand: l.brand, flavour: l.flavour, volumeMl: l.volumeMl, strengthMg: l.strengthMg, regionCode: l.regionCode,
      estimate: f.estimate, authorised: l.qty, actual: l.stampedQty, difference: new Decimal(l.stampedQty).minus(f.estimate).toString(),
      damaged: f.damaged, missing: f.missing, foundDamaged: f.found_damaged,
      variance: new Decimal(f.damaged).plus(f.missing).toString(),
    };
  });
  const stampers = await q.query<{ id: string; name: string }>(
    `select distinct u.id, u.display_name as name from app_user u
     where u.id in (select confirmed_by from run_box where po_id = $1) or u.id = (select started_by from production_order where id = $1)`,
    [poId],
  );
  const [verified] = await q.query<{ by: string; at: string; note: string | null }>(
    `select u.display_name as by, to_char(v.verified_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, v.note
     from po_verification v join app_user u on u.id = v.verified_by where v.po_id = $1`,
    [poId],
  );
  // one override covers a whole box (its lines of one region share it): a row per box and region
  const overrides = await q.query<z.infer<typeof VerificationDto>['overrides'][number]>(
    `select b.name as brand, sb.box_no as "boxNo", rb.region_code as "regionCode", trim_scale(sum(rb.stamps))::text as stamps,
       rb.override_reason as reason, min(u.display_name) as by,
       to_char(min(rb.confirmed_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at
     from run_box rb join shipment_box sb on sb.id = rb.box_id join brand b on b.id = sb.brand_id left join app_user u on u.id = rb.confirmed_by
     where rb.po_id = $1 and rb.override_reason is not null
     group by b.name, sb.box_no, rb.region_code, rb.override_reason order by min(rb.confirmed_at), b.name, sb.box_no`,
    [poId],
  );
  // a box is one thing on the floor: a mixed box has a run row per line, but waits as one box
  const [staged] = await q.query<{ n: number }>('select count(distinct box_id)::int as n from run_box where po_id = $1 and skid_id is null', [poId]);
  const blockers = [
    ...(po.status === 'pending_verification' ? [] : [`${po.number} is ${po.status.replace('_', ' ')}, not pending verification.`]),
    // a completed PO takes no skid: goods left staged could never be put away or labelled
    ...(staged!.n > 0 ? [stagedBlocker(staged!.n)] : []),
    ...lines.filter(overAuthorised).map((l) => `${l.label} (${regionName(l.regionCode)}): ${l.actual} stamped, ${l.authorised} authorised — increase the line first.`),
    ...(userId && stampers.some((s) => s.id === userId) ? ['You stamped this order; a second user must verify it.'] : []),
  ];
  return { po, lines, canVerify: blockers.length === 0, blockers, stampers: stampers.map((s) => s.name), verified: verified ?? null, overrides, stagedBoxes: staged!.n };
}

export const stagedBlocker = (n: number) => `${n} confirmed ${n === 1 ? 'box is' : 'boxes are'} not on a skid yet: complete the skid first.`;
