import type { Permission } from '../../contracts/permissions';
import type { Queryable } from './db/types';

/**
 * NOTIFY channels are database-wide; the channel carries the schema name so instances serving
 * different schemas of one database (tests, staging beside production) never hear each other.
 */
export const EVENTS_CHANNEL_SQL = `'shopfloor_events_' || current_schema()`;

export async function eventsChannel(db: Queryable): Promise<string> {
  const [row] = await db.query<{ channel: string }>(`select ${EVENTS_CHANNEL_SQL} as channel`);
  return row!.channel;
}

/**
 * A domain event for live screens. Staff holding `permission` receive it; when `customerId` is set,
 * that customer's users receive it too, so its summary must be fit for the customer's eyes.
 */
export interface DomainEventDraft {
  topic: string;
  summary: string;
  payload?: Record<string, unknown>;
  permission: Permission;
  customerId?: string | null;
}

export interface DomainEvent extends Required<Omit<DomainEventDraft, 'customerId'>> {
  id: string;
  occurredAt: string;
  actorId: string | null;
  customerId: string | null;
}

export const OUTBOX_COLUMNS = 'topic, occurred_at, actor_id, summary, payload, permission, customer_id';

export function outboxValues(d: DomainEventDraft, actorId: string | null, at: Date): unknown[] {
  return [d.topic, at, actorId, d.summary, JSON.stringify(d.payload ?? {}), d.permission, d.customerId ?? null];
}

interface OutboxRow {
  id: string; topic: string; occurred_at: Date; actor_id: string | null; summary: string;
  payload: Record<string, unknown>; permission: Permission; customer_id: string | null;
}

export async function readOutbox(
  db: Queryable,
  where: { ids?: string[]; afterId?: string; occurredBefore?: Date; limit?: number },
): Promise<DomainEvent[]> {
  const rows = where.ids
    ? await db.query<OutboxRow>('select * from outbox_event where id = any($1::bigint[]) order by id', [where.ids])
    : await db.query<OutboxRow>('select * from outbox_event where id > $1 and occurred_at < $3 order by id limit $2', [
        where.afterId ?? '0',
        where.limit ?? 200,
        where.occurredBefore ?? 'infinity',
      ]);
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    occurredAt: r.occurred_at.toISOString(),
    actorId: r.actor_id,
    summary: r.summary,
    payload: r.payload,
    permission: r.permission,
    customerId: r.customer_id,
  }));
}
