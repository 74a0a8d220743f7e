import type { DepartmentDto } from '../../../contracts/people';
import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { newId } from '../../kernel/ids';
import { getDepartment } from '../queries/list-org';

const codeTaken = (code: string) => () =>
  new DomainError('people.department_code_taken', `Department code ${code} is taken.`, { errors: [{ field: 'code', message: 'already taken' }] });

async function mustGet(db: Parameters<typeof getDepartment>[0], id: string): Promise<DepartmentDto> {
  const d = await getDepartment(db, id);
  if (!d) throw new DomainError('people.department_not_found', `No department ${id}.`);
  return d;
}

export function createDepartment(ctx: Ctx, input: { code: string; name: string }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'people.create-department', input, idempotencyKey, status: 201 }, async (cmd) => {
    const id = newId();
    await mapConstraints(
      () => cmd.query('insert into department (id, code, name) values ($1, $2, $3)', [id, input.code, input.name]),
      { department_code: codeTaken(input.code) },
    );
    const after = await mustGet(cmd, id);
    cmd.audit({ entityType: 'department', entityId: id, after });
    cmd.emit({ topic: 'department.created', summary: `${cmd.actor.label} created department ${input.name}`, payload: { id }, permission: 'org.read' });
    return after;
  });
}

export function updateDepartment(ctx: Ctx, id: string, patch: { name?: string; active?: boolean }) {
  return runCommand(ctx, { name: 'people.update-department', input: { id, ...patch } }, async (cmd) => {
    await cmd.query('select 1 from department where id = $1 for update', [id]);
    const before = await mustGet(cmd, id);
    await cmd.query('update department set name = $2, active = $3 where id = $1', [id, patch.name ?? before.name, patch.active ?? before.active]);
    const after = await mustGet(cmd, id);
    cmd.audit({ entityType: 'department', entityId: id, before, after });
    cmd.emit({ topic: 'department.updated', summary: `${cmd.actor.label} updated department ${after.name}`, payload: { id }, permission: 'org.read' });
    return after;
  });
}

/** Only an empty department can be deleted; one with history is deactivated instead. */
export function deleteDepartment(ctx: Ctx, id: string) {
  return runCommand(ctx, { name: 'people.delete-department', input: { id } }, async (cmd) => {
    await cmd.query('select 1 from department where id = $1 for update', [id]);
    const before = await mustGet(cmd, id);
    const [use] = await cmd.query<{ n: number }>(
      `select ((select count(*) from team where department_id = $1) + (select count(*) from app_user where department_id = $1))::int as n`,
      [id],
    );
    if (use!.n > 0) throw new DomainError('people.department_in_use', 'The department has teams or members; deactivate it instead.');
    await cmd.query('delete from department where id = $1', [id]);
    cmd.audit({ entityType: 'department', entityId: id, before });
    cmd.emit({ topic: 'department.deleted', summary: `${cmd.actor.label} deleted department ${before.name}`, payload: { id }, permission: 'org.read' });
    return { ok: true as const };
  });
}
