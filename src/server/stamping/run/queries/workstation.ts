import type { z } from 'zod';
import type { WorkstationDto } from '../../../../contracts/stamping-run';
import type { Queryable } from '../../../kernel/db/types';
import { localDay, localDayBounds, type Day } from '../../../planning';
import { RUN_TYPE } from '../../orders/queries/get-po';

/**
 * The workstation's day: its POs in queue order (drag sequence, then booking time) that are not
 * yet done — today's also carry, first, every order of an earlier day not done yet (not started,
 * in production or waiting for verification): work a day left over is the station's next work,
 * not gone from its sight until a planner moves it — and per region the stamps confirmed that
 * plant day beside what the stamp ledger has left. The day's bounds are the server's local midnights, as every plant day is.
 */
export async function workstationDay(q: Queryable, day: Day, now = new Date()): Promise<z.infer<typeof WorkstationDto>> {
  const carryOver = day === localDay(now);
  const queue = await q.query<z.infer<typeof WorkstationDto>['queue'][number]>(
    `select p.id, p.number, c.code as "customerCode", p.status, p.urgent, b.qty::text as qty, b.sequence, p.notes,
       b.day::text as "bookedDay",
       (select count(distinct rb.box_id)::int from run_box rb where rb.po_id = p.id and rb.skid_id is null) as "stagedBoxes",
       coalesce((select array_agg(distinct region_code order by region_code) from production_order_line where po_id = p.id), '{}') as regions
     from planning_booking b join production_order p on p.id = b.run_id join customer c on c.id = p.customer_id
     where b.run_type = $1 and p.status in ('open', 'in_production', 'pending_verification')
       and (b.day = $2 or ($3 and b.day < $2))
     order by b.day, b.sequence, b.booked_at, p.id`,
    [RUN_TYPE, day, carryOver],
  );
  const { start, end } = localDayBounds(day);
  const regions = await q.query<z.infer<typeof WorkstationDto>['counters']['regions'][number]>(
    `select r.code as "regionCode", r.name, r.colour,
       coalesce((select sum(rb.stamps) from run_box rb where rb.region_code = r.code and rb.confirmed_at >= $1 and rb.confirmed_at < $2), 0)::text as "stampedToday",
       coalesce((select b.qty from stock_key k join stock_balance b on b.key_id = k.id cross join stamping_setup s
                 where k.variant_id = r.stamp_variant_id and k.location_id = s.stamp_location_id and k.lot_id is null and k.grade = 'good'), 0)::text as remaining
     from tax_region r where r.active order by r.position, r.code`,
    [start, end],
  );
  return { day, queue, counters: { day, regions } };
}
