import type { ConsigneeDto } from '../../../contracts/stamping';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { insertLocation } from '../../inventory';
import { ensureSetup } from './setup';

/**
 * Makes a customer a consignee: their goods get a stock location of their own inside the
 * stamping warehouse, so the ledger always says whose units these are.
 */
export function createConsignee(ctx: Ctx, customerId: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.create-consignee', input: { customerId }, idempotencyKey, status: 201 }, async (cmd) => {
    const existing = await getConsignee(cmd, customerId);
    if (existing) {
      cmd.audit({ entityType: 'consignee', entityId: customerId, after: { alreadyConsignee: true } });
      return existing;
    }
    const [customer] = await cmd.query<{ code: string; name: string }>('select code, name from customer where id = $1', [customerId]);
    if (!customer) throw new DomainError('people.customer_not_found', 'No such customer.', { errors: [{ field: 'customerId', message: 'no such customer' }] });
    const setup = await ensureSetup(cmd);
    const location = await insertLocation(cmd, { code: `CONS-${customer.code}`, name: `${customer.name} (consigned)`, kind: 'slot', parentId: setup.consignedLocationId, customerId });
    await cmd.query('insert into consignee (customer_id, location_id) values ($1, $2)', [customerId, location.id]);
    const after = (await getConsignee(cmd, customerId))!;
    cmd.audit({ entityType: 'consignee', entityId: customerId, after });
    cmd.emit({ topic: 'stamping.consignee-created', summary: `${cmd.actor.label} set up ${customer.name} as a consignee`, payload: { customerId }, permission: 'stamping.read' });
    return after;
  });
}

const SELECT = `select c.customer_id as "customerId", cu.code, cu.name, c.location_id as "locationId", l.code as "locationCode"
  from consignee c join customer cu on cu.id = c.customer_id join location l on l.id = c.location_id`;

export async function getConsignee(q: Queryable, customerId: string): Promise<ConsigneeDto | undefined> {
  return (await q.query<ConsigneeDto>(`${SELECT} where c.customer_id = $1`, [customerId]))[0];
}

/** The consignee, or a 422 naming the field: commands that need one call this. */
export async function requireConsignee(cmd: CommandTx, customerId: string, field = 'customerId'): Promise<ConsigneeDto> {
  const c = await getConsignee(cmd, customerId);
  if (!c) throw new DomainError('stamping.not_a_consignee', 'That customer is not set up as a consignee.', { errors: [{ field, message: 'not a consignee' }] });
  return c;
}

export const listConsignees = (q: Queryable) => q.query<ConsigneeDto>(`${SELECT} order by lower(cu.name)`);
