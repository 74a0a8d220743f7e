import type { RegionDto } from '../../../contracts/stamping';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { insertItem } from '../../catalog/commands/create-item';
import { getOrCreateVariant } from '../../catalog/commands/get-or-create-variant';

/** A tax region and its stamp: a consumable item whose stock is that region's stamp ledger. */
export function createRegion(ctx: Ctx, input: { code: string; name: string; colour: string }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.create-region', input, idempotencyKey, status: 201 }, async (cmd) => {
    const taken = await cmd.query('select 1 from tax_region where code = $1', [input.code]);
    if (taken.length) throw new DomainError('stamping.region_code_taken', `Region ${input.code} exists.`, { errors: [{ field: 'code', message: 'already taken' }] });
    const item = await insertItem(cmd, { code: `STAMP-${input.code.toUpperCase()}`, name: `${input.name} excise stamp`, kind: 'consumable', uom: 'ea', category: 'Excise stamps', attributes: [] });
    const { variant } = await getOrCreateVariant(cmd, item.id, {});
    const [{ position }] = (await cmd.query<{ position: number }>('select coalesce(max(position) + 1, 0)::int as position from tax_region')) as [{ position: number }];
    await cmd.query('insert into tax_region (code, name, colour, stamp_variant_id, position) values ($1, $2, $3, $4, $5)', [input.code, input.name, input.colour, variant.id, position]);
    const after: RegionDto = { code: input.code, name: input.name, colour: input.colour, stampVariantId: variant.id, position, active: true };
    cmd.audit({ entityType: 'tax_region', entityId: input.code, after });
    cmd.emit({ topic: 'stamping.region-created', summary: `${cmd.actor.label} added tax region ${input.name}`, payload: { code: input.code }, permission: 'stamping.read' });
    return after;
  });
}

export const listRegions = (q: Queryable) =>
  q.query<RegionDto>(
    `select code, name, colour, stamp_variant_id as "stampVariantId", position, active from tax_region order by position, code`,
  );
