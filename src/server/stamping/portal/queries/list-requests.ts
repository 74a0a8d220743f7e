import type { PoRequestDto } from '../../../../contracts/stamping-run';
import type { Queryable } from '../../../kernel/db/types';
import { REQUEST_SELECT } from './get-request';

export interface RequestFilter {
  customerId?: string;
  status?: PoRequestDto['status'];
  limit?: number;
}

/** Requests waiting on someone (pending, modified) first, oldest of them first; then the rest, newest first. */
export function listRequests(q: Queryable, f: RequestFilter): Promise<PoRequestDto[]> {
  return q.query<PoRequestDto>(
    `select x.* from (${REQUEST_SELECT}
       where ($1::uuid is null or r.customer_id = $1) and ($2::text is null or r.status = $2)) x
     order by (x.status in ('pending', 'modified')) desc,
       case when x.status in ('pending', 'modified') then x."createdAt" end asc,
       x."createdAt" desc, x.id
     limit $3`,
    [f.customerId ?? null, f.status ?? null, f.limit ?? 100],
  );
}
