import type { PoDto, PoStatus } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import { conditions, likePattern, listPage, type ListArgs } from '../../../kernel/pagination';
import { PO_SELECT, toPoDto, type PoRow } from './get-po';

export interface PoFilter {
  status?: PoStatus;
  customerId?: string;
  shipmentId?: string;
  /** leave segments out: they show inside their parent */
  topLevel?: boolean;
  q?: string;
}

/** Production orders, newest first by default (sort: created, number, day). */
export async function listPos(q: Queryable, f: PoFilter, page: ListArgs): Promise<{ items: PoDto[]; nextCursor: string | null }> {
  const c = conditions();
  c.add('x.status = ?', f.status);
  c.add('x."customerId" = ?', f.customerId);
  c.add('x."shipmentId" = ?', f.shipmentId);
  c.add('(x.number ilike ? or x."shipmentNumber" ilike ?)', f.q ? likePattern(f.q) : undefined);
  if (f.topLevel) c.where.push('x."parentId" is null');
  const { rows, nextCursor } = await listPage<PoRow>(q, {
    select: `select x.* from (${PO_SELECT}) x`,
    where: c.where,
    params: c.params,
    sortable: { created: 'x."createdAt"', number: 'x.number', day: `coalesce(x.day, '9999-12-31')` },
    defaultSort: '-created',
    idColumn: 'x.id',
    cursorOf: (r, field) => [field === 'number' ? r.number : field === 'day' ? r.day ?? '9999-12-31' : r.createdAt, r.id],
  }, page);
  return { items: rows.map(toPoDto), nextCursor };
}
