import type { Queryable } from '../../../kernel/db/types';
import { DomainError } from '../../../kernel/errors';

export interface PutAwayPlace { id: string; code: string; name: string; kind: string; path: string }

/**
 * Where a skid may go: an active warehouse zone or slot that holds real stock — never a whole
 * warehouse (a skid is found by its zone and slot), nor the stamp
 * store (it may go negative) and not the consigned-goods zone or a consignee's place beneath it
 * (goods there are a customer's unstamped stock). Paths are compared as prefixes, never as LIKE
 * patterns: a code may contain `_`.
 */
const PLACES = `
  select l.id, l.code, l.name, l.kind, l.path from location l
  where l.active and l.kind in ('zone', 'slot') and not l.allow_negative
    and not exists (
      select 1 from stamping_setup s join location x on x.id in (s.stamp_location_id, s.consigned_location_id)
      where l.id = x.id or left(l.path, length(x.path) + 1) = x.path || '/')`;

export function listPutAwayPlaces(q: Queryable): Promise<PutAwayPlace[]> {
  return q.query<PutAwayPlace>(`${PLACES} order by l.path`);
}

export async function requirePutAwayPlace(q: Queryable, locationId: string, field = 'locationId'): Promise<void> {
  const [place] = await q.query(`${PLACES} and l.id = $1`, [locationId]);
  if (!place) {
    throw new DomainError('request.invalid', 'A skid is put away at a warehouse zone or slot, not in the stamp store or among consigned goods.', {
      errors: [{ field, message: 'not a put-away place (a warehouse zone or slot outside the stamp store and consigned goods)' }],
    });
  }
}
