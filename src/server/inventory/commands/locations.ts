import type { Ctx } from '../../kernel/context';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';

export const LOCATION_KINDS = ['warehouse', 'zone', 'slot', 'supplier', 'transit', 'customer', 'production', 'scrap'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export interface LocationInput {
  code: string;
  name: string;
  kind: LocationKind;
  parentId?: string | null;
  allowNegative?: boolean;
  customerId?: string | null;
}

/** Creates a location; zones sit in a warehouse and slots in a zone, and the path records that. */
export function createLocation(ctx: Ctx, input: LocationInput, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.create-location', input, idempotencyKey, status: 201 }, async (cmd) => {
    const after = await insertLocation(cmd, input);
    cmd.emit({ topic: 'location.created', summary: `${cmd.actor.label} created location ${input.code}`, payload: { id: after.id }, permission: 'inventory.read' });
    return after;
  });
}

/** Renames a location; its code and path, which stock keys and scans refer to, stay. */
export function renameLocation(ctx: Ctx, id: string, name: string) {
  return runCommand(ctx, { name: 'inventory.rename-location', input: { id, name } }, async (cmd) => {
    const [before] = await cmd.query<{ code: string; name: string }>('select code, name from location where id = $1 for update', [id]);
    if (!before) throw new DomainError('inventory.location_not_found', `No location ${id}.`);
    await cmd.query('update location set name = $2 where id = $1', [id, name]);
    cmd.audit({ entityType: 'location', entityId: id, before: { name: before.name }, after: { name } });
    cmd.emit({ topic: 'location.updated', summary: `${cmd.actor.label} renamed location ${before.code} to ${name}`, payload: { id }, permission: 'inventory.read' });
    return { id, code: before.code, name };
  });
}

/** Inside a command (other modules create their locations this way): the row and its audit entry. */
export async function insertLocation(cmd: CommandTx, input: LocationInput): Promise<LocationInput & { id: string; path: string }> {
  let path = input.code;
  if (input.parentId) {
    const [parent] = await cmd.query<{ path: string; kind: string }>('select path, kind from location where id = $1', [input.parentId]);
    if (!parent) throw new DomainError('inventory.location_not_found', 'No such parent location.', { errors: [{ field: 'parentId', message: 'no such location' }] });
    // zones and slots divide a warehouse: never a customer's, a supplier's or any other place
    if ((input.kind === 'zone' || input.kind === 'slot') && parent.kind !== 'warehouse' && parent.kind !== 'zone') {
      throw new DomainError('request.invalid', `A ${input.kind} sits inside a warehouse or one of its zones, not a ${parent.kind} location.`, { errors: [{ field: 'parentId', message: 'not a warehouse or zone' }] });
    }
    // any other place sits only in one of its own kind (a customer's dock in the customer's site):
    // stock rolled up under a warehouse is then never a supplier's, a customer's or scrap
    if (input.kind !== 'zone' && input.kind !== 'slot' && parent.kind !== input.kind) {
      throw new DomainError('request.invalid', `A ${input.kind} location sits only inside another ${input.kind} location, not a ${parent.kind}.`, { errors: [{ field: 'parentId', message: `not a ${input.kind} location` }] });
    }
    path = `${parent.path}/${input.code}`;
  }
  if ((input.kind === 'zone' || input.kind === 'slot') && !input.parentId) {
    throw new DomainError('request.invalid', `A ${input.kind} sits inside another location.`, { errors: [{ field: 'parentId', message: 'required for zones and slots' }] });
  }
  const id = newId();
  await mapConstraints(
    () =>
      cmd.query(
        `insert into location (id, code, name, kind, parent_id, path, allow_negative, customer_id) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, input.code, input.name, input.kind, input.parentId ?? null, path, input.allowNegative ?? false, input.customerId ?? null],
      ),
    {
      location_code: () => new DomainError('inventory.location_code_taken', `Location code ${input.code} is taken.`, { errors: [{ field: 'code', message: 'already taken' }] }),
      location_customer_id_fkey: () => new DomainError('request.invalid', 'No such customer.', { errors: [{ field: 'customerId', message: 'no such customer' }] }),
    },
  );
  const after = { id, ...input, path };
  cmd.audit({ entityType: 'location', entityId: id, after });
  return after;
}
