import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from './env';
import type { Actor } from '../kernel/actor';
import type { Queryable } from '../kernel/db/types';
import { canSee } from '../kernel/event-bus';
import { readOutbox, type DomainEvent } from '../kernel/outbox';

const HEARTBEAT_MS = 20_000;
const RECHECK_MS = 60_000;

/** A session or token that was revoked, expired or deactivated ends its live stream too. */
async function stillAuthorized(db: Queryable, actor: Actor): Promise<boolean> {
  if (actor.kind === 'token') {
    const r = await db.query(
      'select 1 from api_token t join app_user u on u.id = t.user_id where t.id = $1 and t.revoked_at is null and u.active and (t.expires_at is null or t.expires_at > now())',
      [actor.tokenId],
    );
    return r.length > 0;
  }
  const r = await db.query(
    'select 1 from user_session s join app_user u on u.id = s.user_id where s.id_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.active',
    [actor.sessionId],
  );
  return r.length > 0;
}

const toWire = (e: DomainEvent) => ({
  id: e.id,
  event: 'domain',
  data: JSON.stringify({ id: e.id, topic: e.topic, occurredAt: e.occurredAt, actorId: e.actorId, summary: e.summary, payload: e.payload, customerId: e.customerId }),
});

/**
 * Server-sent events: the committed domain events this user may see. A reconnecting client sends
 * Last-Event-ID and first receives what it missed (up to 500 events).
 */
export function streamEvents(c: Context<AppEnv>) {
  const { db, bus } = c.get('services');
  const actor = c.get('ctx').actor;
  return streamSSE(c, async (stream) => {
    const queue: DomainEvent[] = [];
    let wake: (() => void) | null = null;
    let open = true;
    const unsubscribe = bus.subscribe((e) => {
      if (canSee(actor, e)) {
        queue.push(e);
        wake?.();
      }
    });
    stream.onAbort(() => {
      open = false;
      wake?.();
    });
    try {
      const lastId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
      const seen = new Set<string>();
      if (lastId && /^\d+$/.test(lastId)) {
        for (const e of await readOutbox(db, { afterId: lastId, limit: 500 })) {
          seen.add(e.id);
          if (canSee(actor, e)) await stream.writeSSE(toWire(e));
        }
      }
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ at: new Date().toISOString() }) });
      let lastCheck = Date.now();
      while (open) {
        if (queue.length === 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, HEARTBEAT_MS);
          });
          wake = null;
        }
        if (!open) break;
        if (queue.length === 0) await stream.write(': keep-alive\n\n');
        while (queue.length) {
          const e = queue.shift()!;
          if (!seen.has(e.id)) await stream.writeSSE(toWire(e));
        }
        if (Date.now() - lastCheck > RECHECK_MS) {
          lastCheck = Date.now();
          if (!(await stillAuthorized(db, actor))) break;
        }
      }
    } finally {
      unsubscribe();
    }
  });
}
