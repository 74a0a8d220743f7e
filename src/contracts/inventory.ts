import { z } from 'zod';
import { DecimalString, NonNegativeDecimal, PositiveDecimal } from './catalog';

const Where = {
  variantId: z.uuid(),
  lotId: z.uuid().nullable().optional(),
  grade: z.string().max(30).default('good'),
};
/** The earliest business time a posting may carry: before it, a typo (year 0026), not history. */
export const EARLIEST_POSTING = '1970-01-01T00:00:00Z';
const PostedAt = z.iso.datetime({ offset: true, error: 'must be a real date and time, such as 2026-03-01T08:00:00Z' })
  // (a string that is no date at all has the error above alone)
  .refine((v) => Number.isNaN(Date.parse(v)) || Date.parse(v) >= Date.parse(EARLIEST_POSTING), 'must not be before 1970');
const Common = {
  /** Business time the movement counts at; earlier than now for a back-dated posting. */
  postedAt: PostedAt.optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  sourceType: z.string().max(40).nullable().optional(),
  sourceId: z.string().max(100).nullable().optional(),
};
const lines = <T extends z.ZodType>(line: T) => z.array(line).min(1).max(5000);

const ReceiptLine = z.strictObject({ ...Where, locationId: z.uuid(), qty: PositiveDecimal, unitCost: NonNegativeDecimal.default('0') });
export const ReceiptInput = z.strictObject({
  type: z.literal('receipt'),
  ...Common,
  lines: lines(ReceiptLine),
});
/**
 * A receipt as the API takes it: every line says what a unit cost — `0` for goods that cost
 * nothing (a customer's consigned goods) — so stock is never valued at nothing by omission.
 */
export const ReceiptApiInput = ReceiptInput.omit({ type: true }).extend({
  type: z.literal('receipt').default('receipt'),
  lines: lines(ReceiptLine.extend({ unitCost: NonNegativeDecimal })),
});
export const IssueInput = z.strictObject({
  type: z.literal('issue'),
  ...Common,
  reason: z.string().trim().max(200).nullable().optional(),
  lines: lines(z.strictObject({ ...Where, locationId: z.uuid(), qty: PositiveDecimal })),
});
export const TransferInput = z.strictObject({
  type: z.literal('transfer'),
  ...Common,
  /** A transit location: ship now (source → transit, status in_transit), receive later. */
  viaLocationId: z.uuid().nullable().optional(),
  lines: lines(z.strictObject({ ...Where, fromLocationId: z.uuid(), toLocationId: z.uuid(), toGrade: z.string().max(30).optional(), qty: PositiveDecimal })),
});
export const AdjustmentInput = z.strictObject({
  type: z.literal('adjustment'),
  ...Common,
  reason: z.string().trim().min(1).max(200),
  note: z.string().trim().min(1, 'a note explaining the adjustment is required').max(1000),
  lines: lines(z.strictObject({ ...Where, locationId: z.uuid(), qty: DecimalString.refine((v) => /[1-9]/.test(v), 'must not be zero'), unitCost: NonNegativeDecimal.optional() })),
});
export const CountInput = z.strictObject({
  type: z.literal('count'),
  ...Common,
  note: z.string().trim().min(1, 'a note on the count (who counted, anything unusual) is required').max(1000),
  lines: lines(z.strictObject({ ...Where, locationId: z.uuid(), countedQty: NonNegativeDecimal })),
});

/** Production: what was consumed and what came out; outputs carry the consumed value. */
export const ProductionInput = z.strictObject({
  type: z.literal('production'),
  ...Common,
  consume: lines(z.strictObject({ ...Where, locationId: z.uuid(), qty: PositiveDecimal })).max(2000),
  output: lines(z.strictObject({
    ...Where, locationId: z.uuid(), qty: PositiveDecimal,
    /** labour, overhead or other cost per unit on top of the consumed materials */
    extraUnitCost: NonNegativeDecimal.optional(),
  })).max(2000),
});

export const StockDocumentInput = z.discriminatedUnion('type', [ReceiptInput, IssueInput, TransferInput, AdjustmentInput, CountInput, ProductionInput]);
/** Every kind of document that posts entries (the ledger's "action"). */
export const DocumentType = z.enum(['receipt', 'issue', 'transfer', 'adjustment', 'count', 'production', 'return']);
export type StockDocumentInput = z.infer<typeof StockDocumentInput>;

/**
 * A return of part of a posted receipt (to the supplier: stock goes out, valued FIFO) or issue
 * (back into stock, at the cost the issue took out). Lines name the returned document's lines.
 */
export const ReturnInput = z.strictObject({
  postedAt: PostedAt.optional(),
  reason: z.string().trim().min(1, 'say why the goods are returned').max(200),
  note: z.string().trim().max(1000).nullable().optional(),
  lines: z.array(z.strictObject({
    line: z.number().int().min(1),
    qty: PositiveDecimal,
    /** an issue's return comes back here (default: where it was issued from); a receipt's is taken from here (default: where it was received) */
    locationId: z.uuid().optional(),
    /** likewise for the grade: goods often come back damaged */
    grade: z.string().max(30).optional(),
  })).min(1).max(5000),
});
export type ReturnInput = z.infer<typeof ReturnInput>;

export const CancelDocumentInput = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/** Receiving a shipped transfer: lines left out arrive in full. */
export const ReceiveTransferInput = z.strictObject({
  postedAt: PostedAt.optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  lines: z.array(z.strictObject({
    line: z.number().int().min(1),
    receivedQty: NonNegativeDecimal,
    /** Post what did not arrive as good to the destination in this grade (e.g. damaged); else it stays in transit. */
    shortfallGrade: z.string().max(30).nullable().optional(),
  })).max(5000).default([]),
});
export type ReceiveTransferInput = z.infer<typeof ReceiveTransferInput>;

export const StockEntryDto = z.object({
  id: z.string(),
  documentId: z.uuid(),
  documentNumber: z.string(),
  documentType: z.string(),
  line: z.number().int(),
  postedAt: z.string(),
  recordedAt: z.string(),
  variantId: z.uuid(),
  variantCode: z.string(),
  locationId: z.uuid(),
  locationCode: z.string(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  grade: z.string(),
  qty: z.string(),
  qtyBefore: z.string(),
  qtyAfter: z.string(),
  value: z.string(),
  unitCost: z.string().nullable(),
  reason: z.string().nullable(),
  /** the document's note (adjustments always have one) */
  note: z.string().nullable(),
  actorId: z.uuid().nullable(),
  actorLabel: z.string().nullable(),
  reversesEntryId: z.string().nullable(),
});
export type StockEntryDto = z.infer<typeof StockEntryDto>;

export const DOCUMENT_STATUSES = ['posted', 'in_transit', 'received', 'cancelled'] as const;

/** One line of a shipped transfer: where it goes, and what arrived. */
export const TransitLineDto = z.object({
  line: z.number().int(),
  variantId: z.uuid(),
  variantCode: z.string(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  grade: z.string(),
  fromLocationId: z.uuid(),
  fromLocationCode: z.string(),
  toLocationId: z.uuid(),
  toLocationCode: z.string(),
  toGrade: z.string(),
  qty: z.string(),
  /** null until received */
  receivedQty: z.string().nullable(),
  /** shipped less received, once received */
  shortfallQty: z.string().nullable(),
  /** the grade the shortfall arrived in; null: it stayed in transit */
  shortfallGrade: z.string().nullable(),
});
export type TransitLineDto = z.infer<typeof TransitLineDto>;

export const StockDocumentDto = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  postedAt: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  entries: z.array(StockEntryDto),
  /** A transfer shipped through a transit location; null for every other document. */
  transit: z.object({
    viaLocationId: z.uuid(),
    viaLocationCode: z.string(),
    receivedAt: z.string().nullable(),
    lines: z.array(TransitLineDto),
  }).nullable(),
  /** A return: the receipt or issue it gives back part of. */
  returnOf: z.object({ id: z.uuid(), number: z.string(), type: z.string() }).nullable(),
  /** A receipt or issue: its returns, and what posted returns gave back of each line. */
  returns: z.array(z.object({ id: z.uuid(), number: z.string(), status: z.enum(DOCUMENT_STATUSES), postedAt: z.string() })),
  returnedByLine: z.array(z.object({ line: z.number().int(), qty: z.string() })),
});
export type StockDocumentDto = z.infer<typeof StockDocumentDto>;

/** One step of a lot's trace: a document, and the lot (variant, quantity) it consumed, made, received or shipped. */
export const TraceRowDto = z.object({
  depth: z.number().int(),
  documentId: z.uuid(),
  documentNumber: z.string(),
  documentType: z.string(),
  postedAt: z.string(),
  variantCode: z.string(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  /** backward: consumed or received; forward: made, or shipped (a return's negative: it came back) */
  qty: z.string(),
  /** a shipment's customer location */
  locationCode: z.string().nullable(),
  reason: z.string().nullable(),
});
export type TraceRowDto = z.infer<typeof TraceRowDto>;
export const LotTraceDto = z.object({ backward: z.array(TraceRowDto), forward: z.array(TraceRowDto) });
export type LotTraceDto = z.infer<typeof LotTraceDto>;

export const LocationKind = z.enum(['warehouse', 'zone', 'slot', 'supplier', 'transit', 'customer', 'production', 'scrap']);
/** Kinds of location whose stock is not the plant's to use: never reserved, never available. */
export const NOT_RESERVABLE: readonly string[] = ['customer', 'transit', 'scrap'];
export const CreateLocation = z.strictObject({
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  name: z.string().trim().min(1).max(120),
  kind: LocationKind,
  parentId: z.uuid().nullable().optional(),
  allowNegative: z.boolean().optional(),
  customerId: z.uuid().nullable().optional(),
});
export const RenameLocation = z.strictObject({ name: z.string().trim().min(1).max(120) });
export const LocationDto = z.object({
  id: z.uuid(), code: z.string(), name: z.string(), kind: LocationKind, parentId: z.uuid().nullable(), path: z.string(),
  allowNegative: z.boolean(), customerId: z.uuid().nullable(), active: z.boolean(),
});

export const CreateLot = z.strictObject({
  code: z.string().trim().min(1).max(60),
  itemId: z.uuid().nullable().optional(),
  variantId: z.uuid().nullable().optional(),
  expiryDate: z.iso.date().nullable().optional(),
  supplier: z.string().trim().max(120).nullable().optional(),
  receivedDate: z.iso.date().nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
}).refine((l) => !l.expiryDate || !l.receivedDate || l.expiryDate >= l.receivedDate, { path: ['expiryDate'], message: 'before the received date' });
export const LotDto = z.object({
  id: z.uuid(), code: z.string(), itemId: z.uuid().nullable(), variantId: z.uuid().nullable(),
  /** the variant's code, in lists (a lot made for one variant) */
  variantCode: z.string().nullable().optional(), expiryDate: z.string().nullable(),
  supplier: z.string().nullable(), receivedDate: z.string().nullable(), note: z.string().nullable(),
});

export const BalanceDto = z.object({
  keyId: z.string(), variantId: z.uuid(), variantCode: z.string(), variantName: z.string(), locationId: z.uuid(), locationCode: z.string(),
  lotId: z.uuid().nullable(), lotCode: z.string().nullable(), expiryDate: z.string().nullable(), grade: z.string(),
  qty: z.string(), reserved: z.string(), available: z.string(), value: z.string(),
});
export type BalanceDto = z.infer<typeof BalanceDto>;

export const Reserve = z.strictObject({
  variantId: z.uuid(), locationId: z.uuid(), lotId: z.uuid().nullable().optional(), grade: z.string().max(30).default('good'),
  qty: PositiveDecimal, sourceType: z.string().max(40).nullable().optional(), sourceId: z.string().max(100).nullable().optional(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export const ConsumeReservation = z.strictObject({ qty: PositiveDecimal.optional() });

export const RESERVATION_STATUSES = ['active', 'consumed', 'released', 'expired'] as const;
export const ReservationStatus = z.enum(RESERVATION_STATUSES);

/** A reservation with the labels of its stock key; `status` is `expired` once past its expiry. */
export const ReservationDto = z.object({
  id: z.uuid(),
  keyId: z.string(),
  itemId: z.uuid(), itemCode: z.string(), itemName: z.string(),
  variantId: z.uuid(), variantCode: z.string(),
  locationId: z.uuid(), locationCode: z.string(),
  lotId: z.uuid().nullable(), lotCode: z.string().nullable(),
  grade: z.string(), gradeName: z.string(),
  qty: z.string(), remaining: z.string(),
  status: ReservationStatus,
  sourceType: z.string().nullable(), sourceId: z.string().nullable(), note: z.string().nullable(),
  expiresAt: z.string().nullable(),
  createdBy: z.uuid().nullable(), createdByLabel: z.string().nullable(), createdAt: z.string(), closedAt: z.string().nullable(),
});
export type ReservationDto = z.infer<typeof ReservationDto>;

/** One product card of the inventory overview: where an item's stock is, by meaning. */
export const StockSummaryDto = z.object({
  itemId: z.uuid(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.string(),
  uom: z.string(),
  category: z.string().nullable(),
  /** usable grades at warehouse locations (warehouse, zone, slot) */
  storeQty: z.string(),
  /** at production locations */
  inProductionQty: z.string(),
  /** usable grades on the way between places (transit locations) */
  inTransitQty: z.string(),
  /** grades that are not usable, anywhere but scrap */
  defectQty: z.string(),
  /** at customer locations */
  deliveredQty: z.string(),
  value: z.string(),
  totalSerials: z.number().int(),
  lowStockThreshold: z.string().nullable(),
  lowStock: z.boolean(),
  /** ever had stock (the "all historical" view includes items with none left) */
  everStocked: z.boolean(),
});
export type StockSummaryDto = z.infer<typeof StockSummaryDto>;
