import type { PoDto } from '../../../../contracts/stamping';
import type { Queryable } from '../../../kernel/db/types';
import type { ListArgs } from '../../../kernel/pagination';
import { listPos } from '../../orders/queries/list-pos';
import { findPo } from '../../orders/queries/get-po';

/**
 * A PO as a customer sees it, wherever the portal answers with one: notes are written for the
 * stamper on the line, not for the customer.
 */
export const forCustomer = (po: PoDto): PoDto => ({ ...po, notes: null });

/** A customer's production orders: parents (and unsplit orders) with their segments and days. */
export async function portalOrders(q: Queryable, customerId: string, status: PoDto['status'] | undefined, args: ListArgs): Promise<{ items: PoDto[]; nextCursor: string | null }> {
  const page = await listPos(q, { customerId, status, topLevel: true }, args);
  return { items: page.items.map(forCustomer), nextCursor: page.nextCursor };
}

/** One of the customer's orders (a segment too); another customer's is simply not there. */
export async function portalOrder(q: Queryable, customerId: string, id: string): Promise<PoDto | undefined> {
  const po = await findPo(q, id);
  return po && po.customerId === customerId ? forCustomer(po) : undefined;
}
