import type { CalendarDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import { siteDays, type Day } from '../../../planning';
import { RUN_TYPE } from './get-po';

type CalendarPo = CalendarDto['days'][number]['pos'][number];

/** The production calendar: each day's capacity and its POs in queue order (sequence, then time). */
export async function poCalendar(q: Queryable, siteId: string, from: Day, to: Day): Promise<CalendarDto> {
  const days = await siteDays(q, siteId, from, to);
  const rows = await q.query<CalendarPo & { day: string }>(
    `select b.day::text as day, p.id, p.number, c.code as "customerCode", p.status, p.urgent, b.qty::text as qty, b.sequence,
       pp.number as "parentNumber", p.segment_no as "segmentNo",
       coalesce((select array_agg(distinct region_code order by region_code) from production_order_line where po_id = p.id), '{}') as regions
     from planning_booking b
     join production_order p on p.id = b.run_id
     join customer c on c.id = p.customer_id
     left join production_order pp on pp.id = p.parent_id
     where b.run_type = $1 and b.site_id = $2 and b.day between $3 and $4
     order by b.day, b.sequence, b.booked_at, p.id`,
    [RUN_TYPE, siteId, from, to],
  );
  const byDay = new Map<string, CalendarPo[]>();
  for (const { day, ...po } of rows) byDay.set(day, [...(byDay.get(day) ?? []), po]);
  return { siteId, from, to, days: days.map((d) => ({ ...d, pos: byDay.get(d.day) ?? [] })) };
}
