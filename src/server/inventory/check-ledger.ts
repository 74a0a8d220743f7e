import type { Db } from '../kernel/db/types';
import type { Violation } from '../kernel/audit-verify';
import { revalueKey, type RevalueResult } from './ledger/revalue-key';
import { findCostCycle } from './ledger/cost-cycle';

class Rollback extends Error {}

/**
 * Proves the stock invariants from the ledger's facts: balances are the sums of their entries,
 * running figures and FIFO values are what a full re-valuation gives, no value depends on itself,
 * nothing is negative at any moment where negatives are not allowed, reservations add up and fit,
 * and every serial unit in stock has its unit on the ledger.
 */
export async function checkLedger(db: Db): Promise<{ summary: string; violations: Violation[] }> {
  const violations: Violation[] = [];
  const add = (check: string, rows: Array<{ msg: string }>) => rows.forEach((r) => violations.push({ check, message: r.msg }));
  add('stock.balance_sum', await db.query<{ msg: string }>(
    `select 'key ' || b.key_id || ': balance ' || b.qty || ' / ' || b.value || ' but entries sum to ' || coalesce(s.q, 0) || ' / ' || coalesce(s.v, 0) as msg
     from stock_balance b left join (
       select e.key_id, sum(e.qty) as q, sum(v.value) as v from stock_entry e left join stock_entry_value v on v.entry_id = e.id group by e.key_id
     ) s on s.key_id = b.key_id
     where b.qty <> coalesce(s.q, 0) or b.value <> coalesce(s.v, 0)`,
  ));
  add('stock.fifo_layers', await db.query<{ msg: string }>(
    `select 'key ' || key_id || ': value ' || value || ' but layers received ' || in_value || ' less consumed ' || out_value as msg
     from stock_balance where value <> in_value - out_value`,
  ));
  add('stock.unvalued_entry', await db.query<{ msg: string }>(
    `select 'entry ' || e.id || ' has no valuation' as msg from stock_entry e left join stock_entry_value v on v.entry_id = e.id where v.entry_id is null`,
  ));
  // the ledger's own references, not checked row by row on the way in (migration 0011)
  add('stock.orphans', await db.query<{ msg: string }>(
    `select 'entry ' || e.id || ' names a missing key or document' as msg from stock_entry e
     where not exists (select 1 from stock_key k where k.id = e.key_id) or not exists (select 1 from stock_document d where d.id = e.document_id)
     union all
     select 'figures for missing entry ' || v.entry_id from stock_entry_value v where not exists (select 1 from stock_entry e where e.id = v.entry_id)`,
  ));
  // re-valuation takes a cancelled entry's place off the FIFO axis from its row
  add('stock.cancelled', await db.query<{ msg: string }>(
    `select 'entry ' || v.entry_id || case when c.id is null then ' is off the FIFO axis but not cancelled' else ' is cancelled but on the FIFO axis' end as msg
     from stock_entry_value v join stock_entry e on e.id = v.entry_id left join stock_entry c on c.reverses_entry_id = v.entry_id
     where e.reverses_entry_id is null and (c.id is not null) <> (v.fifo_pos is null and not v.layer)`,
  ));
  add('stock.negative', await db.query<{ msg: string }>(
    `select 'key ' || v.key_id || ' is ' || v.qty_after || ' after entry ' || v.entry_id || ' at ' || v.posted_at as msg
     from stock_entry_value v join stock_key k on k.id = v.key_id join location l on l.id = k.location_id
     where v.qty_after < 0 and not l.allow_negative
       -- a moment's balance is what its last entry leaves (a reversal shares its original's moment)
       and not exists (select 1 from stock_entry_value n where n.key_id = v.key_id and n.posted_at = v.posted_at and n.entry_id > v.entry_id)`,
  ));
  add('stock.reservations', await db.query<{ msg: string }>(
    `select 'key ' || b.key_id || ': reserved ' || b.reserved || ' but active reservations hold ' || coalesce(r.q, 0) || ', on hand ' || b.qty as msg
     from stock_balance b left join (select key_id, sum(remaining) as q from stock_reservation where status = 'active' group by key_id) r on r.key_id = b.key_id
     join stock_key k on k.id = b.key_id join location l on l.id = k.location_id
     where b.reserved <> coalesce(r.q, 0) or (b.reserved > b.qty and not l.allow_negative)`,
  ));
  add('stock.serials', await db.query<{ msg: string }>(
    `select s.n || ' serial units of variant ' || s.variant_id || ' are in stock at location ' || s.location_id || ' but the ledger holds ' || coalesce(b.qty, 0) as msg
     from (select variant_id, location_id, lot_id, count(*) as n from serial_unit where status = 'in_stock' group by variant_id, location_id, lot_id) s
     left join stock_key k on (k.variant_id, k.location_id, k.grade) = (s.variant_id, s.location_id, 'good') and k.lot_id is not distinct from s.lot_id
     left join stock_balance b on b.key_id = k.id
     where s.n > coalesce(b.qty, 0)`,
  ));
  const keys = await db.query<{ id: string }>('select key_id::text as id from stock_balance order by key_id');
  for (const { id } of keys) {
    // re-value from the facts in a transaction that is always rolled back: any row it would
    // change is a stored figure that disagrees with the ledger
    const r = await db
      .transaction(async (tx) => {
        throw new Rollback(JSON.stringify(await revalueKey(tx, id, new Date(0))));
      })
      .catch((e) => (e instanceof Rollback ? (JSON.parse(e.message) as RevalueResult) : Promise.reject(e)));
    if (r.changed > 0) violations.push({ check: 'stock.valuation', message: `key ${id}: ${r.changed} stored entry figures differ from a re-valuation` });
    if (r.balanceChanged) violations.push({ check: 'stock.valuation', message: `key ${id}: balance figures (FIFO totals, head) differ from a re-valuation` });
  }
  // postings that would close a loop are refused; one from before that would show here
  const loop = await findCostCycle(db, keys.map((k) => ({ keyId: k.id, from: null })));
  if (loop !== null) violations.push({ check: 'stock.cost_loop', message: `entry ${loop}'s value depends on itself through carried costs` });
  const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from stock_entry')) as [{ n: number }];
  return { summary: `${n} stock entries on ${keys.length} keys`, violations };
}
