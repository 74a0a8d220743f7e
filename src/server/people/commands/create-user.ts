import type { CreateUser, UserDto } from '../../../contracts/people';
import type { Ctx } from '../../kernel/context';
import { runCommand, type CommandResult } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';
import { hashPassword } from '../passwords';
import { checkPlacement } from '../org-checks';
import { findUser } from '../queries/get-user';
import { auditUser, toUserDto } from '../user-row';

/** New users must change their password at first sign-in unless told otherwise (demo data, CLI). */
export async function createUser(
  ctx: Ctx,
  input: CreateUser,
  idempotencyKey?: string | null,
  opts: { mustChangePassword?: boolean } = {},
): Promise<CommandResult<UserDto>> {
  // hashing is slow on purpose: do it before the transaction, never while holding locks
  const passwordHash = await hashPassword(input.password);
  const { password: _omit, ...auditable } = input;
  return runCommand(ctx, { name: 'people.create-user', input: auditable, idempotencyKey, status: 201 }, async (cmd) => {
    const roles = [...new Set(input.roles)];
    const placement = await checkPlacement(cmd, {
      roles,
      departmentId: input.departmentId ?? null,
      teamId: input.teamId ?? null,
      customerId: input.customerId ?? null,
    });
    const id = newId();
    await mapConstraints(
      () =>
        cmd.query(
          `insert into app_user (id, username, display_name, email, password_hash, roles, department_id, team_id,
             customer_id, must_change_password)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [id, input.username, input.displayName, input.email ?? null, passwordHash, roles,
            placement.departmentId, placement.teamId, placement.customerId, opts.mustChangePassword ?? true],
        ),
      {
        app_user_username: () =>
          new DomainError('people.username_taken', `The username ${input.username} is taken.`, {
            errors: [{ field: 'username', message: 'already taken' }],
          }),
      },
    );
    const row = await findUser(cmd, id);
    cmd.audit({ entityType: 'user', entityId: id, after: auditUser(row) });
    cmd.emit({
      topic: 'user.created',
      summary: `${cmd.actor.label} created user ${row.username}`,
      payload: { userId: id, username: row.username },
      permission: 'users.read',
    });
    return toUserDto(row);
  });
}
