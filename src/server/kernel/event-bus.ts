import type { Logger } from 'pino';
import type { Db } from './db/types';
import type { Actor } from './actor';
import { eventsChannel, readOutbox, type DomainEvent } from './outbox';

export type EventListener = (event: DomainEvent) => void;

/**
 * Whether an actor may receive an event. Staff need the event's permission. A customer user sees
 * exactly the events about their own customer (an event naming a customer is written to be shown
 * to that customer) and nothing else.
 */
export function canSee(actor: Actor, event: Pick<DomainEvent, 'permission' | 'customerId'>): boolean {
  if (actor.customerId !== null) return event.customerId === actor.customerId;
  return actor.permissions.has(event.permission);
}

/**
 * This instance's view of committed domain events. Every instance LISTENs on one channel, so an
 * event committed through any instance reaches the live clients of all of them.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private stop: (() => Promise<void>) | null = null;

  constructor(private readonly db: Db, private readonly log: Logger) {}

  async start(): Promise<void> {
    this.stop = await this.db.listen(await eventsChannel(this.db), (payload) => {
      const ids = payload.split(',').filter((s) => /^\d+$/.test(s));
      if (ids.length === 0) return;
      readOutbox(this.db, { ids })
        .then((events) => events.forEach((e) => this.publish(e)))
        .catch((err) => this.log.error({ err }, 'reading announced events failed'));
    });
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  private publish(event: DomainEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.log.warn({ err }, 'event listener failed');
      }
    }
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.listeners.clear();
  }
}
