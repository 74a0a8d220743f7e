import type { Actor } from '../kernel/actor';
import type { Db, Queryable } from '../kernel/db/types';
import type { CommandTx } from '../kernel/run-command';

/** NOTIFY channel for "this user's credentials or rights changed", per schema like the events. */
const AUTH_CHANNEL_SQL = `'shopfloor_auth_' || current_schema()`;

export interface CachedIdentity {
  actor: Actor;
  csrfToken: string | null;
  userId: string;
}

/** Every cache in this process, so a committing command can evict synchronously. */
const caches = new Set<AuthCache>();

/**
 * Resolved sessions and tokens, kept a few seconds so a busy station does not cost a database
 * round trip per request. Any change to a user's sessions, tokens, roles or activity evicts them
 * here at commit and on every other instance through NOTIFY.
 */
export class AuthCache {
  private readonly entries = new Map<string, CachedIdentity & { until: number }>();
  private readonly watchers = new Set<(userId: string) => void>();

  constructor(private readonly ttlMs = 10_000, private readonly maxEntries = 20_000) {
    caches.add(this);
  }

  get(key: string): CachedIdentity | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until > Date.now()) return e;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, identity: CachedIdentity): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...identity, until: Date.now() + this.ttlMs });
  }

  forget(userId: string): void {
    this.watchers.forEach((w) => w(userId));
    if (userId === '*') return this.entries.clear();
    for (const [key, e] of this.entries) if (e.userId === userId) this.entries.delete(key);
  }

  /** Calls `fn` with each user (`*`: possibly any) whose credentials or rights changed; returns the unwatch. */
  watch(fn: (userId: string) => void): () => void {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  /** Listens for evictions announced by other instances. */
  async listen(db: Db): Promise<() => Promise<void>> {
    const [row] = await db.query<{ channel: string }>(`select ${AUTH_CHANNEL_SQL} as channel`);
    return db.listen(row!.channel, (userId) => this.forget(userId));
  }

  close(): void {
    caches.delete(this);
    this.entries.clear();
  }
}

/**
 * Inside a command that changes a user's credentials or rights (`*`: possibly many users):
 * evicts their cached identities in this process at commit, and in every other instance through
 * a NOTIFY that PostgreSQL delivers only if the change commits.
 */
export async function announceAuthChange(cmd: CommandTx | Queryable & Pick<CommandTx, 'afterCommit'>, userId: string): Promise<void> {
  await cmd.query(`select pg_notify(${AUTH_CHANNEL_SQL}, $1)`, [userId]);
  cmd.afterCommit(() => caches.forEach((c) => c.forget(userId)));
}
