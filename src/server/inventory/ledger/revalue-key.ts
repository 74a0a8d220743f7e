import type { Queryable } from '../../kernel/db/types';

export interface RevalueResult {
  /** Entry value rows written (new or changed). */
  changed: number;
  /** Whether the balance's figures (quantity, value, FIFO totals, head) changed. */
  balanceChanged: boolean;
  /** Keys holding incoming entries whose cost comes from an outgoing entry written here, each with
   * the time of its earliest such entry (re-valuing it from then on is enough). */
  dependents: Array<{ keyId: string; from: Date }>;
  /** Lowest running quantity at or after `from` (null when the key has no entries there). */
  minQtyAfter: string | null;
  minQtyAt: Date | null;
}

/**
 * Re-values one key's entries from their facts, and its balance, in one ordered pass
 * (`stock_revalue_key`, migrations 0011 and 0014) from `from` on; only rows whose figures
 * changed are written, in batches as the pass goes. Entries with id >= `newFrom` have no figures
 * yet (written by this posting) and must be dated `from` or later; rows before `from` keep theirs,
 * and the lowest quantity is reported from `from` on. The key's balance must be locked.
 */
export async function revalueKey(tx: Queryable, keyId: string, from: Date, newFrom: string | null = null): Promise<RevalueResult> {
  const [row] = await tx.query<{ changed: number; balance_changed: boolean; dependent_keys: string[] | null; dependent_from: Date[] | null; min_qty: string | null; min_at: Date | null }>(
    `select changed, balance_changed, dependent_keys::text[], dependent_from, min_qty, min_at
     from stock_revalue_key($1::bigint, $2::timestamptz, $3::bigint)`,
    [keyId, from, newFrom],
  );
  return {
    changed: row?.changed ?? 0,
    balanceChanged: row?.balance_changed ?? false,
    dependents: (row?.dependent_keys ?? []).map((keyId, i) => ({ keyId, from: new Date(row!.dependent_from![i]!) })),
    minQtyAfter: row?.min_qty ?? null,
    minQtyAt: row?.min_at ?? null,
  };
}
