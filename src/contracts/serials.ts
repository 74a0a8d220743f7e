import { z } from 'zod';

export const SERIAL_STATUSES = ['in_production', 'in_stock', 'defective', 'rework', 'scrapped', 'delivered'] as const;
export const SerialStatus = z.enum(SERIAL_STATUSES);

export const SerialDto = z.object({
  id: z.uuid(),
  serialNo: z.string(),
  variantId: z.uuid(),
  variantCode: z.string(),
  itemId: z.uuid(),
  status: SerialStatus,
  stage: z.string().nullable(),
  locationId: z.uuid().nullable(),
  locationCode: z.string().nullable(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  orderRef: z.string().nullable(),
  iteration: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SerialDto = z.infer<typeof SerialDto>;

export const SerialEventDto = z.object({
  id: z.string(),
  at: z.string(),
  event: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  stage: z.string().nullable(),
  locationCode: z.string().nullable(),
  iteration: z.number().int(),
  actorLabel: z.string().nullable(),
  note: z.string().nullable(),
});
export type SerialEventDto = z.infer<typeof SerialEventDto>;

export const SerialDetailDto = SerialDto.extend({ history: z.array(SerialEventDto) });

export const RegisterSerials = z.strictObject({
  variantId: z.uuid(),
  serialNos: z.array(z.string().trim().min(1).max(80)).min(1).max(1000),
  stage: z.string().trim().max(60).nullable().optional(),
  locationId: z.uuid().nullable().optional(),
  lotId: z.uuid().nullable().optional(),
  orderRef: z.string().trim().max(80).nullable().optional(),
});

/** What can happen to a unit; each is recorded in its history. */
export const SerialEventInput = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('stage'), stage: z.string().trim().min(1).max(60), note: z.string().max(500).optional() }),
  z.strictObject({ event: z.literal('move'), locationId: z.uuid(), note: z.string().max(500).optional() }),
  z.strictObject({ event: z.literal('defect'), outcome: z.enum(['scrap', 'rework']), reworkStage: z.string().trim().max(60).optional(), note: z.string().trim().min(1).max(500) }),
  /** into stock at `locationId` (default: where the unit is) */
  z.strictObject({ event: z.literal('qa_pass'), locationId: z.uuid().optional(), note: z.string().max(500).optional() }),
  /** out of stock to a customer location */
  z.strictObject({ event: z.literal('deliver'), locationId: z.uuid(), note: z.string().max(500).optional() }),
]);
export type SerialEventInput = z.infer<typeof SerialEventInput>;
