import type { Queryable, Tx } from './db/types';
import type { Ctx } from './context';
import type { Actor } from './actor';
import { actorScope } from './actor';
import type { AuditDraft } from './audit';
import type { DomainEventDraft } from './outbox';
import { claimCommandSlots, commitWithRecords } from './commit-records';
import { announceEvents } from './announce-events';
import { DomainError, fromPgError } from './errors';
import { registeredRefusal } from './pg-errors';
import { canonicalJson, sha256 } from './canonical';

/** What a use case gets inside its transaction. */
export interface CommandTx extends Queryable {
  readonly tx: Tx;
  readonly actor: Actor;
  readonly command: string;
  /** Transaction time: every row and event of one command carries the same instant. */
  readonly now: Date;
  audit(entry: AuditDraft): void;
  emit(event: DomainEventDraft): void;
  /** Side effects (files, mail) that must happen only once the change is committed. */
  afterCommit(fn: () => void | Promise<void>): void;
}

export interface CommandSpec {
  name: string;
  input: unknown;
  idempotencyKey?: string | null;
  /** HTTP status stored with the response for replays (201 for creations). */
  status?: number;
}

export interface CommandResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const MAX_ATTEMPTS = 3;

/**
 * The only way state changes. One transaction holds the use case, its audit events, its outbox
 * events and the idempotency record; checks happen inside it; the events are announced after
 * commit. A deadlock or serialization
 * failure re-runs the whole use case (nothing of the failed attempt survives).
 */
export async function runCommand<T>(
  ctx: Ctx,
  spec: CommandSpec,
  fn: (cmd: CommandTx) => Promise<T>,
): Promise<CommandResult<T>> {
  const key = spec.idempotencyKey ?? null;
  if (key !== null && !KEY_PATTERN.test(key)) {
    throw new DomainError('idempotency.key_invalid', 'Idempotency-Key must be 1–255 visible ASCII characters.');
  }
  const requestHash = key ? sha256(canonicalJson({ command: spec.name, input: spec.input })) : '';
  for (let attempt = 1; ; attempt++) {
    const after: Array<() => void | Promise<void>> = [];
    try {
      const { result, events } = await ctx.db.transaction((tx) => attemptOnce(ctx, spec, key, requestHash, tx, after, fn));
      announceEvents(ctx.db, events, ctx.log);
      if (!result.replayed) {
        for (const f of after) {
          await Promise.resolve()
            .then(f)
            .catch((err) => ctx.log.error({ err, command: spec.name }, 'after-commit step failed'));
        }
      }
      return result;
    } catch (err) {
      const conflict = fromPgError(err);
      if (conflict && attempt < MAX_ATTEMPTS) continue;
      throw conflict ?? registeredRefusal(err) ?? err;
    }
  }
}

async function attemptOnce<T>(
  ctx: Ctx,
  spec: CommandSpec,
  key: string | null,
  requestHash: string,
  tx: Tx,
  after: Array<() => void | Promise<void>>,
  fn: (cmd: CommandTx) => Promise<T>,
): Promise<{ result: CommandResult<T>; events: string[] }> {
  const scope = actorScope(ctx.actor);
  const { head, keyClaimed } = await claimCommandSlots(tx, key ? { scope, key, command: spec.name, requestHash } : null);
  if (key) {
    if (!keyClaimed) {
      const [prior] = await tx.query<{ request_hash: string; status: number; response: T }>(
        'select request_hash, status, response from idempotency_key where scope = $1 and key = $2',
        [scope, key],
      );
      if (!prior || prior.request_hash !== requestHash) {
        throw new DomainError(
          'idempotency.key_reused',
          'This Idempotency-Key was already used for a different request; use a new key.',
        );
      }
      return { result: { status: prior.status, body: prior.response, replayed: true }, events: [] };
    }
  }
  // The application clock, not another round trip for now(): instances run NTP-synchronised.
  const now = new Date();
  const audits: AuditDraft[] = [];
  const events: DomainEventDraft[] = [];
  const cmd: CommandTx = {
    tx,
    actor: ctx.actor,
    command: spec.name,
    now,
    query: (text, params) => tx.query(text, params),
    audit: (entry) => void audits.push(entry),
    emit: (event) => void events.push(event),
    afterCommit: (f) => void after.push(f),
  };
  const body = await fn(cmd);
  if (audits.length === 0) throw new Error(`command ${spec.name} changed state without an audit entry`);
  const status = spec.status ?? 200;
  const committed = await commitWithRecords(tx, {
    head,
    audits,
    events,
    meta: { command: spec.name, actorId: ctx.actor.userId, actorLabel: ctx.actor.label, requestId: ctx.requestId, occurredAt: now },
    idempotency: key ? { scope, key, status, response: body } : null,
  });
  return { result: { status, body, replayed: false }, events: committed };
}

/** Deletes idempotency records past their retention (at least 24 hours are kept). */
export async function pruneIdempotencyKeys(db: Queryable, retentionHours = 48): Promise<number> {
  const rows = await db.query(
    `delete from idempotency_key where created_at < now() - make_interval(hours => $1) returning key`,
    [Math.max(24, retentionHours)],
  );
  return rows.length;
}
