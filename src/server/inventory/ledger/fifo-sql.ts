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
