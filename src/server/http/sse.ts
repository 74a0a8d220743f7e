import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from './env';
import type { Actor } from '../kernel/actor';
import { canSee } from '../kernel/event-bus';
import { readOutbox, type DomainEvent } from '../kernel/outbox';
import { currentActor } from '../people/current-actor';

const HEARTBEAT_MS = 20_000;
const RECHECK_MS = 60_000;

const toWire = (e: DomainEvent) => ({
  id: e.id,
  event: 'domain',
  data: JSON.stringify({ id: e.id, topic: e.topic, occurredAt: e.occurredAt, actorId: e.actorId, summary: e.summary, payload: e.payload, customerId: e.customerId }),
});

/**
 * Server-sent events: the committed domain events this user may see. A reconnecting client sends
 * Last-Event-ID and first receives what it missed (up to 500 events).
 *
 * The stream acts for its session or token as it is now, not as it was when it opened: when the
 * user's rights, customer or activity change (announced at commit, on every instance) and every
 * minute regardless, it reads them again before sending more, and ends once they no longer let
 * the user subscribe.
 */
export function streamEvents(c: Context<AppEnv>) {
  const { db, bus, authCache } = c.get('services');
  let actor: Actor = c.get('ctx').actor;
  return streamSSE(c, async (stream) => {
    const queue: DomainEvent[] = [];
    let wake: (() => void) | null = null;
    let open = true;
    let recheckDue = false;
    // queued unfiltered: whether the user may see an event is decided when it is sent
    const unsubscribe = bus.subscribe((e) => {
      queue.push(e);
      wake?.();
    });
    const unwatch = authCache.watch((userId) => {
      if (userId !== '*' && userId !== actor.userId) return;
      recheckDue = true;
      wake?.();
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
        if (queue.length === 0 && !recheckDue) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, HEARTBEAT_MS);
          });
          wake = null;
        }
        if (!open) break;
        if (recheckDue || Date.now() - lastCheck > RECHECK_MS) {
          recheckDue = false;
          lastCheck = Date.now();
          const now = await currentActor(db, actor);
          if (!now || !now.permissions.has('events.subscribe')) break;
          actor = now;
        }
        if (queue.length === 0) await stream.write(': keep-alive\n\n');
        while (queue.length) {
          const e = queue.shift()!;
          if (!seen.has(e.id) && canSee(actor, e)) await stream.writeSSE(toWire(e));
        }
      }
    } finally {
      unsubscribe();
      unwatch();
    }
  });
}
