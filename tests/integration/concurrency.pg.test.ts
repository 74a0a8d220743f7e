import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema, openTestDb, type TestDb } from '../support/databases';
import { systemCtx } from '../support/app';
import { runCommand } from '../../src/server/kernel/run-command';
import { verifyAuditChain } from '../../src/server/kernel/audit-verify';
import { openPostgres } from '../../src/server/kernel/db/postgres';
import { loadMigrations, migrate } from '../../src/server/kernel/db/migrate';
import { createUser } from '../../src/server/people/commands/create-user';
import { updateUser } from '../../src/server/people/commands/update-user';

/** Races that only a server with many connections can produce. */
describe('concurrency on PostgreSQL', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('postgres', { maxConnections: 40 });
    await t.db.query('create table counter (id text primary key, n int not null)');
  });
  afterAll(() => t.drop());

  const bump = (label: string, key: string | null, id = 'c') =>
    runCommand(systemCtx(t.db, label), { name: 'test.bump', input: { id }, idempotencyKey: key }, async (cmd) => {
      const [r] = await cmd.query<{ n: number }>(
        `insert into counter values ($1, 1) on conflict (id) do update set n = counter.n + 1 returning n`,
        [id],
      );
      cmd.audit({ entityType: 'counter', entityId: id, after: r });
      return r;
    });

  it('16 concurrent requests with one idempotency key apply exactly once and all answer alike', async () => {
    const results = await Promise.all(Array.from({ length: 16 }, () => bump('station-1', 'scan-0001', 'idem')));
    const [row] = await t.db.query<{ n: number }>(`select n from counter where id = 'idem'`);
    expect(row!.n).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r.body)))).toEqual(new Set(['{"n":1}']));
  });

  it('64 concurrent commands chain every audit event, over several chains (no global lock)', async () => {
    const before = (await verifyAuditChain(t.db)).events;
    const settled = await Promise.allSettled(Array.from({ length: 64 }, (_, i) => bump(`s${i % 8}`, null, `k${i % 4}`)));
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    const { events, violations } = await verifyAuditChain(t.db);
    expect(violations).toEqual([]);
    expect(events).toBe(before + 64);
    const [shards] = await t.db.query<{ n: number }>(`select count(distinct shard)::int as n from audit_event where command = 'test.bump'`);
    expect(shards!.n).toBeGreaterThan(1);
    const [sum] = await t.db.query<{ n: number }>(`select sum(n)::int as n from counter where id like 'k%'`);
    expect(sum!.n).toBe(64);
  });

  it('two instances migrating one empty schema at once both come up', async () => {
    const schema = await createTestSchema();
    const [a, b] = await Promise.all([openPostgres(schema.url), openPostgres(schema.url)]);
    try {
      const results = await Promise.all([migrate(a), migrate(b)]);
      expect(results.map((r) => r.applied.length).sort((x, y) => x - y)).toEqual([0, loadMigrations().length]);
      const rows = await a.query<{ n: number }>('select count(*)::int as n from schema_migration');
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
      await schema.drop();
    }
  });

  it('concurrent creations of one username: exactly one succeeds', async () => {
    const ctx = systemCtx(t.db);
    const settled = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => createUser(ctx, { username: i % 2 ? 'Racer' : 'racer', displayName: 'R', password: 'password1', roles: ['operator'] })),
    );
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of settled) if (s.status === 'rejected') expect(s.reason).toMatchObject({ code: 'people.username_taken' });
  });

  it('two admins demoting each other at once cannot leave the plant without an administrator', async () => {
    const ctx = systemCtx(t.db);
    const a = (await createUser(ctx, { username: 'adm-a', displayName: 'A', password: 'password1', roles: ['admin'] })).body;
    const b = (await createUser(ctx, { username: 'adm-b', displayName: 'B', password: 'password1', roles: ['admin'] })).body;
    const settled = await Promise.allSettled([
      updateUser(ctx, a.id, { roles: ['operator'] }),
      updateUser(ctx, b.id, { roles: ['operator'] }),
    ]);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    const [admins] = await t.db.query<{ n: number }>(`select count(*)::int as n from app_user where active and 'admin' = any(roles)`);
    expect(admins!.n).toBe(1);
  });
});
