import Decimal from '../../../contracts/exact-decimal';
import type { Queryable } from '../../kernel/db/types';

/**
 * Finds an entry whose value would depend on itself through carried costs, or null.
 *
 * An outgoing entry's value depends on the layers its FIFO range (a, b] overlaps (past every layer:
 * the last one); a transfer's incoming entry on the outgoing one it carries; a production output on
 * its document's consumption. Costs flow forward in posting order, except where stock goes negative:
 * there an outgoing entry takes its cost from a later layer. When that layer's cost comes back from
 * the entry itself, its value is whatever fixed point re-valuation happens to reach (any value, when
 * the loop passes all of it on), so it depends on the order of postings and is refused.
 *
 * Only entries whose value is carried (`linked`) can be on a loop, and a loop this posting closes runs
 * through a `seeds` key's outgoing entry that its re-valuation moved: one dated from `from` on, or
 * consuming layers dated from then on. From those, the entries they depend on are read key by key.
 * Positions must be current: call it after the seeds keys were re-valued.
 */
export async function findCostCycle(tx: Queryable, seeds: Array<{ keyId: string; from: Date | null }>): Promise<string | null> {
  if (seeds.length === 0) return null;
  const graph = new KeyGraphs(tx);
  const deps = new Map<string, string[]>();
  let outs = await tx.query<{ id: string; key_id: string }>(
    `select o.entry_id::text as id, o.key_id::text
     from (select * from unnest($1::bigint[], $2::timestamptz[]) as s(key_id, from_at)
           where exists (select 1 from stock_entry_value o where o.key_id = s.key_id and o.linked and o.qty < 0)) s
     -- where the layers dated before the change end on the FIFO axis
     cross join lateral (select coalesce((select l.fifo_pos from stock_entry_value l where l.key_id = s.key_id and l.layer
       and l.posted_at < s.from_at order by l.posted_at desc, l.entry_id desc limit 1), 0) as pos) before
     join stock_entry_value o on o.key_id = s.key_id and o.linked and o.qty < 0 and o.fifo_pos is not null
       and (s.from_at is null or o.posted_at >= s.from_at or o.fifo_pos > before.pos)`,
    [seeds.map((s) => s.keyId), seeds.map((s) => s.from?.toISOString() ?? null)],
  );
  while (outs.length) {
    await graph.load(outs.map((o) => o.key_id));
    const layers: string[] = [];
    for (const o of outs) {
      if (deps.has(o.id)) continue;
      const hit = graph.consumed(o.key_id, o.id);
      deps.set(o.id, hit);
      for (const l of hit) if (!deps.has(l)) layers.push(l);
    }
    if (!layers.length) break;
    const src = await tx.query<{ layer: string; id: string; key_id: string }>(
      `select e.id::text as layer, s.id::text, s.key_id::text from stock_entry e join stock_entry s on s.id = e.cost_source_entry_id
       where e.id = any ($1::bigint[])
       union all
       select e.id::text, c.id::text, c.key_id::text from stock_entry e
       join stock_entry c on c.document_id = e.document_id and c.qty < 0 and c.reverses_entry_id is null
       where e.id = any ($1::bigint[]) and e.cost_share is not null`,
      [[...new Set(layers)]],
    );
    for (const l of layers) deps.set(l, []);
    for (const r of src) deps.get(r.layer)!.push(r.id);
    outs = src.filter((r) => !deps.has(r.id));
  }
  return onLoop(deps);
}

/** Depth first, iteratively: an entry met again while still on the path is on a loop. */
function onLoop(deps: Map<string, string[]>): string | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of deps.keys()) {
    if (state.has(root)) continue;
    const path: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (path.length) {
      const top = path.at(-1)!;
      const d = deps.get(top.id)?.[top.next++];
      if (d === undefined) {
        state.set(top.id, 'done');
        path.pop();
      } else if (state.get(d) === 'open') return d;
      else if (!state.has(d)) {
        state.set(d, 'open');
        path.push({ id: d, next: 0 });
      }
    }
  }
  return null;
}

interface KeyGraph {
  /** Linked layers on the FIFO axis, in position order: where each starts and ends. */
  layers: Array<{ id: string; start: Decimal; end: Decimal }>;
  /** Linked outgoing entries on the axis: the range each consumes. */
  outs: Map<string, { a: Decimal; b: Decimal }>;
  inQty: Decimal;
  /** The key's last layer, when linked: what stock consumed past every layer is priced at. */
  lastLinked: string | null;
}

/** The linked entries of keys, read once per key. */
class KeyGraphs {
  private keys = new Map<string, KeyGraph>();
  constructor(private tx: Queryable) {}

  async load(keyIds: string[]) {
    const want = [...new Set(keyIds)].filter((k) => !this.keys.has(k));
    if (!want.length) return;
    const heads = await this.tx.query<{ key_id: string; in_qty: string; last_id: string | null; last_linked: boolean | null }>(
      `select b.key_id::text, b.in_qty, l.entry_id::text as last_id, l.linked as last_linked from stock_balance b
       left join lateral (select v.entry_id, v.linked from stock_entry_value v where v.key_id = b.key_id and v.layer
         order by v.posted_at desc, v.entry_id desc limit 1) l on true
       where b.key_id = any ($1::bigint[])`,
      [want],
    );
    const loaded = heads.map((h) => {
      const g: KeyGraph = { layers: [], outs: new Map(), inQty: new Decimal(h.in_qty), lastLinked: h.last_linked ? h.last_id : null };
      this.keys.set(h.key_id, g);
      return g;
    });
    const rows = await this.tx.query<{ key_id: string; id: string; qty: string; fifo_pos: string }>(
      `select v.key_id::text, v.entry_id::text as id, v.qty, v.fifo_pos from stock_entry_value v
       where v.key_id = any ($1::bigint[]) and v.linked and v.qty > 0 and v.layer
       union all
       select v.key_id::text, v.entry_id::text, v.qty, v.fifo_pos from stock_entry_value v
       where v.key_id = any ($1::bigint[]) and v.linked and v.qty < 0 and v.fifo_pos is not null`,
      [want],
    );
    for (const r of rows) {
      const g = this.keys.get(r.key_id)!;
      const end = new Decimal(r.fifo_pos);
      const q = new Decimal(r.qty);
      if (q.gt(0)) g.layers.push({ id: r.id, start: end.minus(q), end });
      else g.outs.set(r.id, { a: end.plus(q), b: end });
    }
    for (const g of loaded) g.layers.sort((x, y) => x.end.comparedTo(y.end));
  }

  /** The linked layers an outgoing entry's value comes from ([] for an entry off the axis). */
  consumed(keyId: string, outId: string): string[] {
    const g = this.keys.get(keyId)!;
    const o = g.outs.get(outId);
    if (!o) return [];
    if (o.a.gte(g.inQty)) return g.lastLinked ? [g.lastLinked] : [];
    const upTo = Decimal.min(o.b, g.inQty);
    // first layer ending after a, by bisection; then every one starting before upTo
    let lo = 0;
    let hi = g.layers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (g.layers[mid]!.end.gt(o.a)) hi = mid;
      else lo = mid + 1;
    }
    const hit: string[] = [];
    for (let i = lo; i < g.layers.length && g.layers[i]!.start.lt(upTo); i++) hit.push(g.layers[i]!.id);
    return hit;
  }
}
