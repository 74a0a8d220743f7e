import type { UpdateUser, UserDto } from '../../../contracts/people';
import type { Ctx } from '../../kernel/context';
import { runCommand, type CommandResult } from '../../kernel/run-command';
import { checkPlacement, assertAdminRemains } from '../org-checks';
import { findUser } from '../queries/get-user';
import { revokeSessions, revokeTokens } from '../sessions';
import { announceAuthChange } from '../auth-cache';
import { auditUser, toUserDto } from '../user-row';

export async function updateUser(ctx: Ctx, id: string, patch: UpdateUser, idempotencyKey?: string | null): Promise<CommandResult<UserDto>> {
  return runCommand(ctx, { name: 'people.update-user', input: { id, ...patch }, idempotencyKey }, async (cmd) => {
    const before = await findUser(cmd, id, { forUpdate: true });
    const roles = patch.roles ? [...new Set(patch.roles)] : before.roles;
    const active = patch.active ?? before.active;
    await assertAdminRemains(cmd, id, active && roles.includes('admin'));
    const placement = await checkPlacement(cmd, {
      roles,
      departmentId: patch.departmentId !== undefined ? patch.departmentId : patch.teamId ? null : before.department_id,
      teamId: patch.teamId !== undefined ? patch.teamId : before.team_id,
      customerId: patch.customerId !== undefined ? patch.customerId : before.customer_id,
    }, { departmentId: before.department_id, teamId: before.team_id, customerId: before.customer_id });
    await cmd.query(
      `update app_user set display_name = $2, email = $3, roles = $4, department_id = $5, team_id = $6,
         customer_id = $7, active = $8, updated_at = now() where id = $1`,
      [id, patch.displayName ?? before.display_name, patch.email !== undefined ? patch.email : before.email,
        roles, placement.departmentId, placement.teamId, placement.customerId, active],
    );
    // a leaver's access ends for good: sessions and API tokens (reactivating brings neither back)
    if (!active && before.active) {
      await revokeSessions(cmd, { userId: id });
      await revokeTokens(cmd, id);
    }
    await announceAuthChange(cmd, id); // roles, placement or activity may have changed
    const after = await findUser(cmd, id);
    cmd.audit({ entityType: 'user', entityId: id, before: auditUser(before), after: auditUser(after) });
    cmd.emit({
      topic: 'user.updated',
      summary: `${cmd.actor.label} updated user ${after.username}`,
      payload: { userId: id },
      permission: 'users.read',
    });
    return toUserDto(after);
  });
}
