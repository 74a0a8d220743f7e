import type { Logger } from 'pino';
import type { Db } from './db/types';
import { EVENTS_CHANNEL_SQL } from './outbox';

/** NOTIFY payloads must stay under 8,000 bytes. */
const MAX_PAYLOAD = 7_000;

interface Announcer {
  pending: string[];
  sending: boolean;
}

const announcers = new WeakMap<Db, Announcer>();

/**
 * Tells every instance (this one included, through its LISTEN) which outbox events just
 * committed. Runs after the commit, not inside the command's transaction: a NOTIFY makes
 * PostgreSQL serialise committing transactions through a cluster-wide lock held across the WAL
 * flush, which capped every command at the rate of one flush each. Events committed while an
 * announcement is on its way go together in the next one. An instance that dies between commit and
 * announcement leaves events unannounced; every bus picks those up from the outbox (`EventBus`).
 */
export function announceEvents(db: Db, ids: readonly string[], log: Logger): void {
  if (ids.length === 0) return;
  let a = announcers.get(db);
  if (!a) announcers.set(db, (a = { pending: [], sending: false }));
  a.pending.push(...ids);
  if (!a.sending) void send(db, a, log);
}

async function send(db: Db, a: Announcer, log: Logger): Promise<void> {
  a.sending = true;
  try {
    while (a.pending.length) {
      let size = 0;
      let n = 0;
      while (n < a.pending.length && size + a.pending[n]!.length + 1 <= MAX_PAYLOAD) size += a.pending[n++]!.length + 1;
      const batch = a.pending.splice(0, n);
      await db.query(`select pg_notify(${EVENTS_CHANNEL_SQL}, $1)`, [batch.join(',')])
        .catch((err) => log.warn({ err, events: batch.length }, 'announcing committed events failed; the event bus finds them in the outbox'));
    }
  } finally {
    a.sending = false;
  }
}
