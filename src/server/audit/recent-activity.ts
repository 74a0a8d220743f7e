import type { ActivityEvent } from '../../contracts/activity';
import type { Queryable } from '../kernel/db/types';
import type { Actor } from '../kernel/actor';

/** The newest outbox events the actor may see: same rule as the live stream (`canSee`). */
export async function recentActivity(db: Queryable, actor: Actor, limit: number): Promise<ActivityEvent[]> {
  const rows = await db.query<{
    id: string; topic: string; occurred_at: Date; actor_id: string | null; summary: string;
    payload: Record<string, unknown>; customer_id: string | null;
  }>(
    `select id, topic, occurred_at, actor_id, summary, payload, customer_id from outbox_event
     where case when $2::uuid is null then permission = any ($1) else customer_id = $2::uuid end
     order by id desc limit $3`,
    [[...actor.permissions], actor.customerId, limit],
  );
  return rows.map((r) => ({
    id: r.id, topic: r.topic, occurredAt: r.occurred_at.toISOString(), actorId: r.actor_id,
    summary: r.summary, payload: r.payload, customerId: r.customer_id,
  }));
}
