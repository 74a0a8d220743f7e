import type { StockDocumentInput } from '../../../contracts/inventory';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';

/**
 * A transfer that turns unusable stock (damaged, defective, rework) into usable stock is a quality
 * decision: it needs `inventory.adjust`, as adding stock by an adjustment does. Marking stock
 * damaged, or moving it within its grade, is any poster's. One query, only when a line regrades.
 */
export async function requireRightToRegrade(cmd: CommandTx, input: StockDocumentInput): Promise<void> {
  if (input.type !== 'transfer' || cmd.actor.kind === 'system' || cmd.actor.permissions.has('inventory.adjust')) return;
  const regrades = input.lines.filter((l) => l.toGrade && l.toGrade !== (l.grade ?? 'good'));
  if (regrades.length === 0) return;
  const [row] = await cmd.query<{ up: boolean }>(
    `select coalesce(bool_or(t.usable and not f.usable), false) as up
     from unnest($1::text[], $2::text[]) as r(from_grade, to_grade) join grade f on f.code = r.from_grade join grade t on t.code = r.to_grade`,
    [regrades.map((l) => l.grade ?? 'good'), regrades.map((l) => l.toGrade!)],
  );
  if (row?.up) {
    throw new DomainError('auth.forbidden', 'Making unusable stock usable again (a change of grade) needs the permission inventory.adjust.', { permission: 'inventory.adjust' });
  }
}
