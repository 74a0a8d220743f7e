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

/** How old an event must be before the sweep takes it as unannounced. */
const SWEEP_AFTER_MS = 5_000;

/**
 * This instance's view of committed domain events. Every instance LISTENs on one channel, so an
 * event committed through any instance reaches the live clients of all of them. Events are
 * announced after commit (`announceEvents`); what an instance that died in between never
 * announced, a sweep of the outbox publishes a few seconds late. Delivery is at least once:
 * listeners treat events as hints to refresh.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private stop: (() => Promise<void>) | null = null;
  /** Every event up to this id has been published or swept. */
  private swept = 0n;
  /** Events published above `swept`. */
  private readonly published = new Set<bigint>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db, private readonly log: Logger) {}

  async start(): Promise<void> {
    const [last] = await this.db.query<{ id: string }>('select coalesce(max(id), 0)::text as id from outbox_event');
    this.swept = BigInt(last!.id);
    this.stop = await this.db.listen(await eventsChannel(this.db), (payload) => {
      const ids = payload.split(',').filter((s) => /^\d+$/.test(s) && !this.published.has(BigInt(s)));
      if (ids.length === 0) return;
      readOutbox(this.db, { ids })
        .then((events) => events.forEach((e) => this.publish(e)))
        .catch((err) => this.log.error({ err }, 'reading announced events failed'));
    });
    this.sweeper = setInterval(() => (this.sweeping = this.sweep()), SWEEP_AFTER_MS).unref();
  }

  /** Publishes events committed a while ago that no announcement brought. */
  async sweep(): Promise<void> {
    try {
      const before = new Date(Date.now() - SWEEP_AFTER_MS);
      for (;;) {
        const events = await readOutbox(this.db, { afterId: this.swept.toString(), occurredBefore: before, limit: 500 });
        for (const e of events) {
          if (this.published.has(BigInt(e.id))) continue;
          this.log.warn({ event: e.id, topic: e.topic }, 'publishing an event no announcement brought');
          this.publish(e);
        }
        if (events.length) this.swept = BigInt(events[events.length - 1]!.id);
        for (const id of this.published) if (id <= this.swept) this.published.delete(id);
        if (events.length < 500) return;
      }
    } catch (err) {
      this.log.error({ err }, 'sweeping the outbox failed');
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  private publish(event: DomainEvent): void {
    const id = BigInt(event.id);
    if (id > this.swept) this.published.add(id);
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.log.warn({ err }, 'event listener failed');
      }
    }
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.sweeping;
    await this.stop?.();
    this.listeners.clear();
  }
}
