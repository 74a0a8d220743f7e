import { z } from 'zod';
import Decimal from './exact-decimal';
import { OptionalText } from './common';
import { CapacityWarning, IsoDay } from './planning';
import { PoDto, PoStatus, ShipmentDto, WholeUnits } from './stamping';

// ---- the workstation ----------------------------------------------------------------------
/** A line of a box as the operator sees it when scanning for a PO. */
export const ScanLineDto = z.object({
  boxLineId: z.uuid(), variantId: z.uuid(), label: z.string(), brand: z.string(), flavour: z.string(),
  volumeMl: z.string(), strengthMg: z.string(), goodQty: z.string(), stamped: z.boolean(),
  /** the PO lines this box line can be stamped for (same product), by region */
  poLines: z.array(z.object({ poLineId: z.uuid(), regionCode: z.string(), qty: z.string(), stampedQty: z.string() })),
  /** set when the PO has the flavour only in another variant: the seed's explanation line */
  mismatch: z.string().nullable(),
});
export const ScanBoxDto = z.object({
  boxId: z.uuid(), brand: z.string(), brandId: z.uuid(), boxNo: z.number().int(),
  lines: z.array(ScanLineDto),
  /** lines of other brands hidden by the brand filter */
  hiddenOtherBrandLines: z.number().int(),
  /** stamps this box takes per region if every matching line is confirmed with the suggested region */
  stampsByRegion: z.record(z.string(), z.string()),
  skipped: z.boolean(),
});
export type ScanBoxDto = z.infer<typeof ScanBoxDto>;

/**
 * Resolves what the operator scanned (a box number), narrowed by an optional brand filter that
 * also hides a mixed box's other-brand lines; `boxId` opens a box already resolved (whole, when
 * the filter is cleared).
 */
export const ScanQuery = z.strictObject({ boxNo: z.coerce.number().int().min(1).max(999_999_999).optional(), boxId: z.uuid().optional(), brandId: z.uuid().optional() })
  .refine((v) => v.boxNo !== undefined || v.boxId !== undefined, { message: 'give boxNo or boxId', path: ['boxNo'] });

export const ConfirmBox = z.strictObject({
  boxId: z.uuid(),
  lines: z.array(z.strictObject({
    boxLineId: z.uuid(),
    regionCode: z.string().max(30),
    damagedQty: WholeUnits.default('0'),
    missingQty: WholeUnits.default('0'),
  })).min(1).max(50),
  /** stamp past the region's balance: the reason is recorded in the audit log */
  override: z.strictObject({ reason: z.string().trim().min(3).max(500) }).optional(),
});
export const SkipBox = z.strictObject({ boxId: z.uuid(), reason: OptionalText(500) });

export const RunBoxDto = z.object({
  id: z.uuid(), boxId: z.uuid(), brand: z.string(), boxNo: z.number().int(), label: z.string(), regionCode: z.string(),
  qty: z.string(), damagedQty: z.string(), missingQty: z.string(), stamps: z.string(), overrideReason: z.string().nullable(),
  skidId: z.uuid().nullable(), skidLabel: z.string().nullable(), confirmedBy: z.string().nullable(), confirmedAt: z.string(),
});
export type RunBoxDto = z.infer<typeof RunBoxDto>;

export const ConfirmResult = z.object({
  confirmed: z.array(RunBoxDto),
  /** the order after this box: Pending Verification once its last line reached the estimate */
  po: z.object({ id: z.uuid(), number: z.string(), status: PoStatus }),
  /** set when a line now has more stamped than its estimate: verification will refuse it */
  overEstimate: z.array(z.object({ poLineId: z.uuid(), by: z.string() })),
});

/** The box list of a PO's run: boxes still to stamp, in box order. */
export const QueueBoxDto = z.object({
  boxId: z.uuid(), brand: z.string(), boxNo: z.number().int(), lines: z.number().int(), units: z.string(), regions: z.array(z.string()),
});

export const RunDto = z.object({
  po: PoDto,
  queue: z.array(QueueBoxDto),
  staged: z.array(RunBoxDto),
  skids: z.array(z.lazy(() => SkidDto)),
  /** the region last used on this PO: pre-selected on the next box */
  stickyRegion: z.string().nullable(),
});

/** Per region, today: stamps deducted by confirmations and what the ledger has left. */
export const DayCountersDto = z.object({
  day: IsoDay,
  regions: z.array(z.object({ regionCode: z.string(), name: z.string(), colour: z.string(), stampedToday: z.string(), remaining: z.string() })),
});

export const WorkstationDto = z.object({
  day: IsoDay,
  /** the day's POs in queue order (drag sequence, then time); today's start with earlier days' runs not yet done (`bookedDay` before `day`) */
  queue: z.array(z.object({ id: z.uuid(), number: z.string(), customerCode: z.string(), status: PoStatus, urgent: z.boolean(), qty: z.string(), regions: z.array(z.string()), sequence: z.number().int(), notes: z.string().nullable(), bookedDay: IsoDay,
    /** confirmed boxes not on a skid yet: a run waiting for verification still has them to put on a skid */
    stagedBoxes: z.number().int() })),
  counters: DayCountersDto,
});

// ---- skids ---------------------------------------------------------------------------------
export const CompleteSkid = z.strictObject({
  /** a new skid put away at this zone or slot… */
  locationId: z.uuid().optional(),
  /** …or the staged boxes appended to this existing skid (keeps its place) */
  appendToSkidId: z.uuid().optional(),
}).refine((v) => Boolean(v.locationId) !== Boolean(v.appendToSkidId), { message: 'give either locationId or appendToSkidId', path: ['locationId'] });

export const TransferBoxes = z.strictObject({
  runBoxIds: z.array(z.uuid()).min(1).max(500),
  /** an existing skid of the same PO, or a new one at `locationId` */
  toSkidId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  reason: z.string().trim().min(3).max(500),
}).refine((v) => Boolean(v.toSkidId) !== Boolean(v.locationId), { message: 'give either toSkidId or locationId', path: ['toSkidId'] });

export const SkidDto = z.object({
  id: z.uuid(), poId: z.uuid(), seq: z.number().int(), label: z.string(), locationId: z.uuid(), locationPath: z.string(),
  boxes: z.number().int(), stamped: z.string(), damaged: z.string(), missing: z.string(), stamps: z.string(),
  createdAt: z.string(),
});
export type SkidDto = z.infer<typeof SkidDto>;

/**
 * Complete Skid's answer: the skid the staged boxes went onto. `appended` says it already existed
 * (topped up: asked for, or every staged line belongs to a box already on it) rather than being
 * made now; `joined` names other skids that took staged lines of their own boxes.
 */
export const CompleteSkidResult = SkidDto.extend({ appended: z.boolean(), joined: z.array(z.string()) });
export type CompleteSkidResult = z.infer<typeof CompleteSkidResult>;

/** A transfer's answer: `moved` counts physical boxes (a mixed box once), `lines` their box lines. */
export const TransferResult = z.object({ batchId: z.uuid(), moved: z.number().int(), lines: z.number().int(), to: SkidDto, emptied: z.array(z.string()) });
export type TransferResult = z.infer<typeof TransferResult>;

/** One box line's arrival on or departure from a skid: completed onto it, appended, transferred in or out. */
export const SkidAmendmentDto = z.object({
  id: z.uuid(), runBoxId: z.uuid(), brand: z.string(), boxNo: z.number().int(), label: z.string(),
  kind: z.enum(['added', 'appended', 'transferred_in', 'transferred_out']),
  /** a transfer's reason, shared by its batch */
  reason: z.string().nullable(), batchId: z.uuid().nullable(), by: z.string().nullable(), at: z.string(),
  /** a transfer's other end: the skid the box line came from, or went to */
  otherSkid: z.string().nullable(),
});
export type SkidAmendmentDto = z.infer<typeof SkidAmendmentDto>;

// ---- verification and completion -----------------------------------------------------------
export const VerifyLineDto = z.object({
  poLineId: z.uuid(), label: z.string(), brand: z.string(), flavour: z.string(), volumeMl: z.string(), strengthMg: z.string(),
  regionCode: z.string(),
  /** the line's quantity when its run started (kept through later increases); authorised: its quantity now */
  estimate: z.string(), authorised: z.string(), actual: z.string(),
  /** actual − estimate */
  difference: z.string(),
  damaged: z.string(), missing: z.string(), foundDamaged: z.string(),
  /** damaged + missing: what counts against the line (found-damaged never does) */
  variance: z.string(),
});
/** More stamped than the line authorises now: verification refuses it until the line is increased. */
export const overAuthorised = (l: { actual: string; authorised: string }): boolean => new Decimal(l.actual).gt(l.authorised);

/** A warehouse zone or slot a skid may be put away at. */
export const PutAwayPlaceDto = z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string(), path: z.string() });

export const VerificationDto = z.object({
  po: PoDto, lines: z.array(VerifyLineDto),
  canVerify: z.boolean(), blockers: z.array(z.string()),
  stampers: z.array(z.string()),
  verified: z.object({ by: z.string(), at: z.string(), note: z.string().nullable() }).nullable(),
  /** boxes confirmed past a stamp shortage: who overrode it and why, for the second user to weigh */
  overrides: z.array(z.object({ brand: z.string(), boxNo: z.number().int(), regionCode: z.string(), stamps: z.string(), reason: z.string(), by: z.string().nullable(), at: z.string() })),
  /** Confirmed boxes not on a skid yet (physical boxes: a mixed box counts once): they block completion. */
  stagedBoxes: z.number().int(),
});
export const VerifyPo = z.strictObject({ note: OptionalText(1000) });

export const OutboundDto = z.object({
  id: z.uuid(), number: z.string(), customerId: z.uuid(), customerCode: z.string(), customerName: z.string(), day: IsoDay,
  pos: z.array(z.object({ id: z.uuid(), number: z.string(), qty: z.string() })), createdAt: z.string(),
});

// ---- portal requests -----------------------------------------------------------------------
export const REQUEST_STATUSES = ['pending', 'modified', 'approved', 'declined', 'rejected'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export const CreatePoRequest = z.strictObject({
  shipmentId: z.uuid(),
  requestedDay: IsoDay,
  deliveryDate: IsoDay.nullable().optional(),
  deliveryDetails: OptionalText(500),
  lines: z.array(z.strictObject({ variantId: z.uuid(), regionCode: z.string().max(30), qty: WholeUnits })).min(1).max(200),
});
export const ModifyPoRequest = z.strictObject({
  proposedDay: IsoDay.nullable().optional(),
  lines: z.array(z.strictObject({ lineNo: z.number().int().min(1), proposedQty: WholeUnits })).max(200).default([]),
}).refine((v) => v.proposedDay || v.lines.length, { message: 'propose a day or a quantity', path: ['proposedDay'] });
export const RejectPoRequest = z.strictObject({ reason: z.string().trim().min(3).max(500) });
export const PoRequestDto = z.object({
  id: z.uuid(), number: z.string(), customerId: z.uuid(), customerCode: z.string(), customerName: z.string(),
  shipmentId: z.uuid(), shipmentNumber: z.string(), status: RequestStatus,
  requestedDay: IsoDay, deliveryDate: z.string().nullable(), deliveryDetails: z.string().nullable(),
  proposedDay: z.string().nullable(), rejectReason: z.string().nullable(), poId: z.uuid().nullable(), poNumber: z.string().nullable(),
  lines: z.array(z.object({
    lineNo: z.number().int(), variantId: z.uuid(), code: z.string(), label: z.string(), brand: z.string(), flavour: z.string(), volumeMl: z.string(), strengthMg: z.string(),
    regionCode: z.string(), qty: z.string(), proposedQty: z.string().nullable(),
  })),
  createdAt: z.string(), decidedAt: z.string().nullable(),
});
export type PoRequestDto = z.infer<typeof PoRequestDto>;

/** Approve: the request becomes a PO on its requested day (auto-split from that day if asked). */
export const ApprovePoRequest = z.strictObject({ autoSplit: z.boolean().default(false) });
export const PoRequestQuery = z.strictObject({
  status: RequestStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
/** A decision on a request: the request and, once approved or accepted, the PO it became. */
export const PoRequestDecision = z.object({ request: PoRequestDto, po: PoDto.nullable(), warnings: z.array(CapacityWarning) });
export type PoRequestDecision = z.infer<typeof PoRequestDecision>;

// ---- the customer portal -------------------------------------------------------------------
/** A customer's shipment with what its received boxes held. */
export const PortalShipmentDto = ShipmentDto.extend({
  figures: z.object({ rawQty: z.string(), goodQty: z.string(), damagedQty: z.string(), missingQty: z.string() }),
});
export type PortalShipmentDto = z.infer<typeof PortalShipmentDto>;
/** Production days a customer may request: working days of the stamping line with free capacity. */
export const SlotQuery = z.strictObject({ from: IsoDay.optional(), to: IsoDay.optional() });
export const SlotDto = z.object({ day: IsoDay, free: z.string() });
export type SlotDto = z.infer<typeof SlotDto>;
/** A tax region as the request grid's column: no stamp internals. */
export const PortalRegionDto = z.object({ code: z.string(), name: z.string(), colour: z.string() });
export type PortalRegionDto = z.infer<typeof PortalRegionDto>;
