import type { Queryable } from '../kernel/db/types';
import { newSecret } from '../kernel/ids';
import { sha256 } from '../kernel/canonical';
import { USABLE_USER, USER_COLUMNS, type UserRow } from './user-row';

export const SESSION_COOKIE = 'sf_session';

export interface SessionPolicy {
  idleHours: number;
  maxHours: number;
}

/** Creates a session; only the hash of its secret is stored, so a database leak reveals no cookie. */
export async function createSession(
  tx: Queryable,
  userId: string,
  policy: SessionPolicy,
  meta: { userAgent?: string | null; ip?: string | null },
): Promise<{ secret: string; csrfToken: string; idHash: string }> {
  const secret = newSecret();
  const csrfToken = newSecret(24);
  const idHash = sha256(secret);
  await tx.query(
    `insert into user_session (id_hash, user_id, csrf_token, expires_at, max_expires_at, user_agent, ip)
     values ($1, $2, $3, now() + make_interval(hours => $4), now() + make_interval(hours => $5), $6, $7)`,
    [idHash, userId, csrfToken, policy.idleHours, policy.maxHours, meta.userAgent?.slice(0, 300) ?? null, meta.ip ?? null],
  );
  return { secret, csrfToken, idHash };
}

export interface ResolvedSession {
  idHash: string;
  csrfToken: string;
  user: UserRow;
}

/**
 * The live session behind a cookie secret, sliding its idle expiry at most once a minute
 * (so reads do not turn into writes on every request), never past its absolute limit.
 */
export async function resolveSession(db: Queryable, secret: string, policy: SessionPolicy): Promise<ResolvedSession | null> {
  const idHash = sha256(secret);
  const rows = await db.query<UserRow & { csrf_token: string; last_seen_at: Date }>(
    `select ${USER_COLUMNS}, s.csrf_token, s.last_seen_at from user_session s join app_user u on u.id = s.user_id
     where s.id_hash = $1 and s.revoked_at is null and s.expires_at > now() and ${USABLE_USER}`,
    [idHash],
  );
  const row = rows[0];
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > 60_000) {
    await db.query(
      `update user_session set last_seen_at = now(),
         expires_at = least(max_expires_at, now() + make_interval(hours => $2)) where id_hash = $1`,
      [idHash, policy.idleHours],
    );
  }
  return { idHash, csrfToken: row.csrf_token, user: row };
}

export async function revokeSessions(tx: Queryable, where: { idHash?: string; userId?: string }): Promise<number> {
  const rows = where.idHash
    ? await tx.query('update user_session set revoked_at = now() where id_hash = $1 and revoked_at is null returning id_hash', [where.idHash])
    : await tx.query('update user_session set revoked_at = now() where user_id = $1 and revoked_at is null returning id_hash', [where.userId]);
  return rows.length;
}

export async function pruneSessions(db: Queryable): Promise<void> {
  await db.query(`delete from user_session where max_expires_at < now() - interval '7 days'`);
  await db.query(`delete from login_failure where at < now() - interval '1 day'`);
}

/** Revokes every API token of a user still in force (on deactivation and password reset). */
export async function revokeTokens(tx: Queryable, userId: string): Promise<number> {
  const rows = await tx.query('update api_token set revoked_at = now() where user_id = $1 and revoked_at is null returning id', [userId]);
  return rows.length;
}
