/**
 * FIFO valuation on one key, defined once. Incoming layers lie end to end on the key's "FIFO
 * axis" in posting order; layer L ends at position `pos` with cumulative value `val`, and has
 * quantity `lq` and value `lv`. F(x), the value of the first x units ever received, is
 *
 *   F(x) = val(L) − round((pos(L) − x) · lv(L) / lq(L), 6)   for L the first layer with pos(L) ≥ x,
 *   F(x) = total value + round((x − total qty) · lv / lq, 6)  past the last layer (negative stock),
 *                                                               at the last layer's cost
 *
 * so F is exact at every layer boundary and rounds only inside a layer. An outgoing entry whose
 * cumulative outgoing quantity moves from a to b is worth −(F(b) − F(a)). Both the appending fast
 * path and the full re-valuation use these expressions, so they agree to the last digit.
 */
export const F_INSIDE_LAYER = (x: string, pos: string, val: string, lv: string, lq: string) =>
  `(${val} - round((${pos} - ${x}) * ${lv} / ${lq}, 6))`;

export const F_PAST_LAYERS = (x: string, totalQty: string, totalVal: string, lastLv: string, lastLq: string) =>
  `(case when ${lastLq} is null then ${totalVal} else ${totalVal} + round((${x} - ${totalQty}) * ${lastLv} / ${lastLq}, 6) end)`;

/**
 * The value an incoming entry brings: its given cost; or minus the value of the outgoing entry it
 * carries (a transfer); or, for a production output, its own cost plus its share of what the
 * document consumed. `e` is the alias of the stock_entry row.
 */
export const INCOMING_VALUE = (e: string) => `(case
  when ${e}.cost_share is not null then coalesce(${e}.qty * ${e}.unit_cost, 0) + (
    select round(pool.v * sh.cum / sh.total, 6) - round(pool.v * (sh.cum - ${e}.cost_share) / sh.total, 6)
    from (select -coalesce(sum(cv.value), 0) as v from stock_entry c join stock_entry_value cv on cv.entry_id = c.id
          where c.document_id = ${e}.document_id and c.qty < 0 and c.reverses_entry_id is null) pool,
         (select sum(o.cost_share) filter (where o.id <= ${e}.id) as cum, sum(o.cost_share) as total from stock_entry o
          where o.document_id = ${e}.document_id and o.cost_share is not null and o.reverses_entry_id is null) sh)
  when ${e}.unit_cost is not null then ${e}.qty * ${e}.unit_cost
  else -coalesce((select value from stock_entry_value where entry_id = ${e}.cost_source_entry_id), 0) end)`;
