import type { PoStatus } from '../../../contracts/stamping';
import type { CommandTx } from '../../kernel/run-command';
import { rollUp } from './po-states';

/** Gives a split parent the status its segments add up to; call after any segment changes status. */
export async function rollUpParent(cmd: CommandTx, parentId: string): Promise<void> {
  const [parent] = await cmd.query<{ status: PoStatus; number: string }>('select status, number from production_order where id = $1 for no key update', [parentId]);
  const segments = await cmd.query<{ status: PoStatus }>('select status from production_order where parent_id = $1', [parentId]);
  const status = rollUp(segments.map((s) => s.status));
  if (!parent || status === parent.status) return;
  await cmd.query(
    `update production_order set status = $2, updated_at = now(),
       completed_at = case when $2 = 'completed' then now() else completed_at end,
       cancelled_at = case when $2 = 'cancelled' then now() else cancelled_at end
     where id = $1`,
    [parentId, status],
  );
  cmd.audit({ entityType: 'production_order', entityId: parentId, before: { status: parent.status }, after: { status, rolledUpFromSegments: true } });
}
