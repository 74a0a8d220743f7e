import Decimal from '../../contracts/exact-decimal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { post, stockWorld, type StockWorld } from '../../../tests/support/stock';
import { LedgerModel } from '../../../tests/support/ledger-model';
import { cancelDocument } from './documents/cancel-document';
import { postReturn } from './documents/post-return';
import { checkLedger } from './check-ledger';
import type { StockDocumentInput } from '../../contracts/inventory';

/** mulberry32: a tiny seeded PRNG, so a failing sequence can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sequences of OPS operations that exercise every kind of operation. (72271 failed where one
 * document's entry ids went from 99 to 100: they were read back in text order.) */
const SEEDS = [11, 2024, 77_003, 72_271];
const OPS = 70;
/**
 * Seeds that failed once, replayed up to the operation that failed: [seed, operations].
 * A posting closing a cost loop through the negative-stock location, which the ledger accepted at
 * whatever value re-valuation reached (or refused after 50 rounds); it now refuses it.
 */
const COST_LOOPS: Array<[number, number]> = [
  [31, 26], [33, 14], [44, 17], [74, 62], [78, 49], [82, 58], [110, 35], [132, 19], [133, 33], [143, 48], [144, 49], [159, 55], [166, 41],
  [171, 40], [172, 59], [174, 38], [187, 55], [189, 22], [197, 36], [205, 23], [213, 66], [217, 34], [233, 49], [283, 33], [289, 8],
];
/** A posting the ledger refuses whose values the model could not settle (it valued before deciding):
 * the shortest of 71 such seeds. */
const REFUSED_UNSETTLED: Array<[number, number]> = [[186, 11], [267, 12], [19, 13], [116, 13], [215, 13]];

/**
 * Production anywhere, the negative-stock location included (the runs above keep it off, so that
 * their seeds still draw the sequences they were recorded with): seeds run in full, and seeds up to
 * a production the ledger refuses for closing a cost loop through it: [seed, operations].
 */
const ANYWHERE_SEEDS = [43, 72, 126, 229];
const ANYWHERE_LOOPS: Array<[number, number]> = [[127, 3], [180, 4], [266, 13], [207, 17]];

/** Returns of issues among the operations, production anywhere: seeds run in full (148 of 1000–1149 agreed
 * with the model throughout; the other two only missed an accepted transfer or production). */
const RETURN_SEEDS = [5, 61, 404, 7, 8, 9];

/** [seed, operations, every kind accepted, production anywhere, returns] */
type Run = [number, number, boolean, boolean, boolean];
const RUNS: Run[] = [
  ...SEEDS.map((s): Run => [s, OPS, true, false, false]),
  ...[...COST_LOOPS, ...REFUSED_UNSETTLED].map(([s, n]): Run => [s, n, false, false, false]),
  ...ANYWHERE_SEEDS.map((s): Run => [s, OPS, true, true, false]),
  ...ANYWHERE_LOOPS.map(([s, n]): Run => [s, n, false, true, false]),
  ...RETURN_SEEDS.map((s): Run => [s, OPS, true, true, true]),
];

describe.each(DIALECTS)('the ledger against a reference model on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(dialect);
  });
  afterAll(() => t.drop());

  it.each(RUNS)('random receipts, issues, transfers, productions, back-dated postings and cancellations agree (seed %i, %i operations, every kind %s, production anywhere %s, returns %s)', async (seed, ops, everyKind, anywhere, returns) => {
    const w: StockWorld = await stockWorld(t.db, `S${seed}`);
    const rand = rng(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const model = new LedgerModel();
    const locs = [w.locations.main, w.locations.second, w.locations.loose];
    const lots = [null, w.lots.a];
    const keyOf = (loc: string, lot: string | null) => `${loc}|${lot ?? '-'}`;
    const day = (d: number) => Date.UTC(2026, 2, d, 12);
    const docs: Array<{ id: string; modelDoc: number; returnOf?: number }> = [];
    const dbIds: string[] = []; // model entry id - 1 → database entry id
    let docNo = 0;
    const accepted: Record<string, number> = {};
    const entryDocKind = new Map<number, string>(); // model document → the kind of operation that posted it
    const isLive = (modelDoc: number) => !model.entries.some((e) => e.reverses !== null && model.entries.find((o) => o.id === e.reverses)?.doc === modelDoc);

    for (let op = 0; op < ops; op++) {
      const kind = pick(['receipt', 'receipt', 'issue', 'issue', 'transfer', 'production', 'cancel', ...(returns ? ['return', 'return'] : [])]);
      const d = 1 + Math.floor(rand() * 20);
      const qty = new Decimal(1 + Math.floor(rand() * 12));
      const loc = pick(locs);
      const lot = pick(lots);
      const snapshot = model.snapshot();
      const modelDoc = ++docNo;
      let input: StockDocumentInput | null = null;
      let cancelOf: { id: string; modelDoc: number } | null = null;
      let returnOf: { id: string; line: { qty: string; locationId: string }; day: number } | null = null;
      let counted: string | null = null;
      let returnOfDoc: number | null = null;
      const line = { variantId: w.variant.id, lotId: lot, grade: 'good' };
      if (kind === 'receipt') {
        const cost = new Decimal(Math.floor(rand() * 40)).div(4);
        input = { type: 'receipt', postedAt: new Date(day(d)).toISOString(), lines: [{ ...line, locationId: loc, qty: qty.toString(), unitCost: cost.toString() }] };
        model.add({ key: keyOf(loc, lot), postedAt: day(d), qty, unitCost: cost, costSource: null, reverses: null, doc: modelDoc });
      } else if (kind === 'issue') {
        input = { type: 'issue', postedAt: new Date(day(d)).toISOString(), lines: [{ ...line, locationId: loc, qty: qty.toString() }] };
        model.add({ key: keyOf(loc, lot), postedAt: day(d), qty: qty.negated(), unitCost: null, costSource: null, reverses: null, doc: modelDoc });
      } else if (kind === 'transfer') {
        const to = pick(locs.filter((l) => l !== loc));
        input = { type: 'transfer', postedAt: new Date(day(d)).toISOString(), lines: [{ ...line, fromLocationId: loc, toLocationId: to, qty: qty.toString() }] };
        const out = model.add({ key: keyOf(loc, lot), postedAt: day(d), qty: qty.negated(), unitCost: null, costSource: null, reverses: null, doc: modelDoc });
        model.add({ key: keyOf(to, lot), postedAt: day(d), qty, unitCost: null, costSource: out.id, reverses: null, doc: modelDoc });
      } else if (kind === 'production') {
        // consume from one key, output two lots of weights 1 and 2 at another location; `anywhere`,
        // the negative-stock location too: there an issue takes its cost from later receipts, and a
        // posting closing a production loop through it is refused (as the model's cycle() predicts)
        const from = anywhere ? pick(locs) : pick([w.locations.main, w.locations.second]);
        const to = anywhere ? pick(locs.filter((l) => l !== from)) : from === w.locations.main ? w.locations.second : w.locations.main;
        if (from === w.locations.loose) counted = 'production from loose';
        else if (to === w.locations.loose) counted = 'production to loose';
        const extra = new Decimal(Math.floor(rand() * 8)).div(8);
        input = {
          type: 'production', postedAt: new Date(day(d)).toISOString(),
          consume: [{ ...line, locationId: from, qty: qty.toString() }],
          output: [
            { variantId: w.variant.id, lotId: null, grade: 'good', locationId: to, qty: '1', extraUnitCost: extra.toString() },
            { variantId: w.variant.id, lotId: w.lots.a, grade: 'good', locationId: to, qty: '2' },
          ],
        };
        model.add({ key: keyOf(from, lot), postedAt: day(d), qty: qty.negated(), unitCost: null, costSource: null, reverses: null, doc: modelDoc });
        model.add({ key: keyOf(to, null), postedAt: day(d), qty: new Decimal(1), unitCost: extra.isZero() ? null : extra, costSource: null, costShare: new Decimal(1), reverses: null, doc: modelDoc });
        model.add({ key: keyOf(to, w.lots.a), postedAt: day(d), qty: new Decimal(2), unitCost: null, costSource: null, costShare: new Decimal(2), reverses: null, doc: modelDoc });
      } else if (kind === 'return') {
        // part of a live issue, what is left of it, back into any location, dated on or after it
        const issues = docs.filter((x) => isLive(x.modelDoc) && model.entries.some((e) => e.doc === x.modelDoc && e.qty.isNegative() && e.reverses === null && entryDocKind.get(e.doc) === 'issue'));
        const target = issues.length ? pick(issues) : null;
        const out = target && model.entries.find((e) => e.doc === target.modelDoc && e.reverses === null)!;
        const left = out && out.qty.negated().minus(docs.filter((x) => x.returnOf === target!.modelDoc && isLive(x.modelDoc))
          .reduce((sum, x) => sum.plus(model.entries.find((e) => e.doc === x.modelDoc && e.reverses === null)!.qty), new Decimal(0)));
        if (!target || !out || !left!.greaterThan(0)) continue;
        const q = Decimal.min(qty, left!);
        const at = Math.min(out.postedAt + Math.floor(rand() * 4) * 86_400_000, day(20));
        const to = pick(locs);
        returnOf = { id: target.id, line: { qty: q.toString(), locationId: to }, day: at };
        model.add({ key: keyOf(to, out.key.split('|')[1] === '-' ? null : out.key.split('|')[1]!), postedAt: at, qty: q, unitCost: null, costSource: out.id, reverses: null, doc: modelDoc });
        returnOfDoc = target.modelDoc;
      } else {
        // a document with live returns is not cancelled (the ledger refuses it): its returns go first
        const live = docs.filter((x) => isLive(x.modelDoc) && !docs.some((r) => r.returnOf === x.modelDoc && isLive(r.modelDoc)));
        if (!live.length) continue;
        cancelOf = pick(live);
        for (const e of model.entries.filter((x) => x.doc === cancelOf!.modelDoc && x.reverses === null)) {
          model.add({ key: e.key, postedAt: e.postedAt, qty: e.qty.negated(), unitCost: null, costSource: null, reverses: e.id, doc: cancelOf.modelDoc });
        }
      }
      // refused when stock would go negative where it may not, or a cost would depend on itself
      // (decided before valuing: such values need not settle)
      const short = !model.keys().every((k) => k.startsWith(`${w.locations.loose}|`) || model.lowest(k).greaterThanOrEqualTo(0));
      const loop = !short && model.cycle() !== null;
      const modelAccepts = !short && !loop;
      if (modelAccepts) model.revalue();
      const result = await (cancelOf
        ? cancelDocument(w.ctx, cancelOf.id, 'test').then((r) => r.body)
        : returnOf
          ? postReturn(w.ctx, returnOf.id, { reason: 'test', postedAt: new Date(returnOf.day).toISOString(), lines: [{ line: 1, ...returnOf.line }] }).then((r) => r.body)
          : post(w.ctx, input!)).then(
        (doc) => ({ ok: true as const, doc }),
        (err) => ({ ok: false as const, err }),
      );
      if (!result.ok) {
        expect(result.err.code, `op ${op} (${kind}) rejected: ${result.err.message}`).toBe(loop ? 'state.conflict' : 'inventory.insufficient_stock');
      }
      expect(result.ok, `op ${op} ${kind}: model ${modelAccepts ? 'accepts' : short ? 'refuses (short)' : 'refuses (cost loop)'}`).toBe(modelAccepts);
      if (!result.ok) {
        model.restore(snapshot);
        continue;
      }
      accepted[kind] = (accepted[kind] ?? 0) + 1;
      if (counted) accepted[counted] = (accepted[counted] ?? 0) + 1;
      if (!cancelOf) docs.push({ id: result.doc.id, modelDoc, ...(returnOfDoc ? { returnOf: returnOfDoc } : {}) });
      entryDocKind.set(modelDoc, kind);
      const fresh = await t.db.query<{ id: string }>(
        // ordered by the number: `order by id` would sort the text column ('100' before '99')
        'select e.id::text from stock_entry e where e.id > $1 and e.key_id in (select id from stock_key where variant_id = $2) order by e.id',
        [dbIds.at(-1) ?? '0', w.variant.id],
      );
      dbIds.push(...fresh.map((r) => r.id));
      expect(dbIds.length).toBe(model.entries.length);
      await compare(t, model, dbIds, op);
    }
    // the sequence exercised every kind of operation, not just the easy ones
    // (with returns in the mix, production through the negative-stock location is rarely accepted: not required)
    const kinds = ['receipt', 'issue', 'transfer', 'production', 'cancel', ...(anywhere && !returns ? ['production from loose', 'production to loose'] : []), ...(returns ? ['return'] : [])];
    if (everyKind) for (const k of kinds) expect(accepted[k] ?? 0, `${k} accepted`).toBeGreaterThan(0);
    const { violations } = await checkLedger(t.db);
    expect(violations).toEqual([]);
  });
});

async function compare(t: TestDb, model: LedgerModel, dbIds: string[], op: number) {
  const rows = await t.db.query<{ id: string; value: string }>('select entry_id::text as id, value from stock_entry_value where entry_id = any ($1::bigint[])', [dbIds]);
  const dbValue = new Map(rows.map((r) => [r.id, r.value]));
  for (const e of model.entries) {
    const got = dbValue.get(dbIds[e.id - 1]!);
    expect(got !== undefined && new Decimal(got).equals(model.values.get(e.id) ?? 0), `op ${op}: entry ${e.id} value ${got} vs model ${model.values.get(e.id)}`).toBe(true);
  }
  for (const key of model.keys()) {
    const [loc, lot] = key.split('|');
    const [b] = await t.db.query<{ qty: string; value: string }>(
      `select b.qty, b.value from stock_balance b join stock_key k on k.id = b.key_id where k.location_id = $1 and k.lot_id is not distinct from $2 and k.grade = 'good'`,
      [loc, lot === '-' ? null : lot],
    );
    const m = model.balance(key);
    expect(new Decimal(b!.qty).equals(m.qty) && new Decimal(b!.value).equals(m.value), `op ${op}: ${key} db ${b!.qty}/${b!.value} model ${m.qty}/${m.value}`).toBe(true);
  }
}
