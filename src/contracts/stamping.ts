import { z } from 'zod';
import { Code, Name, OptionalText } from './common';
import { CapacityWarning, DayDto, IsoDay } from './planning';

/** Units (bottles, stamps) are counted, never measured: a whole number, as a string. */
export const WholeUnits = z.string().trim().regex(/^\d{1,14}$/, 'a whole number of units, as a string');
export const PositiveUnits = WholeUnits.refine((v) => /[1-9]/.test(v), 'must be greater than zero');

// ---- master data ----------------------------------------------------------------------------
export const BrandDto = z.object({ id: z.uuid(), code: z.string(), name: z.string(), active: z.boolean() });
export type BrandDto = z.infer<typeof BrandDto>;
export const CreateBrand = z.strictObject({ code: Code, name: Name });

/** A stamping product: one flavour of one brand (a catalog item); its variants are mL × mg. */
export const CreateProduct = z.strictObject({
  brandId: z.uuid(),
  flavour: Name,
  /** item code; default derived from brand and flavour */
  code: Code.optional(),
  volumesMl: z.array(z.string().regex(/^\d{1,4}(\.\d)?$/)).min(1).max(20),
  strengthsMg: z.array(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/)).min(1).max(20),
});

/** A product variant with everything an operator must see to never pick the wrong one. */
export const ProductVariantDto = z.object({
  variantId: z.uuid(), itemId: z.uuid(), code: z.string(),
  brandId: z.uuid(), brand: z.string(), flavour: z.string(), volumeMl: z.string(), strengthMg: z.string(),
  /** "Blueberry Raspberry — Orbito · 30mL · 20mg" */
  label: z.string(),
});
export type ProductVariantDto = z.infer<typeof ProductVariantDto>;

export const RegionDto = z.object({
  code: z.string(), name: z.string(), colour: z.string(), stampVariantId: z.uuid(), position: z.number().int(), active: z.boolean(),
});
export type RegionDto = z.infer<typeof RegionDto>;
export const CreateRegion = z.strictObject({
  code: z.string().trim().regex(/^[a-z][a-z0-9_-]{0,29}$/, 'lower-case letters, digits, dash and underscore'),
  name: Name,
  colour: z.string().trim().max(20).default('gray'),
});

export const ConsigneeDto = z.object({
  customerId: z.uuid(), code: z.string(), name: z.string(), locationId: z.uuid(), locationCode: z.string(),
});
export type ConsigneeDto = z.infer<typeof ConsigneeDto>;

// ---- shipments and receiving ------------------------------------------------------------------
export const SHIPMENT_STATUSES = ['expected', 'receiving', 'inventoried'] as const;
export const ShipmentStatus = z.enum(SHIPMENT_STATUSES);

export const CreateShipment = z.strictObject({
  customerId: z.uuid(),
  number: Code.optional(),
  reference: OptionalText(120),
  expectedOn: IsoDay.nullable().optional(),
  note: OptionalText(1000),
  packingList: z.array(z.strictObject({ variantId: z.uuid(), qty: PositiveUnits })).max(500).default([]),
  /** boxes announced in advance: per brand, numbers 1..count */
  expectedBoxes: z.array(z.strictObject({ brandId: z.uuid(), count: z.number().int().min(1).max(5000) })).max(50).default([]),
});

export const BoxLineInput = z.strictObject({
  variantId: z.uuid(),
  /** what arrived of the product, damaged and missing included: a line of nothing is no line */
  rawQty: PositiveUnits,
  damagedQty: WholeUnits.default('0'),
  missingQty: WholeUnits.default('0'),
  damageNote: OptionalText(500),
});
/** Receive one box: it is found by brand + number, or created if it was not announced. */
/** A received box line that holds another product than was keyed in: the product it really holds, and why. */
export const CorrectLineVariant = z.strictObject({ variantId: z.uuid(), reason: z.string().trim().min(1, 'say what was wrong').max(500) });
export const ReceiveBox = z.strictObject({
  brandId: z.uuid(),
  boxNo: z.number().int().min(1).max(999_999_999),
  lines: z.array(BoxLineInput).min(1).max(50),
  note: OptionalText(500),
});

export const BoxLineDto = z.object({
  id: z.uuid(), lineNo: z.number().int(), variantId: z.uuid(), label: z.string(), brand: z.string(),
  rawQty: z.string(), goodQty: z.string(), damagedQty: z.string(), missingQty: z.string(), foundDamagedQty: z.string(),
});
export const BoxDto = z.object({
  id: z.uuid(), shipmentId: z.uuid(), brandId: z.uuid(), brand: z.string(), boxNo: z.number().int(),
  status: z.enum(['expected', 'received']), receivedAt: z.string().nullable(), receivedBy: z.string().nullable(),
  documentId: z.uuid().nullable(), note: z.string().nullable(), lines: z.array(BoxLineDto),
});
export type BoxDto = z.infer<typeof BoxDto>;

export const ShipmentLineDto = z.object({ variantId: z.uuid(), label: z.string(), qty: z.string() });
export const ShipmentDto = z.object({
  id: z.uuid(), number: z.string(), customerId: z.uuid(), customerCode: z.string(), customerName: z.string(),
  reference: z.string().nullable(), status: ShipmentStatus, expectedOn: z.string().nullable(), lotId: z.uuid(), note: z.string().nullable(),
  createdAt: z.string(), inventoriedAt: z.string().nullable(),
  brands: z.array(z.string()), boxesReceived: z.number().int(), boxesExpected: z.number().int(),
  packingList: z.array(ShipmentLineDto),
});
export type ShipmentDto = z.infer<typeof ShipmentDto>;

/** Availability per product on a shipment (see README: good quantity or packing list, minus POs). */
export const AvailabilityDto = z.object({
  variantId: z.uuid(), label: z.string(), brand: z.string(), flavour: z.string(), volumeMl: z.string(), strengthMg: z.string(),
  basis: z.enum(['received', 'packing_list']),
  total: z.string(), allocated: z.string(), available: z.string(),
});
export type AvailabilityDto = z.infer<typeof AvailabilityDto>;

/** Per product on a shipment: the packing list beside what the received boxes held. */
export const ReceivedTotalsDto = z.object({
  variantId: z.uuid(), label: z.string(), brand: z.string(),
  packedQty: z.string(), rawQty: z.string(), goodQty: z.string(), damagedQty: z.string(), missingQty: z.string(),
  /** received boxes holding this product */
  boxes: z.number().int(),
});
export type ReceivedTotalsDto = z.infer<typeof ReceivedTotalsDto>;

// ---- production orders ------------------------------------------------------------------------
export const PO_STATUSES = ['open', 'in_production', 'pending_verification', 'completed', 'cancelled'] as const;
export const PoStatus = z.enum(PO_STATUSES);
export type PoStatus = z.infer<typeof PoStatus>;

export const PoLineInput = z.strictObject({ variantId: z.uuid(), regionCode: z.string().max(30), qty: PositiveUnits });
export const CreatePo = z.strictObject({
  shipmentId: z.uuid(),
  number: Code.optional(),
  urgent: z.boolean().default(false),
  notes: OptionalText(2000),
  lines: z.array(PoLineInput).min(1).max(200),
  /** schedule at once on this day (an urgent PO without a day goes to the next day with room) */
  day: IsoDay.nullable().optional(),
  autoSplit: z.boolean().default(false),
});
export const UpdatePo = z.strictObject({
  urgent: z.boolean().optional(),
  notes: OptionalText(2000),
  /** the whole new set of lines; lines are matched by (variant, region) */
  lines: z.array(PoLineInput).min(1).max(200).optional(),
});
/** A verifier's increase of lines the PO has (matched by variant and region). */
export const IncreaseLines = z.strictObject({ lines: z.array(PoLineInput).min(1).max(200) });
export const SchedulePo = z.strictObject({
  /** null takes the PO off the calendar */
  day: IsoDay.nullable(),
  /** place in the day's queue (0 = top); default: the end */
  position: z.number().int().min(0).max(10000).optional(),
  /** split over consecutive working days if the day cannot take it all */
  autoSplit: z.boolean().default(false),
});
/** Move part of a PO to other days: the PO becomes a parent with one segment per part. */
export const SplitPo = z.strictObject({
  parts: z.array(z.strictObject({ day: IsoDay, qty: PositiveUnits })).min(2).max(60)
    // a segment is a day's share: two parts on one day would be one segment
    .superRefine((parts, ctx) => parts.forEach((p, i) => {
      if (parts.findIndex((q) => q.day === p.day) < i) ctx.addIssue({ code: 'custom', path: [i, 'day'], message: 'another part is on this day' });
    })),
});
export const CancelPo = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const PoLineDto = z.object({
  id: z.uuid(), lineNo: z.number().int(), variantId: z.uuid(), label: z.string(), brand: z.string(), flavour: z.string(),
  volumeMl: z.string(), strengthMg: z.string(), regionCode: z.string(), regionName: z.string(), regionColour: z.string(),
  qty: z.string(), stampedQty: z.string(),
});
export const PoDto = z.object({
  id: z.uuid(), number: z.string(), customerId: z.uuid(), customerCode: z.string(), customerName: z.string(),
  shipmentId: z.uuid(), shipmentNumber: z.string(), status: PoStatus, urgent: z.boolean(), notes: z.string().nullable(),
  parentId: z.uuid().nullable(), parentNumber: z.string().nullable(), segmentNo: z.number().int().nullable(),
  segments: z.array(z.object({ id: z.uuid(), number: z.string(), status: PoStatus, day: z.string().nullable(), qty: z.string() })),
  reverificationRequired: z.boolean(),
  day: z.string().nullable(), sequence: z.number().int().nullable(),
  totalQty: z.string(), stampedQty: z.string(),
  regions: z.array(z.string()),
  lines: z.array(PoLineDto),
  createdAt: z.string(), updatedAt: z.string(), cancelReason: z.string().nullable(),
});
export type PoDto = z.infer<typeof PoDto>;

/** A command on a PO answers with the PO and, when a day went over its cap, the warning. */
export const PoResult = z.object({ po: PoDto, warnings: z.array(CapacityWarning) });
export type PoResult = z.infer<typeof PoResult>;

/** The calendar: days with capacity, and the POs booked on them in queue order. */
export const CalendarDto = z.object({
  /** null until stamping is set up (no region or consignee yet) */
  siteId: z.uuid().nullable(), from: IsoDay, to: IsoDay,
  days: z.array(DayDto.extend({
    pos: z.array(z.object({
      id: z.uuid(), number: z.string(), customerCode: z.string(), status: PoStatus, urgent: z.boolean(), qty: z.string(),
      regions: z.array(z.string()), sequence: z.number().int(), parentNumber: z.string().nullable(), segmentNo: z.number().int().nullable(),
    })),
  })),
});
export type CalendarDto = z.infer<typeof CalendarDto>;

// ---- stamp stock ------------------------------------------------------------------------------
export const CreateStampOrder = z.strictObject({
  regionCode: z.string().max(30),
  qty: PositiveUnits,
  supplier: OptionalText(120),
  orderedOn: IsoDay.optional(),
  note: OptionalText(1000),
  /** received at once (posts the receipt now) */
  received: z.boolean().default(false),
});
export const StampOrderDto = z.object({
  id: z.uuid(), number: z.string(), regionCode: z.string(), regionName: z.string(), qty: z.string(), supplier: z.string().nullable(),
  status: z.enum(['ordered', 'received', 'cancelled']), orderedOn: z.string(), receivedAt: z.string().nullable(),
  documentId: z.uuid().nullable(), note: z.string().nullable(), createdAt: z.string(),
});
export type StampOrderDto = z.infer<typeof StampOrderDto>;

/** Per region: the stamp ledger (received, used, remaining) and what scheduled POs will need. */
export const StampRegionStockDto = z.object({
  regionCode: z.string(), regionName: z.string(), colour: z.string(),
  received: z.string(), used: z.string(), remaining: z.string(),
  /** provisional: unstamped quantity of scheduled, not yet completed POs */
  reserved: z.string(),
  /** unstamped quantity of POs scheduled within the horizon (default the next 7 days) */
  scheduledDemand: z.string(),
  free: z.string(),
  shortfall: z.string(),
  warning: z.string().nullable(),
});
export type StampRegionStockDto = z.infer<typeof StampRegionStockDto>;

export const STAMP_ORDER_STATUSES = ['ordered', 'received', 'cancelled'] as const;
export const StampOrderStatus = z.enum(STAMP_ORDER_STATUSES);
/** The stamp-stock dashboard: `horizonDays` ahead counts as near-term (scheduled) demand. */
export const StampStockQuery = z.strictObject({ horizonDays: z.coerce.number().int().min(0).max(90).default(7) });
