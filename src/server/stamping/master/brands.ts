import type { BrandDto } from '../../../contracts/stamping';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';

export function createBrand(ctx: Ctx, input: { code: string; name: string }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'stamping.create-brand', input, idempotencyKey, status: 201 }, async (cmd) => {
    const id = newId();
    await mapConstraints(
      () => cmd.query('insert into brand (id, code, name) values ($1, $2, $3)', [id, input.code, input.name]),
      { brand_code: () => new DomainError('stamping.brand_code_taken', `Brand code ${input.code} is taken.`, { errors: [{ field: 'code', message: 'already taken' }] }) },
    );
    const after: BrandDto = { id, code: input.code, name: input.name, active: true };
    cmd.audit({ entityType: 'brand', entityId: id, after });
    cmd.emit({ topic: 'stamping.brand-created', summary: `${cmd.actor.label} added brand ${input.name}`, payload: { id }, permission: 'stamping.read' });
    return after;
  });
}

export const listBrands = (q: Queryable) =>
  q.query<BrandDto>('select id, code, name, active from brand order by lower(name)');
