import type { AttributeDto, CreateAttribute, UpdateAttribute } from '../../../contracts/catalog';
import type { Ctx } from '../../kernel/context';
import { runCommand, type CommandTx } from '../../kernel/run-command';
import { DomainError, invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { findAttribute } from '../queries/list-attributes';
import { addLibraryValues } from './create-item';

/**
 * Adds an attribute to the plant's library (the global mapping), such as Size with XS…XXL, so new
 * items start from it. An item copies the values it takes; the library never changes an item.
 */
export function createAttribute(ctx: Ctx, input: CreateAttribute, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'catalog.create-attribute', input, idempotencyKey, status: 201 }, async (cmd) => {
    const id = newId();
    const [made] = await cmd.query<{ id: string }>(
      `insert into attribute (id, code, name) select $1, $2, $3 where not exists (select 1 from attribute where lower(code) = lower($2))
       on conflict do nothing returning id`,
      [id, input.code, input.name ?? input.code],
    );
    if (!made) throw new DomainError('catalog.attribute_code_taken', `The library has ${input.code.toLowerCase()} already: add values to it instead.`, { errors: [{ field: 'code', message: 'already in the library' }] });
    await addLibraryValues(cmd, id, input.values);
    return recorded(cmd, input.code, null);
  });
}

/** Renames a library attribute or adds values to it (values are only added, as on an item). */
export function updateAttribute(ctx: Ctx, code: string, input: UpdateAttribute) {
  return runCommand(ctx, { name: 'catalog.update-attribute', input: { code, ...input } }, async (cmd) => {
    const [row] = await cmd.query<{ id: string }>('select id from attribute where lower(code) = lower($1) for update', [code]);
    if (!row) throw new DomainError('catalog.attribute_not_found', `The library has no attribute ${code}.`);
    const before = (await findAttribute(cmd, code))!;
    const has = new Set(before.values.map((v) => v.toLowerCase()));
    const repeated = (input.addValues ?? []).find((v) => has.has(v.toLowerCase()));
    if (repeated) throw invalid('addValues', `${repeated} is already a value of ${before.code}`);
    if (input.name !== undefined) await cmd.query('update attribute set name = $2 where id = $1', [row.id, input.name]);
    if (input.addValues) await addLibraryValues(cmd, row.id, input.addValues);
    return recorded(cmd, code, before);
  });
}

async function recorded(cmd: CommandTx, code: string, before: AttributeDto | null): Promise<AttributeDto> {
  const after = (await findAttribute(cmd, code))!;
  cmd.audit({ entityType: 'attribute', entityId: after.code, before, after });
  cmd.emit({ topic: 'attribute.changed', summary: `${cmd.actor.label} ${before ? 'updated' : 'added'} attribute ${after.code} in the library`, payload: { code: after.code }, permission: 'catalog.read' });
  return after;
}
