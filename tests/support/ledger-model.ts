import Decimal from '../../src/contracts/exact-decimal';

/**
 * A deliberately naive reference of the stock ledger: every figure recomputed from the full list
 * of entries after every operation, with plain loops. The database must agree with it exactly.
 */
const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });

export interface ModelEntry {
  id: number;
  key: string;
  postedAt: number;
  qty: Decimal;
  unitCost: Decimal | null;
  costSource: number | null;
  /** production output: its weight in the document's consumed value */
  costShare?: Decimal;
  reverses: number | null;
  doc: number;
}

export class LedgerModel {
  entries: ModelEntry[] = [];
  /** Last computed value per entry (kept for cancelled outgoing entries, as the database does). */
  values = new Map<number, Decimal>();
  private nextId = 1;

  add(e: Omit<ModelEntry, 'id'>): ModelEntry {
    const entry = { ...e, id: this.nextId++ };
    this.entries.push(entry);
    return entry;
  }

  snapshot() {
    return { entries: [...this.entries], values: new Map(this.values), nextId: this.nextId };
  }
  restore(s: ReturnType<LedgerModel['snapshot']>) {
    this.entries = s.entries;
    this.values = s.values;
    this.nextId = s.nextId;
  }

  private ordered(key: string) {
    return this.entries.filter((e) => e.key === key).sort((a, b) => a.postedAt - b.postedAt || a.id - b.id);
  }

  /** Re-values every key until costs carried by transfers settle (without a cost cycle, within
   * as many rounds as the longest chain of carried costs). */
  revalue(): void {
    const keys = [...new Set(this.entries.map((e) => e.key))];
    for (let round = 0; round < 1000; round++) {
      let changed = false;
      for (const k of keys) changed = this.revalueKey(k) || changed;
      if (!changed) return;
    }
    throw new Error('model costs did not settle');
  }

  /** A carried cost: the whole source value (a transfer's legs), or its share by quantity (a return of part of an issue). */
  private carried(e: ModelEntry): Decimal {
    const source = this.entries.find((x) => x.id === e.costSource)!;
    const v = this.values.get(source.id) ?? new D(0);
    return source.qty.negated().equals(e.qty) ? v.negated() : new D(e.qty).times(v).div(source.qty).toDecimalPlaces(6);
  }

  private revalueKey(key: string): boolean {
    const reversed = new Set(this.entries.filter((e) => e.reverses !== null).map((e) => e.reverses));
    const all = this.ordered(key);
    const eff = all.filter((e) => e.reverses === null && !reversed.has(e.id));
    const inValue = (e: ModelEntry): Decimal => {
      if (e.costShare) return (e.unitCost ? e.qty.times(e.unitCost) : new D(0)).plus(this.share(e));
      return e.unitCost ? e.qty.times(e.unitCost) : this.carried(e);
    };
    const layers: Array<{ pos: Decimal; val: Decimal; lq: Decimal; lv: Decimal }> = [];
    let inPos = new D(0);
    let inVal = new D(0);
    for (const e of eff.filter((x) => x.qty.isPositive())) {
      const v = inValue(e);
      inPos = inPos.plus(e.qty);
      inVal = inVal.plus(v);
      layers.push({ pos: inPos, val: inVal, lq: e.qty, lv: v });
    }
    const F = (x: Decimal): Decimal => {
      const l = layers.find((L) => L.pos.greaterThanOrEqualTo(x));
      if (l) return l.val.minus(l.pos.minus(x).times(l.lv).div(l.lq).toDecimalPlaces(6));
      const last = layers.at(-1);
      return last ? inVal.plus(x.minus(inPos).times(last.lv).div(last.lq).toDecimalPlaces(6)) : inVal;
    };
    let changed = false;
    const set = (id: number, v: Decimal) => {
      if (!this.values.get(id)?.equals(v)) changed = true;
      this.values.set(id, v);
    };
    let outPos = new D(0);
    for (const e of eff) {
      if (e.qty.isPositive()) set(e.id, inValue(e));
      else {
        const before = F(outPos);
        outPos = outPos.minus(e.qty);
        set(e.id, F(outPos).minus(before).negated());
      }
    }
    for (const e of all) {
      if (e.reverses !== null) set(e.id, (this.values.get(e.reverses) ?? new D(0)).negated());
      else if (reversed.has(e.id) && e.qty.isPositive()) set(e.id, inValue(e));
    }
    return changed;
  }

  /** A production output's share of what its document consumed, by cumulative rounding. */
  private share(e: ModelEntry): Decimal {
    const docEntries = this.entries.filter((x) => x.doc === e.doc && x.reverses === null);
    const pool = docEntries.filter((x) => x.qty.isNegative()).reduce((s, x) => s.plus(this.values.get(x.id) ?? 0), new D(0)).negated();
    const outs = docEntries.filter((x) => x.costShare);
    const total = outs.reduce((s, x) => s.plus(x.costShare!), new D(0));
    const cum = outs.filter((x) => x.id <= e.id).reduce((s, x) => s.plus(x.costShare!), new D(0));
    const r = (w: Decimal) => pool.times(w).div(total).toDecimalPlaces(6);
    return r(cum).minus(r(cum.minus(e.costShare!)));
  }

  /**
   * An entry whose value would depend on itself, if any: the ledger refuses such a posting. An
   * outgoing entry depends on the layers its FIFO range (a, b] overlaps (past every layer: the
   * last one), an incoming entry on the entry whose cost it carries or on its document's
   * consumption. Only stock going negative (a range reaching a later layer) can close a loop.
   */
  cycle(): ModelEntry | null {
    const reversed = new Set(this.entries.filter((e) => e.reverses !== null).map((e) => e.reverses));
    const live = this.entries.filter((e) => e.reverses === null && !reversed.has(e.id));
    const deps = new Map<number, ModelEntry[]>();
    for (const key of this.keys()) {
      const eff = live.filter((e) => e.key === key).sort((a, b) => a.postedAt - b.postedAt || a.id - b.id);
      const layers: Array<{ e: ModelEntry; start: Decimal; end: Decimal }> = [];
      let inPos = new D(0);
      for (const e of eff.filter((x) => x.qty.gt(0))) layers.push({ e, start: inPos, end: (inPos = inPos.plus(e.qty)) });
      let outPos = new D(0);
      for (const e of eff.filter((x) => x.qty.lt(0))) {
        const a = outPos;
        const b = (outPos = outPos.minus(e.qty));
        const upTo = D.min(b, inPos);
        const hit = a.greaterThanOrEqualTo(inPos) ? layers.slice(-1) : layers.filter((l) => l.start.lessThan(upTo) && l.end.greaterThan(a));
        deps.set(e.id, hit.map((l) => l.e));
      }
    }
    for (const e of live.filter((x) => x.qty.gt(0))) {
      if (e.costShare) deps.set(e.id, live.filter((x) => x.doc === e.doc && x.qty.lt(0)));
      else if (e.costSource !== null) deps.set(e.id, live.filter((x) => x.id === e.costSource));
    }
    // depth-first, iteratively: an entry met again while still on the path closes a loop
    const state = new Map<number, 'open' | 'done'>();
    for (const root of live) {
      if (state.has(root.id)) continue;
      const path: Array<{ e: ModelEntry; next: number }> = [{ e: root, next: 0 }];
      state.set(root.id, 'open');
      while (path.length) {
        const top = path.at(-1)!;
        const d = deps.get(top.e.id)?.[top.next++];
        if (!d) {
          state.set(top.e.id, 'done');
          path.pop();
        } else if (state.get(d.id) === 'open') return d;
        else if (!state.has(d.id)) {
          state.set(d.id, 'open');
          path.push({ e: d, next: 0 });
        }
      }
    }
    return null;
  }

  balance(key: string): { qty: Decimal; value: Decimal } {
    let qty = new D(0);
    let value = new D(0);
    for (const e of this.entries.filter((x) => x.key === key)) {
      qty = qty.plus(e.qty);
      value = value.plus(this.values.get(e.id) ?? 0);
    }
    return { qty, value };
  }

  /** The lowest balance of a key at any moment (what every entry of a moment leaves), in posting order. */
  lowest(key: string): Decimal {
    let run = new D(0);
    let low = new D(0);
    const entries = this.ordered(key);
    entries.forEach((e, i) => {
      run = run.plus(e.qty);
      const lastOfMoment = entries[i + 1]?.postedAt !== e.postedAt;
      if (lastOfMoment && run.lessThan(low)) low = run;
    });
    return low;
  }

  keys(): string[] {
    return [...new Set(this.entries.map((e) => e.key))];
  }
}
