import type { PoStatus } from '../../../contracts/stamping';
import type { CommandTx } from '../../kernel/run-command';
import { frozen, rollUp } from './po-states';
import { newId } from '../../kernel/ids';

/** Gives a split parent the status its segments add up to; call after any segment changes status. */
export async function rollUpParent(cmd: CommandTx, parentId: string): Promise<void> {
  const [parent] = await cmd.query<{ status: PoStatus; number: string }>('select status, number from production_order where id = $1 for no key update', [parentId]);
  const segments = await cmd.query<{ status: PoStatus }>('select status from production_order where parent_id = $1', [parentId]);
  const status = rollUp(segments.map((s) => s.status));
  if (!parent || status === parent.status) return;
  // a parent completes with its last segment, and nothing of it changes after
  if (parent.status === 'completed') throw frozen(parent.number);
  await cmd.query(
    `update production_order set status = $2, updated_at = now(),
       completed_at = case when $2 = 'completed' then now() else completed_at end,
       cancelled_at = case when $2 = 'cancelled' then now() else cancelled_at end
     where id = $1`,
    [parentId, status],
  );
  cmd.audit({ entityType: 'production_order', entityId: parentId, before: { status: parent.status }, after: { status, rolledUpFromSegments: true } });
}

/**
 * Gives a split parent the lines its segments add up to (per variant and region), after a
 * segment's lines change: the parent's figures are what the planner and the customer read as the
 * order. Availability counts the segments themselves, never the parent.
 */
export async function sumUpParentLines(cmd: CommandTx, parentId: string): Promise<void> {
  const sums = `select sl.variant_id, sl.region_code, sum(sl.qty) as qty from production_order_line sl
    join production_order sp on sp.id = sl.po_id where sp.parent_id = $1 group by sl.variant_id, sl.region_code`;
  await cmd.query(
    `delete from production_order_line pl where pl.po_id = $1
       and not exists (select 1 from (${sums}) s where s.variant_id = pl.variant_id and s.region_code = pl.region_code)`,
    [parentId],
  );
  await cmd.query(
    `update production_order_line pl set qty = s.qty from (${sums}) s
     where pl.po_id = $1 and s.variant_id = pl.variant_id and s.region_code = pl.region_code and pl.qty <> s.qty`,
    [parentId],
  );
  const added = await cmd.query<{ variant_id: string; region_code: string; qty: string }>(
    `select s.variant_id, s.region_code, s.qty::text from (${sums}) s
     where not exists (select 1 from production_order_line pl where pl.po_id = $1 and pl.variant_id = s.variant_id and pl.region_code = s.region_code)
     order by s.variant_id, s.region_code`,
    [parentId],
  );
  cmd.audit({ entityType: 'production_order', entityId: parentId, after: { linesSummedFromSegments: true } });
  if (added.length === 0) return;
  await cmd.query(
    `insert into production_order_line (id, po_id, line_no, variant_id, region_code, qty)
     select t.id, $1, coalesce((select max(line_no) from production_order_line where po_id = $1), 0) + t.n, t.variant_id, t.region_code, t.qty
     from unnest($2::uuid[], $3::uuid[], $4::text[], $5::numeric[]) with ordinality as t(id, variant_id, region_code, qty, n)`,
    [parentId, added.map(() => newId()), added.map((a) => a.variant_id), added.map((a) => a.region_code), added.map((a) => a.qty)],
  );
}
