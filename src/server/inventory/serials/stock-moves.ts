import type { SerialEventInput } from '../../../contracts/serials';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError, invalid } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { DOCUMENT_PREFIX, announcePosted, postDrafts } from '../documents/post-document';
import type { EntryDraft } from '../ledger/types';
import { ownStockSource } from '../documents/owned-sources';
import type { SerialStatus } from './transitions';

// the unit's record points at these documents: they change with its next event, never on their own
ownStockSource('serial_unit', "a serial unit's event", "record the unit's next event instead (a move, a delivery, a defect)");

/** Places that hold stock: a unit passes QA into one of them, and moves between them while in stock. */
const STOCK_PLACES = ['warehouse', 'zone', 'slot'];

export interface Unit {
  id: string;
  serialNo: string;
  variantId: string;
  lotId: string | null;
  status: SerialStatus;
  locationId: string | null;
}

/** One unit of stock moved by what happened to its serial unit: the ledger document's header and lines. */
interface Move {
  type: 'receipt' | 'issue' | 'transfer' | 'adjustment';
  reason: string;
  note: string;
  drafts: Omit<EntryDraft, 'variantId' | 'lotId' | 'grade' | 'serialId' | 'line'>[];
}

/**
 * A serial unit is stock while it is in stock: passing QA receives it (one unit of its variant and
 * lot, grade good, at no cost: units are costed by the work orders that build them, and FIFO on a
 * key would then need each unit's own cost to follow it), and moving, delivering,
 * scrapping or sending it back to rework posts its way out, each as a document of its own naming
 * the unit, so the inventory log shows QA approvals, deliveries and defect markings. Events of a
 * unit in production move no stock. The unit's record already says where it is now: stock held
 * by units in stock (migration 0021) then counts it at its new place only.
 */
export async function postUnitMove(cmd: CommandTx, unit: Unit, e: SerialEventInput): Promise<void> {
  const to = unitDestination(unit.locationId, e);
  const kind = to && to !== unit.locationId ? await locationKind(cmd, to) : null;
  const from = unit.locationId!;
  const out = (reason: string) => ({ locationId: from, qty: '-1', reason });
  let move: Move | null = null;
  switch (e.event) {
    case 'qa_pass': {
      if (!to) throw invalid('locationId', 'say where the unit goes into stock');
      if (!STOCK_PLACES.includes(kind ?? (await locationKind(cmd, to)))) throw invalid('locationId', 'must be a warehouse, zone or slot: the unit goes into stock');
      move = { type: 'receipt', reason: 'QA passed', note: `${unit.serialNo} passed QA`, drafts: [{ locationId: to, qty: '1', unitCost: '0', reason: 'QA passed' }] };
      break;
    }
    case 'move':
      if (unit.status !== 'in_stock' || to === from) break;
      if (!STOCK_PLACES.includes(kind!)) throw invalid('locationId', 'must be a warehouse, zone or slot: a unit in stock is delivered to a customer, not moved there');
      move = { type: 'transfer', reason: 'serial move', note: `${unit.serialNo} moved${e.note ? `: ${e.note}` : ''}`, drafts: [out('transfer out'), { locationId: to!, qty: '1', costFrom: 0, reason: 'transfer in' }] };
      break;
    case 'deliver':
      if (to === from || kind !== 'customer') throw invalid('locationId', 'must be a customer location: where the unit is delivered');
      move = { type: 'transfer', reason: 'delivered', note: `${unit.serialNo} delivered${e.note ? `: ${e.note}` : ''}`, drafts: [out('delivered'), { locationId: to!, qty: '1', costFrom: 0, reason: 'delivered' }] };
      break;
    case 'defect':
      if (unit.status !== 'in_stock') break;
      move = e.outcome === 'scrap'
        ? { type: 'adjustment', reason: 'scrapped', note: `${unit.serialNo} scrapped: ${e.note}`, drafts: [out('scrapped')] }
        : { type: 'issue', reason: 'rework', note: `${unit.serialNo} back to rework: ${e.note}`, drafts: [out('rework')] };
      break;
    case 'stage':
      break;
  }
  if (move) await post(cmd, unit, move);
}

/** Where a unit is after the event: the place it names, else where it was. */
export function unitDestination(locationId: string | null, e: SerialEventInput): string | null {
  return 'locationId' in e && e.locationId ? e.locationId : locationId;
}

async function post(cmd: CommandTx, unit: Unit, move: Move): Promise<void> {
  const where = { id: newId(), postedAt: cmd.now, isNow: true };
  const header = { prefix: DOCUMENT_PREFIX[move.type], type: move.type, reason: move.reason, note: move.note, sourceType: 'serial_unit', sourceId: unit.id };
  const drafts = move.drafts.map((d) => ({ ...d, variantId: unit.variantId, lotId: unit.lotId, grade: 'good', serialId: unit.id, line: 1 }));
  const doc = await postDrafts(cmd, where, header, drafts);
  announcePosted(cmd, doc, `posted ${doc.number} (${move.note})`);
}

/** The unit's named place does not exist. */
export const unitLocationNotFound = () =>
  new DomainError('inventory.location_not_found', 'No such location.', { errors: [{ field: 'locationId', message: 'no such location' }] });

async function locationKind(cmd: CommandTx, id: string): Promise<string> {
  const [l] = await cmd.query<{ kind: string }>('select kind from location where id = $1', [id]);
  if (!l) throw unitLocationNotFound();
  return l.kind;
}
