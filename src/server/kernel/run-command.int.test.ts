import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { systemCtx } from '../../../tests/support/app';
import { runCommand } from './run-command';
import { verifyAuditChain } from './audit-verify';
import { DomainError } from './errors';
import type { Ctx } from './context';
import { EventBus } from './event-bus';
import type { DomainEvent } from './outbox';
import { silentLog } from '../../../tests/support/app';

async function count(t: TestDb, table: string): Promise<number> {
  const [r] = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return r!.n;
}

/** A tiny use case: adds qty to a widget, refusing to go below zero. */
function addWidget(ctx: Ctx, id: string, qty: number, key?: string) {
  return runCommand(ctx, { name: 'test.add-widget', input: { id, qty }, idempotencyKey: key, status: 201 }, async (cmd) => {
    const [row] = await cmd.query<{ qty: number }>(
      `insert into widget (id, qty) values ($1, $2) on conflict (id) do update set qty = widget.qty + excluded.qty returning qty`,
      [id, qty],
    );
    if (row!.qty < 0) throw new DomainError('state.conflict', 'negative');
    cmd.audit({ entityType: 'widget', entityId: id, after: { qty: row!.qty } });
    cmd.emit({ topic: 'widget.changed', summary: `widget ${id}`, permission: 'org.read' });
    return { id, qty: row!.qty };
  });
}

describe.each(DIALECTS)('command kernel on %s', (dialect) => {
  let t: TestDb;
  let ctx: Ctx;
  beforeAll(async () => {
    t = await openTestDb(dialect);
    await t.db.query('create table widget (id text primary key, qty int not null)');
    ctx = systemCtx(t.db);
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    await t.db.query('delete from widget');
  });

  it('commits the change, one audit event and one outbox event together', async () => {
    const [a0, o0] = [await count(t, 'audit_event'), await count(t, 'outbox_event')];
    const r = await addWidget(ctx, 'w1', 5);
    expect(r).toMatchObject({ status: 201, replayed: false, body: { id: 'w1', qty: 5 } });
    expect(await count(t, 'audit_event')).toBe(a0 + 1);
    expect(await count(t, 'outbox_event')).toBe(o0 + 1);
    const [ev] = await t.db.query<{ command: string; after: unknown; actor_label: string }>(
      `select command, after, actor_label from audit_event where entity_id = 'w1' order by occurred_at desc limit 1`,
    );
    expect(ev).toEqual({ command: 'test.add-widget', after: { qty: 5 }, actor_label: 'test' });
  });

  it('a failing command leaves no change, no audit, no event and no idempotency record', async () => {
    await addWidget(ctx, 'w2', 1);
    const before = await Promise.all(['audit_event', 'outbox_event', 'idempotency_key'].map((x) => count(t, x)));
    await expect(addWidget(ctx, 'w2', -3, 'fail-key')).rejects.toMatchObject({ code: 'state.conflict' });
    const after = await Promise.all(['audit_event', 'outbox_event', 'idempotency_key'].map((x) => count(t, x)));
    expect(after).toEqual(before);
    const [w] = await t.db.query<{ qty: number }>(`select qty from widget where id = 'w2'`);
    expect(w!.qty).toBe(1);
  });

  it('replays the stored response for a repeated key and applies the change once', async () => {
    const first = await addWidget(ctx, 'w3', 2, 'key-w3');
    const again = await addWidget(ctx, 'w3', 2, 'key-w3');
    expect(again).toEqual({ status: 201, body: first.body, replayed: true });
    const [w] = await t.db.query<{ qty: number }>(`select qty from widget where id = 'w3'`);
    expect(w!.qty).toBe(2);
  });

  it('refuses a reused key with a different payload', async () => {
    await addWidget(ctx, 'w4', 1, 'key-w4');
    await expect(addWidget(ctx, 'w4', 9, 'key-w4')).rejects.toMatchObject({ code: 'idempotency.key_reused' });
    await expect(addWidget(ctx, 'w4', 1, 'bad key with spaces')).rejects.toMatchObject({ code: 'idempotency.key_invalid' });
  });

  it('scopes keys to the actor: the same key from another actor is a new request', async () => {
    await addWidget(ctx, 'w5', 1, 'shared-key');
    const other = await addWidget(systemCtx(t.db, 'other'), 'w5', 1, 'shared-key');
    expect(other.replayed).toBe(false);
    expect(other.body.qty).toBe(2);
  });

  it('refuses a state change that records no audit event', async () => {
    await expect(
      runCommand(ctx, { name: 'test.silent', input: {} }, async (cmd) => {
        await cmd.query(`insert into widget values ('silent', 1)`);
      }),
    ).rejects.toThrow(/without an audit entry/);
    expect(await t.db.query(`select 1 from widget where id = 'silent'`)).toHaveLength(0);
  });

  it('runs after-commit steps only after a successful commit', async () => {
    const seen: string[] = [];
    await runCommand(ctx, { name: 'test.after', input: {} }, async (cmd) => {
      cmd.afterCommit(() => void seen.push('ok'));
      cmd.audit({ entityType: 'widget', entityId: 'x' });
    });
    await runCommand(ctx, { name: 'test.after-fail', input: {} }, async (cmd) => {
      cmd.afterCommit(() => void seen.push('never'));
      throw new DomainError('state.conflict');
    }).catch(() => {});
    expect(seen).toEqual(['ok']);
  });

  it('the audit log refuses UPDATE and DELETE', async () => {
    await addWidget(ctx, 'w6', 1);
    await expect(t.db.query(`update audit_event set actor_label = 'mallory'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from audit_event')).rejects.toThrow(/append-only/);
  });

  it('verifies the audit chain, and detects an edited, removed or forged event', async () => {
    for (let i = 0; i < 40; i++) await addWidget(ctx, `chain-${i % 5}`, 1);
    expect((await verifyAuditChain(t.db)).violations).toEqual([]);
    // tamper as a database owner would: bypass the trigger
    await t.db.query('alter table audit_event disable trigger audit_event_append_only');
    try {
      const [victim] = await t.db.query<{ id: string; shard: number; seq: string }>(
        `select id, shard, seq from audit_event where entity_id = 'chain-3' order by seq limit 1`,
      );
      await t.db.query(`update audit_event set after = '{"qty": 999}' where id = $1`, [victim!.id]);
      let { violations } = await verifyAuditChain(t.db);
      expect(violations.map((v) => v.check)).toContain('audit.hash');
      await t.db.query(`update audit_event set after = '{"qty": 1}' where id = $1`, [victim!.id]);
      const [last] = await t.db.query<{ id: string }>(
        `select e.id from audit_event e join audit_chain_head h on h.shard = e.shard and h.seq = e.seq where h.seq > 0 limit 1`,
      );
      await t.db.query('delete from audit_event where id = $1', [last!.id]);
      ({ violations } = await verifyAuditChain(t.db));
      expect(violations.map((v) => v.check)).toContain('audit.head');
    } finally {
      await t.db.query('alter table audit_event enable trigger audit_event_append_only');
    }
  });

  /** Runs fn with a started event bus and what it has heard so far. */
  async function withBus(fn: (heard: DomainEvent[], bus: EventBus) => Promise<void>) {
    const bus = new EventBus(t.db, silentLog);
    await bus.start();
    const heard: DomainEvent[] = [];
    bus.subscribe((e) => heard.push(e));
    try {
      await fn(heard, bus);
    } finally {
      await bus.close();
    }
  }
  // earlier tests' announcements may still arrive: each test listens for its own widgets only
  const about = (heard: DomainEvent[], prefix: string) => heard.filter((e) => e.summary.startsWith(`widget ${prefix}`));

  it('announces committed events after commit, and nothing of a failed command', () =>
    withBus(async (heard) => {
      await addWidget(ctx, 'w7', -1).catch(() => {});
      await addWidget(ctx, 'w7', 4);
      await expect.poll(() => about(heard, 'w7').map((e) => e.summary), { timeout: 5_000 }).toEqual(['widget w7']);
      // many commands at once share announcements and every event arrives once
      await Promise.all(Array.from({ length: 12 }, (_, i) => addWidget(ctx, `many-${i}`, 1)));
      await expect.poll(() => about(heard, 'many-').length, { timeout: 5_000 }).toBe(12);
      expect(new Set(about(heard, 'many-').map((e) => e.id)).size).toBe(12);
    }));

  it('the event bus sweeps up an event whose announcement never came, once', () =>
    withBus(async (heard, bus) => {
      // committed by an instance that died before announcing: an outbox row and no NOTIFY
      await t.db.query(
        `insert into outbox_event (topic, occurred_at, summary, permission) values ('widget.changed', now() - interval '1 minute', 'widget orphan', 'org.read')`,
      );
      await bus.sweep();
      await bus.sweep();
      expect(about(heard, 'orphan').map((e) => e.summary)).toEqual(['widget orphan']);
    }));
});
