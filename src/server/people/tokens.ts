import type { Permission } from '../../contracts/permissions';
import type { Queryable } from '../kernel/db/types';
import { sha256 } from '../kernel/canonical';
import { newSecret } from '../kernel/ids';
import { USABLE_USER, USER_COLUMNS, type UserRow } from './user-row';

/**
 * API tokens read `sft_<prefix>_<secret>`. The prefix finds the row and is safe to show; only a
 * hash of the secret is stored.
 */
export function mintToken(): { token: string; prefix: string; secretHash: string } {
  const prefix = newSecret(6);
  const secret = newSecret(32);
  return { token: `sft_${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

const TOKEN_SHAPE = /^sft_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})$/;

export interface ResolvedToken {
  tokenId: string;
  scopes: Permission[];
  user: UserRow;
}

export async function resolveToken(db: Queryable, token: string): Promise<ResolvedToken | null> {
  const m = TOKEN_SHAPE.exec(token);
  if (!m) return null;
  const rows = await db.query<UserRow & { token_id: string; scopes: Permission[]; secret_hash: string; last_used_at: Date | null }>(
    `select ${USER_COLUMNS}, t.id as token_id, t.scopes, t.secret_hash, t.last_used_at
     from api_token t join app_user u on u.id = t.user_id
     where t.prefix = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and ${USABLE_USER}`,
    [m[1]],
  );
  const row = rows.find((r) => r.secret_hash === sha256(m[2]!));
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.query('update api_token set last_used_at = now() where id = $1', [row.token_id]);
  }
  return { tokenId: row.token_id, scopes: row.scopes, user: row };
}
