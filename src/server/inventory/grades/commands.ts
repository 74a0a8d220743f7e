import type { CreateGrade, GradeDto } from '../../../contracts/grades';
import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { mapConstraints } from '../../kernel/pg-errors';
import { getGrade } from './queries';

/** Grades are picked by name: two of one name could not be told apart. */
const nameTaken = (name: string) =>
  new DomainError('inventory.grade_name_taken', `A grade is already called ${name}.`, { errors: [{ field: 'name', message: 'already taken' }] });

/** Adds a grade after the existing ones. Codes are keys of stock: they never change once used. */
export function createGrade(ctx: Ctx, input: CreateGrade, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'inventory.create-grade', input, idempotencyKey, status: 201 }, async (cmd) => {
    const inserted = await mapConstraints(
      () => cmd.query(
        `insert into grade (code, name, usable, position) values ($1, $2, $3, (select coalesce(max(position), -1) + 1 from grade))
         on conflict (code) do nothing returning code`,
        [input.code, input.name, input.usable],
      ),
      { grade_name: () => nameTaken(input.name) },
    );
    if (inserted.length === 0) {
      throw new DomainError('inventory.grade_code_taken', `Grade code ${input.code} is taken.`, { errors: [{ field: 'code', message: 'already taken' }] });
    }
    const after = (await getGrade(cmd, input.code))!;
    cmd.audit({ entityType: 'grade', entityId: input.code, after });
    cmd.emit({ topic: 'grade.created', summary: `${cmd.actor.label} added grade ${input.name}`, payload: { code: input.code }, permission: 'inventory.read' });
    return after;
  });
}

/** Renames a grade; its code, and so every stock key of it, stays. */
export function renameGrade(ctx: Ctx, code: string, name: string) {
  return runCommand(ctx, { name: 'inventory.rename-grade', input: { code, name } }, async (cmd) => {
    const [before] = await cmd.query<GradeDto>('select code, name, usable, position from grade where code = $1 for update', [code]);
    if (!before) throw new DomainError('inventory.grade_not_found', `No grade ${code}.`);
    await mapConstraints(() => cmd.query('update grade set name = $2 where code = $1', [code, name]), { grade_name: () => nameTaken(name) });
    const after = (await getGrade(cmd, code))!;
    cmd.audit({ entityType: 'grade', entityId: code, before, after });
    cmd.emit({ topic: 'grade.updated', summary: `${cmd.actor.label} renamed grade ${code} to ${name}`, payload: { code }, permission: 'inventory.read' });
    return after;
  });
}
