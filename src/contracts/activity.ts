import { z } from 'zod';

export const ActivityEvent = z.object({
  id: z.string(),
  topic: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  summary: z.string(),
  payload: z.record(z.string(), z.unknown()),
  customerId: z.string().nullable(),
});
export type ActivityEvent = z.infer<typeof ActivityEvent>;

export const AuditEventDto = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  actorId: z.uuid().nullable(),
  actorLabel: z.string(),
  command: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof AuditEventDto>;
