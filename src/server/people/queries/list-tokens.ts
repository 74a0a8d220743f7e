import type { TokenDto } from '../../../contracts/people';
import type { Permission } from '../../../contracts/permissions';
import type { Queryable } from '../../kernel/db/types';

export interface TokenRow {
  id: string; name: string; prefix: string; scopes: Permission[]; created_at: Date;
  expires_at: Date | null; last_used_at: Date | null; revoked_at: Date | null;
}

export const toTokenDto = (r: TokenRow): TokenDto => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at?.toISOString() ?? null,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

export async function listOwnTokens(db: Queryable, userId: string): Promise<TokenDto[]> {
  const rows = await db.query<TokenRow>('select * from api_token where user_id = $1 order by created_at desc', [userId]);
  return rows.map(toTokenDto);
}
