import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { revokeSessions } from '../sessions';
import { announceAuthChange } from '../auth-cache';

export async function logout(ctx: Ctx) {
  return runCommand(ctx, { name: 'auth.logout', input: {} }, async (cmd) => {
    const ended = ctx.actor.sessionId ? await revokeSessions(cmd, { idHash: ctx.actor.sessionId }) : 0;
    if (ctx.actor.userId) await announceAuthChange(cmd, ctx.actor.userId);
    cmd.audit({ entityType: 'user', entityId: ctx.actor.userId ?? 'unknown', after: { signedOut: ended > 0 } });
    return { ok: true as const };
  });
}
