import type { CreateUnit, UnitDto } from '../../../contracts/catalog';
import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';

/** Adds a unit of measure. Units are never edited or removed: stock is posted in them. */
export function createUnit(ctx: Ctx, input: CreateUnit, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'catalog.create-unit', input, idempotencyKey, status: 201 }, async (cmd) => {
    const [unit] = await cmd.query<UnitDto>(
      `insert into uom (code, name, decimals) select $1, $2, $3
       where not exists (select 1 from uom where lower(code) = lower($1))
       on conflict do nothing returning code, name, decimals::int as decimals`,
      [input.code, input.name, input.decimals],
    );
    if (!unit) throw new DomainError('catalog.uom_code_taken', `Unit ${input.code} exists.`, { errors: [{ field: 'code', message: 'already taken' }] });
    cmd.audit({ entityType: 'uom', entityId: unit.code, after: unit });
    cmd.emit({ topic: 'unit.created', summary: `${cmd.actor.label} added unit ${unit.code} (${unit.name})`, payload: { code: unit.code }, permission: 'inventory.read' });
    return unit;
  });
}
