import type { CommandTx } from '../../kernel/run-command';
import type { EntryRow } from '../queries/get-document';
import type { EntryDraft } from './types';

/** A new document's header, written in the same call as its entries. */
export interface NewDocument {
  prefix: string;
  type: string;
  reason: string | null;
  note: string | null;
  sourceType: string | null;
  sourceId: string | null;
}

/** An entry as the document read returns it, with its document's status and reason and its key. */
export type PostedRow = EntryRow & { d_status: 'posted'; d_reason: string | null; key_id: string };

/** What every entry of a posting shares, which `stock_post` gives on the first row only (migration 0015). */
const SHARED = ['document_id', 'document_number', 'document_type', 'posted_at', 'recorded_at', 'note', 'actor_id', 'actor_label', 'd_status', 'd_reason'] as const;

/** Drafts the one-call posting can take: no cancellations, no production outputs (their pool), no
 * cost carried from another document (its key must be held too). */
export const appendable = (drafts: EntryDraft[]) =>
  drafts.length > 0 && drafts.every((d) => d.reversesEntryId === undefined && d.costShare === undefined && d.costFromEntryId === undefined);

/**
 * Posts drafts in one round trip (`stock_post`, migrations 0011 and 0015) when every entry lands after
 * everything on its key: keys, locks, the document when `header` is given, entries, values and
 * balances. Returns null, having written nothing, when the posting needs a re-valuation or is
 * refused; the caller then posts it the slow way.
 */
export async function postAppending(cmd: CommandTx, doc: { id: string; postedAt: Date; isNow?: boolean }, drafts: EntryDraft[], header?: NewDocument): Promise<PostedRow[] | null> {
  const rows = await cmd.query<PostedRow>(
    `select * from stock_post($1::uuid, $2::timestamptz, $3::boolean, $4::timestamptz, $5::uuid, $6::text, $7::text, $8::text, $9::text,
       $10::text, $11::text, $12::uuid[], $13::uuid[], $14::uuid[], $15::text[], $16::numeric[], $17::numeric[], $18::int[], $19::int[],
       $20::text[], $21::uuid[])`,
    [
      doc.id, doc.postedAt, doc.isNow ?? false, cmd.now, cmd.actor.userId,
      header?.prefix ?? null, header?.type ?? null, header?.reason ?? null, header?.note ?? null, header?.sourceType ?? null, header?.sourceId ?? null,
      drafts.map((d) => d.variantId), drafts.map((d) => d.locationId), drafts.map((d) => d.lotId), drafts.map((d) => d.grade),
      drafts.map((d) => d.qty), drafts.map((d) => d.unitCost ?? null), drafts.map((d) => d.costFrom ?? null), drafts.map((d) => d.line),
      drafts.map((d) => d.reason ?? null), drafts.map((d) => d.serialId ?? null),
    ],
  );
  if (!rows.length) return null;
  const shared = Object.fromEntries(SHARED.map((c) => [c, rows[0]![c]]));
  return rows.map((r) => Object.assign(r, shared));
}
