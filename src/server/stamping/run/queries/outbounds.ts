import type { z } from 'zod';
import type { OutboundDto } from '../../../../contracts/stamping-run';
import type { Queryable } from '../../../kernel/db/types';

/** Outbounds, newest day first; a customer sees only theirs. */
export function listOutbounds(q: Queryable, f: { customerId?: string; limit?: number } = {}): Promise<Array<z.infer<typeof OutboundDto>>> {
  return q.query<z.infer<typeof OutboundDto>>(
    `select o.id, o.number, o.customer_id as "customerId", c.code as "customerCode", c.name as "customerName", o.day::text as day,
       to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
       coalesce((select json_agg(json_build_object('id', p.id, 'number', p.number,
           'qty', (select coalesce(sum(stamped_qty), 0)::text from production_order_line where po_id = p.id)) order by p.number)
         from outbound_po op join production_order p on p.id = op.po_id where op.outbound_id = o.id), '[]') as pos
     from outbound o join customer c on c.id = o.customer_id
     where ($1::uuid is null or o.customer_id = $1)
     order by o.day desc, o.number desc limit $2`,
    [f.customerId ?? null, f.limit ?? 100],
  );
}
