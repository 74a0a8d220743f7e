import type { CustomerDto } from '../../../contracts/people';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';
import { getCustomer } from '../queries/list-org';
import { announceAuthChange } from '../auth-cache';

async function mustGet(db: Queryable, id: string): Promise<CustomerDto> {
  const c = await getCustomer(db, id);
  if (!c) throw new DomainError('people.customer_not_found', `No customer ${id}.`);
  return c;
}

interface CustomerInput {
  code: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

export function createCustomer(ctx: Ctx, input: CustomerInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'people.create-customer', input, idempotencyKey, status: 201 }, async (cmd) => {
    const id = newId();
    await mapConstraints(
      () =>
        cmd.query('insert into customer (id, code, name, email, phone, address) values ($1, $2, $3, $4, $5, $6)', [
          id, input.code, input.name, input.email ?? null, input.phone ?? null, input.address ?? null,
        ]),
      { customer_code: () => new DomainError('people.customer_code_taken', `Customer code ${input.code} is taken.`, { errors: [{ field: 'code', message: 'already taken' }] }) },
    );
    const after = await mustGet(cmd, id);
    cmd.audit({ entityType: 'customer', entityId: id, after });
    cmd.emit({ topic: 'customer.created', summary: `${cmd.actor.label} created customer ${input.name}`, payload: { id }, permission: 'customers.read' });
    return after;
  });
}

/** Deactivating a customer ends its users' sessions: they can no longer sign in. */
export function updateCustomer(ctx: Ctx, id: string, patch: Partial<Omit<CustomerInput, 'code'>> & { active?: boolean }) {
  return runCommand(ctx, { name: 'people.update-customer', input: { id, ...patch } }, async (cmd) => {
    await cmd.query('select 1 from customer where id = $1 for update', [id]);
    const before = await mustGet(cmd, id);
    const pick = <K extends keyof CustomerDto>(k: K, v: CustomerDto[K] | undefined) => (v !== undefined ? v : before[k]);
    await cmd.query('update customer set name = $2, email = $3, phone = $4, address = $5, active = $6, updated_at = now() where id = $1', [
      id, pick('name', patch.name), pick('email', patch.email), pick('phone', patch.phone), pick('address', patch.address), pick('active', patch.active),
    ]);
    if (patch.active === false && before.active) {
      await cmd.query(
        'update user_session set revoked_at = now() where revoked_at is null and user_id in (select id from app_user where customer_id = $1)',
        [id],
      );
      await announceAuthChange(cmd, '*'); // all of the customer's users lose access
    }
    const after = await mustGet(cmd, id);
    cmd.audit({ entityType: 'customer', entityId: id, before, after });
    cmd.emit({ topic: 'customer.updated', summary: `${cmd.actor.label} updated customer ${after.name}`, payload: { id }, permission: 'customers.read', customerId: id });
    return after;
  });
}
