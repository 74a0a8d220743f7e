import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { hashPassword, verifyPassword } from '../passwords';
import { findUser } from '../queries/get-user';
import { announceAuthChange } from '../auth-cache';
import { revokeTokens } from '../sessions';

/** An administrator sets a new password: the user must change it at next sign-in; their sessions end. */
export async function resetPassword(ctx: Ctx, userId: string, password: string) {
  const hash = await hashPassword(password);
  return runCommand(ctx, { name: 'people.reset-password', input: { userId } }, async (cmd) => {
    const user = await findUser(cmd, userId, { forUpdate: true });
    await cmd.query(
      'update app_user set password_hash = $2, must_change_password = true, updated_at = now() where id = $1',
      [userId, hash],
    );
    await cmd.query('update user_session set revoked_at = now() where user_id = $1 and revoked_at is null', [userId]);
    // a reset is what an admin does when an account may be in the wrong hands: its tokens go too,
    // and the sign-in lockout on its name is lifted so the user can sign in with the new password
    const tokensRevoked = await revokeTokens(cmd, userId);
    await cmd.query('delete from login_failure where username_key = $1', [user.username.toLowerCase()]);
    await announceAuthChange(cmd, userId);
    cmd.audit({ entityType: 'user', entityId: userId, after: { passwordReset: true, sessionsEnded: true, tokensRevoked, lockoutLifted: true } });
    cmd.emit({ topic: 'user.updated', summary: `${cmd.actor.label} reset the password of ${user.username}`, payload: { userId }, permission: 'users.read' });
    return { ok: true as const };
  });
}

/** A user changes their own password; every other session of theirs ends. */
export async function changeOwnPassword(ctx: Ctx, current: string, next: string) {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError('auth.unauthenticated');
  const user = await findUser(ctx.db, userId);
  if (!(await verifyPassword(user.password_hash, current))) {
    throw new DomainError('people.wrong_password', 'The current password is wrong.', {
      errors: [{ field: 'currentPassword', message: 'wrong password' }],
    });
  }
  if (current === next) {
    throw new DomainError('people.weak_password', 'Choose a password different from the current one.', {
      errors: [{ field: 'newPassword', message: 'same as the current password' }],
    });
  }
  const hash = await hashPassword(next);
  return runCommand(ctx, { name: 'people.change-password', input: {} }, async (cmd) => {
    await cmd.query('update app_user set password_hash = $2, must_change_password = false, updated_at = now() where id = $1', [userId, hash]);
    await cmd.query(
      'update user_session set revoked_at = now() where user_id = $1 and revoked_at is null and id_hash <> $2',
      [userId, ctx.actor.sessionId ?? ''],
    );
    await announceAuthChange(cmd, userId);
    cmd.audit({ entityType: 'user', entityId: userId, after: { passwordChanged: true } });
    return { ok: true as const };
  });
}
