import Decimal from '../../../contracts/exact-decimal';
import type { CommandTx } from '../../kernel/run-command';
import { DomainError } from '../../kernel/errors';
import { costDependents, describeKey, lockBalances, resolveKeys } from './keys';
import { appendEntry, appendReceipts } from './append-entry';
import { appendable, postAppending } from './post-appending';
import { revalueKey } from './revalue-key';
import { findCostCycle } from './cost-cycle';
import { releaseExpired } from './expired-reservations';
import { refuseBeforeCount } from './counted-keys';
import type { EntryDraft, LockedBalance, PostedEntry } from './types';
// the database's refusal to take stock serial units hold, worded for the caller
import './serial-held';

/** Rounds of cost propagation after which its keys are searched for a loop again (one from before
 * loops were refused); without one, a long chain of transfers just takes that many rounds. */
const LOOP_CHECK_ROUNDS = 50;
/** How often the keys a re-valuation reaches are read and locked again before locking out of order. */
const LOCK_ATTEMPTS = 5;

interface KeyState {
  balance: LockedBalance;
  qty: Decimal;
  inQty: Decimal;
  outQty: Decimal;
  lastPostedAt: number;
  /** Re-valued after the batch; no moment from the earliest time touched may go negative. */
  full: boolean;
  fullFrom: number;
  /** The first of this posting's entries on the key left to the re-valuation (it has no figures yet). */
  firstNew: string | null;
}

/**
 * The only writer of stock entries. Inserts the drafts of one document, values them FIFO and
 * moves the balances, refusing any posting that would make a balance negative at any moment
 * (unless its location allows it) or eat into reserved stock. Runs inside the caller's command.
 * A posting that appends to its keys takes one round trip (`postAppending`); anything else —
 * back-dated, cancelling, production, negative-filling, or refused — goes `postRevaluing`.
 */
export async function postEntries(cmd: CommandTx, doc: { id: string; postedAt: Date; isNow?: boolean }, drafts: EntryDraft[]): Promise<PostedEntry[]> {
  await refuseBeforeCount(cmd, doc, drafts);
  const rows = appendable(drafts) ? await postAppending(cmd, doc, drafts) : null;
  if (rows) return rows.map((r, i) => ({ id: r.id, keyId: r.key_id, qty: drafts[i]!.qty, line: drafts[i]!.line }));
  return postRevaluing(cmd, doc, drafts);
}

/**
 * Posts drafts statement by statement: entries that append to their keys are valued on the spot,
 * keys that take an earlier-dated, cancelling or negative-filling entry are re-valued after.
 * For postings `postAppending` declined (it wrote nothing).
 */
export async function postRevaluing(cmd: CommandTx, doc: { id: string; postedAt: Date; isNow?: boolean }, drafts: EntryDraft[]): Promise<PostedEntry[]> {
  if (drafts.length === 0) return [];
  const keyIds = await resolveKeys(cmd, drafts);
  // a cost carried from another document's entry: that entry's key is held too, so its value cannot
  // change unseen before this posting commits, and a later re-valuation of it finds this entry
  const sources = await carriedSources(cmd, drafts);
  const locked = await lockReaching(cmd, [...keyIds, ...sources.keys], doc.postedAt);
  const reached = [...locked.keys()].filter((k) => !keyIds.includes(k));
  for (const k of reached) locked.delete(k);
  if (doc.isNow) doc = { ...doc, postedAt: await notBeforeLatest(cmd, doc, locked) };
  const states = new Map<string, KeyState>();
  for (const [keyId, b] of locked) {
    states.set(keyId, {
      balance: b, qty: new Decimal(b.qty), inQty: new Decimal(b.in_qty), outQty: new Decimal(b.out_qty),
      lastPostedAt: b.last_posted_at?.getTime() ?? -Infinity, full: false, fullFrom: Infinity, firstNew: null,
    });
  }
  const ids = await cmd.query<{ id: string }>(`select nextval('stock_entry_id_seq')::text as id from generate_series(1, $1)`, [drafts.length]);
  const entryIds = ids.map((r) => r.id);
  await insertEntries(cmd, doc, drafts, keyIds, entryIds);
  if (sources.entries.length) {
    // the outgoing entries now feed this posting's: mark them so re-valuations carry their changes on
    await cmd.query('update stock_entry_value set linked = true where entry_id = any ($1::bigint[]) and not linked', [sources.entries]);
  }

  const postedAt = doc.postedAt.getTime();
  // plain receipts are valued together; anything else first flushes them, keeping posting order
  const batch: Array<{ id: string; keyId: string; qty: string; unitCost: string }> = [];
  const flush = async () => {
    await appendReceipts(cmd, doc.postedAt, batch);
    batch.length = 0;
  };
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const st = states.get(keyIds[i]!)!;
    const q = new Decimal(d.qty);
    // a carried cost must be final before the entry carrying it is valued on the fast path
    const sourceKeyFull = d.costFrom !== undefined ? states.get(keyIds[d.costFrom]!)!.full
      : d.costShare !== undefined && drafts.some((o, j) => j < i && new Decimal(o.qty).isNegative() && states.get(keyIds[j]!)!.full);
    const needsFull = st.full || d.reversesEntryId !== undefined || d.costFromEntryId !== undefined || postedAt < st.lastPostedAt || sourceKeyFull ||
      (q.isPositive() && st.outQty.greaterThan(st.inQty));
    if (needsFull) {
      st.full = true;
      st.fullFrom = Math.min(st.fullFrom, postedAt);
      st.firstNew ??= entryIds[i]!;
      continue;
    }
    if (q.isNegative()) await assertCovers(cmd, keyIds[i]!, st, st.qty.plus(q), q.negated(), doc.postedAt);
    const entry = { id: entryIds[i]!, keyId: keyIds[i]!, postedAt: doc.postedAt, qty: d.qty };
    if (q.isPositive() && d.unitCost != null && d.costFrom === undefined && d.costShare === undefined) {
      batch.push({ ...entry, unitCost: d.unitCost });
      st.inQty = st.inQty.plus(q);
    } else {
      await flush();
      await appendEntry(cmd, { ...entry, incoming: q.isPositive() });
      if (q.isPositive()) st.inQty = st.inQty.plus(q);
      else st.outQty = st.outQty.minus(q);
    }
    st.qty = st.qty.plus(q);
    st.lastPostedAt = Math.max(st.lastPostedAt, postedAt);
  }
  await flush();
  await revalueFullKeys(cmd, states, new Set([...keyIds, ...reached]), drafts, keyIds);
  return drafts.map((d, i) => ({ id: entryIds[i]!, keyId: keyIds[i]!, qty: d.qty, line: d.line }));
}

/** The entries of other documents whose value drafts carry, and their keys. */
async function carriedSources(cmd: CommandTx, drafts: EntryDraft[]): Promise<{ entries: string[]; keys: string[] }> {
  const entries = [...new Set(drafts.flatMap((d) => (d.costFromEntryId ? [d.costFromEntryId] : [])))];
  if (!entries.length) return { entries, keys: [] };
  const rows = await cmd.query<{ key_id: string }>('select distinct key_id::text from stock_entry where id = any ($1::bigint[])', [entries]);
  return { entries, keys: rows.map((r) => r.key_id) };
}

/**
 * Locks the posting's keys and every key a re-valuation from `from` on may reach through carried
 * costs, all in key order, so it cannot deadlock with postings appending to them. What they reach
 * is read before locking; when a posting that committed meanwhile carried a cost further, the
 * locks are given back (a savepoint) and taken again with the new keys, in order.
 */
async function lockReaching(cmd: CommandTx, keyIds: string[], from: Date): Promise<Map<string, LockedBalance>> {
  let want = [...keyIds, ...(await costDependents(cmd, keyIds, from))];
  await cmd.query('savepoint ledger_locks');
  for (let attempt = 1; ; attempt++) {
    const locked = await lockBalances(cmd, want);
    const late = (await costDependents(cmd, keyIds, from)).filter((k) => !locked.has(k));
    if (!late.length || attempt === LOCK_ATTEMPTS) {
      // after the last attempt the late keys are locked out of order: a deadlock, if any, is retried
      for (const [k, b] of late.length ? await lockBalances(cmd, late) : []) locked.set(k, b);
      await cmd.query('release savepoint ledger_locks');
      return locked;
    }
    await cmd.query('rollback to savepoint ledger_locks');
    want = [...want, ...late];
  }
}

/**
 * A posting made "now" counts from the moment it holds its keys, and never before the latest
 * posting on them: concurrent stations' clocks and lock order would otherwise make a current
 * posting look back-dated by a few milliseconds and re-value the key for nothing.
 */
async function notBeforeLatest(cmd: CommandTx, doc: { id: string; postedAt: Date }, locked: Map<string, LockedBalance>): Promise<Date> {
  const latest = Math.max(...[...locked.values()].map((b) => b.last_posted_at?.getTime() ?? -Infinity));
  if (latest <= doc.postedAt.getTime()) return doc.postedAt;
  const at = new Date(latest);
  await cmd.query('update stock_document set posted_at = $2 where id = $1', [doc.id, at]);
  return at;
}

async function insertEntries(cmd: CommandTx, doc: { id: string; postedAt: Date }, drafts: EntryDraft[], keyIds: string[], entryIds: string[]) {
  await cmd.query(
    `insert into stock_entry (id, key_id, posted_at, recorded_at, qty, unit_cost, cost_source_entry_id, reverses_entry_id,
       document_id, document_line, reason, serial_id, actor_id, cost_share)
     select id, key_id, $1, $2, qty, unit_cost, cost_source, reverses, $3, line, reason, serial_id, $4, cost_share
     from unnest($5::bigint[], $6::bigint[], $7::numeric[], $8::numeric[], $9::bigint[], $10::bigint[], $11::int[], $12::text[], $13::uuid[], $14::numeric[])
       as t(id, key_id, qty, unit_cost, cost_source, reverses, line, reason, serial_id, cost_share)`,
    [
      doc.postedAt, cmd.now, doc.id, cmd.actor.userId,
      entryIds, keyIds, drafts.map((d) => d.qty), drafts.map((d) => (new Decimal(d.qty).isPositive() && !d.reversesEntryId ? d.unitCost ?? null : null)),
      drafts.map((d) => (d.costFrom !== undefined ? entryIds[d.costFrom]! : d.costFromEntryId ?? null)), drafts.map((d) => d.reversesEntryId ?? null),
      drafts.map((d) => d.line), drafts.map((d) => d.reason ?? null), drafts.map((d) => d.serialId ?? null),
      drafts.map((d) => (d.reversesEntryId ? null : d.costShare ?? null)),
    ],
  );
}

/**
 * Refuses a balance that would fall below zero or below what is reserved. (A posting that uses a
 * reservation consumes it first, so only other people's reservations count here.)
 */
async function assertCovers(cmd: CommandTx, keyId: string, st: KeyState, after: Decimal, needed: Decimal, at: Date) {
  if (st.balance.allow_negative) return;
  if (after.greaterThanOrEqualTo(st.balance.reserved)) return;
  const reserved = await reservedUnexpired(cmd, keyId, st);
  if (after.greaterThanOrEqualTo(reserved)) return;
  const available = after.plus(needed).minus(reserved);
  throw await insufficient(cmd, keyId, needed, Decimal.max(available, 0), at, reserved.isZero() ? undefined : reserved);
}

/**
 * What the key's reservations hold once those past their expiry gave it back (the sweep may not have
 * run yet): an expired reservation never refuses a posting. The key is locked by the posting.
 */
async function reservedUnexpired(cmd: CommandTx, keyId: string, st: KeyState): Promise<Decimal> {
  const { count, released } = await releaseExpired(cmd, keyId);
  if (count) {
    st.balance.reserved = new Decimal(st.balance.reserved).minus(released).toString();
    cmd.audit({ entityType: 'stock_reservation', entityId: 'expired', after: { keyId, reservations: count, released: released.toString(), at: 'posting' } });
  }
  return new Decimal(st.balance.reserved);
}

export async function insufficient(cmd: CommandTx, keyId: string, needed: Decimal, available: Decimal, at: Date, reserved?: Decimal): Promise<DomainError> {
  const key = await describeKey(cmd, keyId);
  const where = `${key.variant} at ${key.location}${key.lot ? `, lot ${key.lot}` : ''} (${key.grade})`;
  return new DomainError(
    'inventory.insufficient_stock',
    `Not enough ${where}: ${needed.toString()} needed, ${available.toString()} available${reserved ? ` (${reserved.toString()} reserved)` : ''}.`,
    { key, required: needed.toString(), available: available.toString(), shortage: needed.minus(available).toString(), at: at.toISOString() },
  );
}

/** Re-values keys that took earlier-dated, cancelled or negative-filling entries (checked from the
 * earliest time touched), refuses a posting that makes a cost depend on itself, then re-values every
 * key whose incoming cost comes from an outgoing entry whose value changed, until costs settle. */
async function revalueFullKeys(cmd: CommandTx, states: Map<string, KeyState>, held: Set<string>, drafts: EntryDraft[], keyIds: string[]) {
  let queue = [...states].filter(([, s]) => s.full).map(([k, s]) => ({ keyId: k, from: new Date(s.fullFrom), newFrom: s.firstNew, checked: true }));
  const firstRound = queue.map((q) => ({ keyId: q.keyId, from: q.from }));
  for (let round = 0; queue.length; round++) {
    if (round > 0 && round % LOOP_CHECK_ROUNDS === 0) await refuseCostLoop(cmd, queue.map((q) => ({ keyId: q.keyId, from: null })));
    // each key a carried cost reached, from the earliest moment it was reached
    const next = new Map<string, Date>();
    for (const { keyId, from, newFrom, checked } of queue.sort((a, b) => Number(BigInt(a.keyId) - BigInt(b.keyId)))) {
      if (!held.has(keyId)) {
        // reached through a cost carried since the keys were read: take its lock before reading it
        await lockBalances(cmd, [keyId]);
        held.add(keyId);
      }
      const r = await revalueKey(cmd, keyId, from, newFrom);
      const st = states.get(keyId);
      if (checked && st && r.minQtyAfter !== null) await assertNoNegative(cmd, keyId, st, r.minQtyAfter, r.minQtyAt, drafts, keyIds);
      for (const dep of r.dependents) {
        const earlier = next.get(dep.keyId);
        if (!earlier || dep.from < earlier) next.set(dep.keyId, dep.from);
      }
    }
    // the first round placed this posting's entries on the FIFO axis: a loop it closes is there now
    if (round === 0) await refuseCostLoop(cmd, firstRound);
    queue = [...next].map(([keyId, from]) => ({ keyId, from, newFrom: null, checked: false }));
  }
}

/**
 * Refuses a posting after which an entry's value would depend on itself (`findCostCycle`): stock
 * taken while short, valued from a later layer whose cost is carried from it, has no defined value.
 */
async function refuseCostLoop(cmd: CommandTx, seeds: Array<{ keyId: string; from: Date | null }>) {
  const entryId = await findCostCycle(cmd, seeds);
  if (entryId === null) return;
  const [e] = await cmd.query<{ key_id: string; posted_at: Date }>('select key_id::text, posted_at from stock_entry where id = $1', [entryId]);
  const key = await describeKey(cmd, e!.key_id);
  throw new DomainError(
    'state.conflict',
    `This posting would make the cost of ${key.variant} at ${key.location}${key.lot ? `, lot ${key.lot}` : ''} (${key.grade}) depend on itself: ` +
      'stock taken while short would be valued from a later layer whose cost is carried from that stock. Post what covers the shortage first.',
    { key, entryId, at: e!.posted_at.toISOString() },
  );
}

/** After a re-valuation: no moment from the earliest new posting on may be negative, and the
 * current balance may not fall below what is reserved. */
async function assertNoNegative(cmd: CommandTx, keyId: string, st: KeyState, minQtyAfter: string, lowAt: Date | null, drafts: EntryDraft[], keyIds: string[]) {
  if (st.balance.allow_negative) return;
  const low = new Decimal(minQtyAfter);
  const [bal] = await cmd.query<{ qty: string }>('select qty from stock_balance where key_id = $1', [keyId]);
  const needed = drafts.reduce((sum, d, i) => (keyIds[i] === keyId && new Decimal(d.qty).isNegative() ? sum.minus(d.qty) : sum), new Decimal(0));
  if (low.isNegative()) {
    // `at` is the moment the balance would go negative, which may be later than the posting
    throw await insufficient(cmd, keyId, Decimal.max(needed, low.negated()), Decimal.max(needed.plus(low), 0), lowAt ?? new Date(st.fullFrom));
  }
  const qty = new Decimal(bal!.qty);
  if (qty.greaterThanOrEqualTo(st.balance.reserved)) return;
  const reserved = await reservedUnexpired(cmd, keyId, st);
  if (qty.lessThan(reserved)) throw await insufficient(cmd, keyId, needed, Decimal.max(qty.plus(needed).minus(reserved), 0), new Date(st.fullFrom), reserved);
}
