import type { TeamDto } from '../../../contracts/people';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';
import { getTeam } from '../queries/list-org';

async function mustGet(db: Queryable, id: string): Promise<TeamDto> {
  const t = await getTeam(db, id);
  if (!t) throw new DomainError('people.team_not_found', `No team ${id}.`);
  return t;
}

/** A team lead must be an active staff member. */
async function checkLead(db: Queryable, leadUserId: string | null | undefined): Promise<void> {
  if (!leadUserId) return;
  const rows = await db.query('select 1 from app_user where id = $1 and active and customer_id is null', [leadUserId]);
  if (!rows.length) throw new DomainError('people.user_not_found', 'The team lead must be an active staff user.', { errors: [{ field: 'leadUserId', message: 'no active staff user with that id' }] });
}

export function createTeam(ctx: Ctx, input: { departmentId: string; code: string; name: string; leadUserId?: string | null }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'people.create-team', input, idempotencyKey, status: 201 }, async (cmd) => {
    const dept = await cmd.query('select 1 from department where id = $1 and active', [input.departmentId]);
    if (!dept.length) throw new DomainError('people.department_not_found', 'No active department with that id.', { errors: [{ field: 'departmentId', message: 'no active department with that id' }] });
    await checkLead(cmd, input.leadUserId);
    const id = newId();
    await mapConstraints(
      () => cmd.query('insert into team (id, department_id, code, name, lead_user_id) values ($1, $2, $3, $4, $5)', [id, input.departmentId, input.code, input.name, input.leadUserId ?? null]),
      { team_code: () => new DomainError('people.team_code_taken', `Team code ${input.code} is taken.`, { errors: [{ field: 'code', message: 'already taken' }] }) },
    );
    const after = await mustGet(cmd, id);
    cmd.audit({ entityType: 'team', entityId: id, after });
    cmd.emit({ topic: 'team.created', summary: `${cmd.actor.label} created team ${input.name}`, payload: { id }, permission: 'org.read' });
    return after;
  });
}

export function updateTeam(ctx: Ctx, id: string, patch: { name?: string; leadUserId?: string | null; active?: boolean }) {
  return runCommand(ctx, { name: 'people.update-team', input: { id, ...patch } }, async (cmd) => {
    await cmd.query('select 1 from team where id = $1 for update', [id]);
    const before = await mustGet(cmd, id);
    await checkLead(cmd, patch.leadUserId);
    await cmd.query('update team set name = $2, lead_user_id = $3, active = $4 where id = $1', [
      id, patch.name ?? before.name, patch.leadUserId !== undefined ? patch.leadUserId : before.leadUserId, patch.active ?? before.active,
    ]);
    const after = await mustGet(cmd, id);
    cmd.audit({ entityType: 'team', entityId: id, before, after });
    cmd.emit({ topic: 'team.updated', summary: `${cmd.actor.label} updated team ${after.name}`, payload: { id }, permission: 'org.read' });
    return after;
  });
}

export function deleteTeam(ctx: Ctx, id: string) {
  return runCommand(ctx, { name: 'people.delete-team', input: { id } }, async (cmd) => {
    await cmd.query('select 1 from team where id = $1 for update', [id]);
    const before = await mustGet(cmd, id);
    const members = await cmd.query('select 1 from app_user where team_id = $1 limit 1', [id]);
    if (members.length) throw new DomainError('people.team_in_use', 'The team has members; deactivate it instead.');
    await cmd.query('delete from team where id = $1', [id]);
    cmd.audit({ entityType: 'team', entityId: id, before });
    cmd.emit({ topic: 'team.deleted', summary: `${cmd.actor.label} deleted team ${before.name}`, payload: { id }, permission: 'org.read' });
    return { ok: true as const };
  });
}
