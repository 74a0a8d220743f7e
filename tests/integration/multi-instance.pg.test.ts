import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSchema } from '../support/databases';
import { Client } from '../support/app';
import { readEvents, spawnServer, type ServerProcess } from '../support/processes';

/** A client speaking real HTTP to a running server process. */
function httpClient(base: string): Client {
  return new Client({ request: ((path: string, init?: RequestInit) => fetch(base + path, init)) as never });
}

describe('two server processes on one PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    schema = await createTestSchema();
    // started together on an empty schema: migrations and demo seeding must queue, not collide
    [a, b] = await Promise.all([
      spawnServer({ DATABASE_URL: schema.url, SHOPFLOOR_SEED: 'true' }),
      spawnServer({ DATABASE_URL: schema.url, SHOPFLOOR_SEED: 'true' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await schema?.drop();
  });

  it('both came up on one schema with the demo users seeded once', async () => {
    const admin = httpClient(a.url);
    expect((await admin.login('admin')).status).toBe(200);
    const users = await admin.get('/api/users?limit=200');
    const names = users.body.items.map((u: { username: string }) => u.username);
    expect(names.filter((n: string) => n === 'admin')).toHaveLength(1);
  });

  it('an event committed through one instance reaches live clients of the other, filtered by tenant', async () => {
    const writer = httpClient(a.url);
    await writer.login('admin');
    const watcher = httpClient(b.url);
    await watcher.login('supervisor');
    const customer = httpClient(b.url);
    await customer.login('customer');

    const customerEvents = readEvents(`${b.url}/api/events`, { cookie: customer.cookie! }, () => false, { timeoutMs: 6_000 });
    const staffEvents = await readEvents(
      `${b.url}/api/events`,
      { cookie: watcher.cookie! },
      (e) => e.event === 'domain' && JSON.parse(e.data).topic === 'department.created',
      {
        onReady: async () => {
          const r = await writer.post('/api/departments', { code: 'LIVE', name: 'Live test' });
          expect(r.status).toBe(201);
        },
      },
    );
    const created = staffEvents.find((e) => e.event === 'domain');
    expect(created && JSON.parse(created.data)).toMatchObject({ topic: 'department.created', summary: 'admin created department Live test' });
    expect(created!.id).toMatch(/^\d+$/);
    const seenByCustomer = await customerEvents;
    expect(seenByCustomer.some((e) => e.event === 'ready')).toBe(true);
    expect(seenByCustomer.filter((e) => e.event === 'domain')).toEqual([]);
  });

  it('a reconnecting client resumes from Last-Event-ID', async () => {
    const writer = httpClient(a.url);
    await writer.login('admin');
    const first = await writer.post('/api/departments', { code: 'R1', name: 'Resume one' });
    expect(first.status).toBe(201);
    const [{ id: lastId }] = (await writer.get('/api/activity?limit=1')).body.items;
    await writer.post('/api/departments', { code: 'R2', name: 'Resume two' });
    const events = await readEvents(`${b.url}/api/events`, { cookie: writer.cookie!, 'last-event-id': lastId }, (e) => e.event === 'ready');
    const missed = events.filter((e) => e.event === 'domain').map((e) => JSON.parse(e.data).summary);
    expect(missed).toEqual(['admin created department Resume two']);
  });

  it('a deactivation through one instance ends the session on the other at once (cache evicted)', async () => {
    const admin = httpClient(a.url);
    await admin.login('admin');
    const op = httpClient(b.url);
    await op.login('operator');
    const me = await op.get('/api/auth/me');
    expect(me.status).toBe(200); // now cached on instance b
    expect((await admin.patch(`/api/users/${me.body.user.id}`, { active: false })).status).toBe(200);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 3_000) {
      status = (await op.get('/api/auth/me')).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(3_000); // far inside the 10 s cache lifetime
    await admin.patch(`/api/users/${me.body.user.id}`, { active: true });
  });

  it('refuses an anonymous stream', async () => {
    const r = await fetch(`${b.url}/api/events`);
    expect(r.status).toBe(401);
  });
});
