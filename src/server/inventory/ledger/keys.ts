import type { Queryable } from '../../kernel/db/types';
import type { EntryDraft, LockedBalance } from './types';

/**
 * The stock key id of every draft, creating keys and their balance rows on first use. Two
 * statements on purpose: a key created concurrently is visible only to a statement that starts
 * after the other transaction committed.
 */
export async function resolveKeys(tx: Queryable, drafts: Pick<EntryDraft, 'variantId' | 'locationId' | 'lotId' | 'grade'>[]): Promise<string[]> {
  const params = [drafts.map((d) => d.variantId), drafts.map((d) => d.locationId), drafts.map((d) => d.lotId), drafts.map((d) => d.grade)];
  // the usual case: every key exists already (keys and their balances are created together)
  const known = await tx.query<{ id: string }>(
    `select k.id::text from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) with ordinality as w(variant_id, location_id, lot_id, grade, ord)
     join stock_key k on (k.variant_id, k.location_id, k.grade) = (w.variant_id, w.location_id, w.grade) and k.lot_id is not distinct from w.lot_id
     order by w.ord`,
    params,
  );
  if (known.length === drafts.length) return known.map((r) => r.id);
  await tx.query(
    `insert into stock_key (variant_id, location_id, lot_id, grade)
     select distinct * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[])
     on conflict do nothing`,
    params,
  );
  const rows = await tx.query<{ id: string }>(
    `with wanted as (
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) with ordinality as w(variant_id, location_id, lot_id, grade, ord)
     ),
     ids as (
       select w.ord, k.id from wanted w join stock_key k
         on (k.variant_id, k.location_id, k.grade) = (w.variant_id, w.location_id, w.grade) and k.lot_id is not distinct from w.lot_id
     ),
     balances as (insert into stock_balance (key_id) select distinct id from ids on conflict do nothing)
     select id::text from ids order by ord`,
    params,
  );
  if (rows.length !== drafts.length) throw new Error('stock key resolution lost a row');
  return rows.map((r) => r.id);
}

/**
 * Locks the balances of the keys, in key order (so two postings over the same keys cannot
 * deadlock), for the rest of the transaction: every check below reads figures no one else can
 * change until commit.
 */
export async function lockBalances(tx: Queryable, keyIds: string[]): Promise<Map<string, LockedBalance>> {
  const rows = await tx.query<LockedBalance>(
    `select b.key_id::text, b.qty, b.reserved, b.in_qty, b.out_qty, b.last_posted_at, l.allow_negative
     from stock_balance b join stock_key k on k.id = b.key_id join location l on l.id = k.location_id
     where b.key_id = any ($1::bigint[]) order by b.key_id for update of b`,
    [[...new Set(keyIds)]],
  );
  return new Map(rows.map((r) => [r.key_id, r]));
}

/**
 * The keys a re-valuation of `keyIds` from `from` on may reach through carried costs (transfers,
 * production), read before locking: a re-valuing posting locks them with its own keys, in key
 * order, instead of one by one as costs propagate (which could deadlock with a posting on them).
 */
export async function costDependents(tx: Queryable, keyIds: string[], from: Date): Promise<string[]> {
  const rows = await tx.query<{ id: string }>('select k::text as id from stock_cost_dependents($1::bigint[], $2::timestamptz) as k', [[...new Set(keyIds)], from]);
  return rows.map((r) => r.id);
}

export interface KeyLabel {
  variant: string;
  location: string;
  lot: string | null;
  grade: string;
}

export async function describeKey(tx: Queryable, keyId: string): Promise<KeyLabel> {
  const [r] = await tx.query<KeyLabel>(
    `select v.code as variant, l.code as location, lot.code as lot, k.grade
     from stock_key k join variant v on v.id = k.variant_id join location l on l.id = k.location_id
     left join lot on lot.id = k.lot_id where k.id = $1`,
    [keyId],
  );
  return r!;
}
