import type { Me } from '../../../contracts/people';
import type { Services } from '../../http/env';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { dummyPasswordHash, verifyPassword } from '../passwords';
import { createSession } from '../sessions';
import { findUserByUsername } from '../queries/get-user';
import { actorForUser, type UserRow } from '../user-row';
import { describeMe } from '../queries/get-me';

/** Failed attempts allowed per username, and per address, within the window. */
export const LOGIN_LIMITS = { perUsername: 10, perIp: 50, windowMinutes: 15 };

export interface LoginMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

async function assertNotThrottled(services: Services, usernameKey: string, ip: string): Promise<void> {
  const [row] = await services.db.query<{ by_user: number; by_ip: number }>(
    `select count(*) filter (where username_key = $1)::int as by_user, count(*) filter (where ip = $2)::int as by_ip
     from login_failure where at > now() - make_interval(mins => $3) and (username_key = $1 or ip = $2)`,
    [usernameKey, ip, LOGIN_LIMITS.windowMinutes],
  );
  if (row && (row.by_user >= LOGIN_LIMITS.perUsername || row.by_ip >= LOGIN_LIMITS.perIp)) {
    throw new DomainError('auth.rate_limited', `Too many failed sign-ins; wait ${LOGIN_LIMITS.windowMinutes} minutes.`, {
      retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60,
    });
  }
}

/**
 * Checks the password and opens a session. Failures are counted, not audited one by one (no log
 * flooding); the successful sign-in's audit event says how many preceded it.
 */
export async function login(
  services: Services,
  input: { username: string; password: string },
  meta: LoginMeta,
): Promise<{ me: Me; secret: string }> {
  const usernameKey = input.username.toLowerCase();
  await assertNotThrottled(services, usernameKey, meta.ip);
  const user = await findUserByUsername(services.db, input.username);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.active || !(await customerActive(services, user))) {
    await services.db.query('insert into login_failure (username_key, ip) values ($1, $2)', [usernameKey, meta.ip]);
    throw new DomainError('auth.invalid_credentials', 'Wrong username or password, or the account is inactive.');
  }
  const ctx = { db: services.db, actor: actorForUser(user), requestId: meta.requestId, log: services.log };
  const { body } = await runCommand(ctx, { name: 'auth.login', input: { username: user.username } }, async (cmd) => {
    const policy = { idleHours: services.config.sessionIdleHours, maxHours: services.config.sessionMaxHours };
    const session = await createSession(cmd, user.id, policy, meta);
    await cmd.query('update app_user set last_login_at = now() where id = $1', [user.id]);
    // the failures before this sign-in stop counting towards a lockout; the audit keeps their number
    const cleared = await cmd.query('delete from login_failure where username_key = $1 returning 1', [usernameKey]);
    cmd.audit({ entityType: 'user', entityId: user.id, after: { signedIn: true, ip: meta.ip, ...(cleared.length ? { failedAttemptsBefore: cleared.length } : {}) } });
    return { secret: session.secret, csrfToken: session.csrfToken };
  });
  const me = await describeMe(services.db, actorForUser({ ...user, last_login_at: new Date() }), body.csrfToken);
  return { me, secret: body.secret };
}

async function customerActive(services: Services, user: UserRow): Promise<boolean> {
  if (!user.customer_id) return true;
  const rows = await services.db.query('select 1 from customer where id = $1 and active', [user.customer_id]);
  return rows.length > 0;
}

