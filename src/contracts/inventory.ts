import { z } from 'zod';
import { DecimalString, NonNegativeDecimal, PositiveDecimal } from './catalog';

const Where = {
  variantId: z.uuid(),
  lotId: z.uuid().nullable().optional(),
  grade: z.string().max(30).default('good'),
};
const Common = {
  /** Business time the movement counts at; earlier than now for a back-dated posting. */
  postedAt: z.iso.datetime({ offset: true }).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  sourceType: z.string().max(40).nullable().optional(),
  sourceId: z.string().max(100).nullable().optional(),
};
const lines = <T extends z.ZodType>(line: T) => z.array(line).min(1).max(5000);

export const ReceiptInput = z.strictObject({
  type: z.literal('receipt'),
  ...Common,
  lines: lines(z.strictObject({ ...Where, locationId: z.uuid(), qty: PositiveDecimal, unitCost: NonNegativeDecimal.default('0') })),
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
  lines: lines(z.strictObject({ ...Where, locationId: z.uuid(), countedQty: NonNegativeDecimal })),
});

export const StockDocumentInput = z.discriminatedUnion('type', [ReceiptInput, IssueInput, TransferInput, AdjustmentInput, CountInput]);
export type StockDocumentInput = z.infer<typeof StockDocumentInput>;

export const CancelDocumentInput = z.strictObject({ reason: z.string().trim().min(1).max(500) });

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
  actorId: z.uuid().nullable(),
  reversesEntryId: z.string().nullable(),
});
export type StockEntryDto = z.infer<typeof StockEntryDto>;

export const StockDocumentDto = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.string(),
  status: z.enum(['posted', 'cancelled']),
  postedAt: z.string(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  entries: z.array(StockEntryDto),
});
export type StockDocumentDto = z.infer<typeof StockDocumentDto>;
