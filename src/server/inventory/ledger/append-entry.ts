import type { Queryable } from '../../kernel/db/types';

/**
 * Values an entry that lands after every other entry of its key and moves the balance
 * (`stock_append`, migration 0011): incoming at the value `stock_incoming_value` gives it,
 * outgoing by FIFO from the key's head layer.
 */
export async function appendEntry(tx: Queryable, e: { id: string; keyId: string; postedAt: Date; qty: string; incoming: boolean }): Promise<void> {
  await tx.query(
    `select stock_append($1::bigint, $2::bigint, $3::timestamptz, $4::numeric, case when $5::boolean then stock_incoming_value($1::bigint) end,
       stock_entry_linked($1::bigint))`,
    [e.id, e.keyId, e.postedAt, e.qty, e.incoming],
  );
}

/** Many receipts at a given cost landing after everything on their keys, in one statement. */
export async function appendReceipts(tx: Queryable, postedAt: Date, rows: Array<{ id: string; keyId: string; qty: string; unitCost: string }>): Promise<void> {
  if (rows.length === 0) return;
  await tx.query('select stock_append_receipts($1::timestamptz, $2::bigint[], $3::bigint[], $4::numeric[], $5::numeric[])', [
    postedAt, rows.map((r) => r.id), rows.map((r) => r.keyId), rows.map((r) => r.qty), rows.map((r) => r.unitCost),
  ]);
}
