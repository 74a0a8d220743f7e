import type { TokenDto } from '../../../contracts/people';
import type { Permission } from '../../../contracts/permissions';
import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { mintToken } from '../tokens';
import { announceAuthChange } from '../auth-cache';
import { toTokenDto, type TokenRow } from '../queries/list-tokens';

/** Issues a token for the caller, limited to scopes the caller holds. The secret is shown once. */
export async function createApiToken(
  ctx: Ctx,
  input: { name: string; scopes: Permission[]; expiresInDays?: number | null },
  idempotencyKey?: string | null,
) {
  const missing = input.scopes.filter((s) => !ctx.actor.permissions.has(s));
  if (missing.length) {
    throw new DomainError('people.scope_not_held', `You do not hold ${missing.join(', ')}.`, {
      errors: [{ field: 'scopes', message: `not held: ${missing.join(', ')}` }],
    });
  }
  const minted = mintToken();
  return runCommand(ctx, { name: 'people.create-api-token', input, idempotencyKey, status: 201 }, async (cmd) => {
    const id = newId();
    const [row] = await cmd.query<TokenRow>(
      `insert into api_token (id, user_id, name, prefix, secret_hash, scopes, expires_at)
       values ($1, $2, $3, $4, $5, $6, case when $7::int is null then null else now() + make_interval(days => $7::int) end)
       returning *`,
      [id, ctx.actor.userId, input.name, minted.prefix, minted.secretHash, [...new Set(input.scopes)], input.expiresInDays ?? null],
    );
    const dto = toTokenDto(row!);
    cmd.audit({ entityType: 'api_token', entityId: id, after: dto });
    return { ...dto, token: minted.token };
  });
}

/** Revokes one of the caller's tokens, or — for an administrator, naming the owner — another user's. */
export async function revokeApiToken(ctx: Ctx, tokenId: string, ownerId: string = ctx.actor.userId!): Promise<{ body: TokenDto }> {
  return runCommand(ctx, { name: 'people.revoke-api-token', input: { tokenId, ownerId } }, async (cmd) => {
    const [row] = await cmd.query<TokenRow>(
      `update api_token set revoked_at = coalesce(revoked_at, now()) where id = $1 and user_id = $2 returning *`,
      [tokenId, ownerId],
    );
    if (!row) throw new DomainError('people.token_not_found', ownerId === ctx.actor.userId ? 'No such token of yours.' : 'No such token of that user.');
    await announceAuthChange(cmd, ownerId);
    const dto = toTokenDto(row);
    cmd.audit({ entityType: 'api_token', entityId: tokenId, after: { revokedAt: dto.revokedAt } });
    return dto;
  });
}
