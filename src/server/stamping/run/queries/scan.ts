import Decimal from '../../../../contracts/exact-decimal';
import type { ScanBoxDto } from '../../../../contracts/stamping-run';
import { suggestedRegion } from '../../../../contracts/stamp-region';
import type { Queryable } from '../../../kernel/db/types';
import { DomainError } from '../../../kernel/errors';

interface LineRow {
  box_line_id: string; variant_id: string; item_id: string; label: string; brand: string; brand_id: string; flavour: string;
  volume_ml: string; strength_mg: string; good_qty: string; stamped: boolean;
}
interface PoLineRow { id: string; variant_id: string; item_id: string; region_code: string; qty: string; stamped_qty: string; volume_ml: string; strength_mg: string; flavour: string }

/**
 * What a scanned box number means for a PO: the box of the PO's shipment with that number (a
 * brand filter picks between brands sharing it), its lines with the PO lines each can be stamped
 * for, the stamps it takes per region, and the Variant-mismatch explanation where the PO has the
 * flavour only in another variant.
 */
export async function scanBox(q: Queryable, poId: string, scanned: { boxNo?: number; boxId?: string; brandId?: string }, stickyRegion: string | null): Promise<ScanBoxDto> {
  const { boxId, brandId } = scanned;
  const boxes = await q.query<{ id: string; brand: string; brand_id: string; skipped: boolean; box_no: number }>(
    `select b.id, br.name as brand, b.brand_id, b.box_no, exists (select 1 from run_skip s where s.po_id = p.id and s.box_id = b.id) as skipped
     from production_order p join shipment_box b on b.shipment_id = p.shipment_id join brand br on br.id = b.brand_id
     where p.id = $1 and b.status = 'received' and ($2::int is null or b.box_no = $2) and ($4::uuid is null or b.id = $4)
       and ($3::uuid is null or $4::uuid is not null or b.brand_id = $3)
     order by br.name`,
    [poId, scanned.boxNo ?? null, brandId ?? null, boxId ?? null],
  );
  const boxNo = scanned.boxNo ?? boxes[0]?.box_no;
  if (boxes.length === 0) throw new DomainError('stamping.box_not_found', `No received box${boxNo ? ` #${boxNo}` : ''} on this order's shipment${brandId ? ' for that brand' : ''}.`);
  if (boxes.length > 1) {
    throw new DomainError('stamping.box_ambiguous', `Box #${boxNo} exists for ${boxes.map((b) => b.brand).join(' and ')}; filter by brand.`, { brands: boxes.map((b) => ({ brandId: b.brand_id, brand: b.brand })) });
  }
  const box = boxes[0]!;
  const all = await q.query<LineRow>(
    `select bl.id as box_line_id, bl.variant_id, sv.item_id, sv.label, sv.brand, sv.brand_id, sv.flavour, sv.volume_ml, sv.strength_mg,
       bl.good_qty::text, exists (select 1 from run_box rb where rb.box_line_id = bl.id) as stamped
     from shipment_box_line bl join stamping_variant sv on sv.variant_id = bl.variant_id where bl.box_id = $1 order by bl.line_no`,
    [box.id],
  );
  const lines = brandId ? all.filter((l) => l.brand_id === brandId) : all;
  const poLines = await q.query<PoLineRow>(
    `select l.id, l.variant_id, sv.item_id, l.region_code, l.qty::text, l.stamped_qty::text, sv.volume_ml, sv.strength_mg, sv.flavour
     from production_order_line l join stamping_variant sv on sv.variant_id = l.variant_id where l.po_id = $1 order by l.line_no`,
    [poId],
  );
  const stampsByRegion: Record<string, string> = {};
  const out = lines.map((l) => {
    const matching = poLines.filter((p) => p.variant_id === l.variant_id);
    const region = suggestedRegion(matching.map((p) => ({ regionCode: p.region_code, qty: p.qty, stampedQty: p.stamped_qty })), stickyRegion, l.good_qty);
    if (region && !l.stamped) stampsByRegion[region] = new Decimal(stampsByRegion[region] ?? 0).plus(l.good_qty).toString();
    return {
      boxLineId: l.box_line_id, variantId: l.variant_id, label: l.label, brand: l.brand, flavour: l.flavour, volumeMl: l.volume_ml,
      strengthMg: l.strength_mg, goodQty: l.good_qty, stamped: l.stamped,
      poLines: matching.map((p) => ({ poLineId: p.id, regionCode: p.region_code, qty: p.qty, stampedQty: p.stamped_qty })),
      mismatch: matching.length ? null : mismatchText(l, poLines),
    };
  });
  return { boxId: box.id, brand: box.brand, brandId: box.brand_id, boxNo: box.box_no, lines: out, hiddenOtherBrandLines: all.length - lines.length, stampsByRegion, skipped: box.skipped };
}

/**
 * "PO has Grape Ice but in a different variant — 30mL · 20mg. This box is 30mL · 10mg, which the
 * customer didn't request." Every variant the PO has of the flavour is named ("30mL · 20mg or 60mL · 20mg").
 */
export function mismatchText(l: Pick<LineRow, 'item_id' | 'flavour' | 'volume_ml' | 'strength_mg'>, poLines: Array<Pick<PoLineRow, 'item_id' | 'volume_ml' | 'strength_mg'>>): string | null {
  const variants = [...new Set(poLines.filter((p) => p.item_id === l.item_id).map((p) => `${p.volume_ml}mL · ${p.strength_mg}mg`))];
  if (!variants.length) return null;
  return `PO has ${l.flavour} but in a different variant — ${variants.join(' or ')}. This box is ${l.volume_ml}mL · ${l.strength_mg}mg, which the customer didn't request.`;
}
