import type { CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import type { EntryDraft } from './types';

type Where = Pick<EntryDraft, 'variantId' | 'locationId' | 'lotId' | 'grade'>;

const unnestKeys = `unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) as w(variant_id, location_id, lot_id, grade)
  join stock_key k on (k.variant_id, k.location_id, k.grade) = (w.variant_id, w.location_id, w.grade) and k.lot_id is not distinct from w.lot_id`;
const params = (keys: Where[]) => [keys.map((k) => k.variantId), keys.map((k) => k.locationId), keys.map((k) => k.lotId), keys.map((k) => k.grade)];

/** Records the keys a count counted (after posting it: every key exists by then). */
export async function recordCountedKeys(cmd: CommandTx, documentId: string, keys: Where[]): Promise<void> {
  await cmd.query(`insert into stock_count_line (key_id, document_id) select distinct k.id, $5::uuid from ${unnestKeys} on conflict do nothing`, [...params(keys), documentId]);
}

/**
 * Refuses a posting dated before a standing count of one of its keys: the count fixed what was
 * there at its moment, and an earlier movement would silently change that figure. Postings made
 * now never are (a count cannot be dated later than a few minutes ahead), so they skip the lookup.
 */
export async function refuseBeforeCount(cmd: CommandTx, doc: { postedAt: Date; isNow?: boolean }, drafts: Where[]): Promise<void> {
  if (doc.isNow || doc.postedAt >= cmd.now || drafts.length === 0) return;
  const [hit] = await cmd.query<{ number: string; posted_at: Date; variant: string; location: string; lot: string | null; grade: string }>(
    `select d.number, d.posted_at, v.code as variant, l.code as location, lot.code as lot, k.grade
     from ${unnestKeys}
     join stock_count_line c on c.key_id = k.id
     join stock_document d on d.id = c.document_id and d.status = 'posted' and d.posted_at > $5
     join variant v on v.id = k.variant_id join location l on l.id = k.location_id left join lot on lot.id = k.lot_id
     order by d.posted_at limit 1`,
    [...params(drafts), doc.postedAt],
  );
  if (!hit) return;
  const where = `${hit.variant} at ${hit.location}${hit.lot ? `, lot ${hit.lot}` : ''} (${hit.grade})`;
  throw new DomainError(
    'inventory.counted_since',
    `${where} was counted at ${hit.posted_at.toISOString()} (${hit.number}); a movement dated before it would change what the count found. Date it at or after the count, or cancel the count first.`,
    { count: hit.number, countedAt: hit.posted_at.toISOString(), key: { variant: hit.variant, location: hit.location, lot: hit.lot, grade: hit.grade } },
  );
}
