import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../support/databases';
import { Client, silentLog, testServices } from '../support/app';
import { createApp } from '../../src/server/http/app';
import type { Services } from '../../src/server/http/env';
import { seedPeople } from '../../src/server/seed/people';

type App = ReturnType<typeof createApp>;
interface Received { topic: string; customerId: string | null }

/** A live event stream read as it arrives (in process, over the app's real SSE route). */
async function openStream(app: App, headers: Record<string, string>) {
  const ctrl = new AbortController();
  const res = await app.request('/api/events', { headers: { 'x-forwarded-for': '10.8.8.8', ...headers }, signal: ctrl.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  const events = () => text.split('\n\n').filter((b) => b.includes('event: domain')).map((b) => JSON.parse(b.split('\n').find((l) => l.startsWith('data:'))!.slice(5)) as Received);
  /** Reads until `done` holds or the stream ends; gives up after `ms`. */
  const readUntil = async (done: () => boolean, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!done() && !ended) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now())))]);
      if (chunk === null) throw new Error(`stream: nothing more within ${ms} ms; received ${JSON.stringify(events().map((e) => e.topic))}`);
      if (chunk.done) ended = true;
      else text += decoder.decode(chunk.value, { stream: true });
    }
  };
  await readUntil(() => text.includes('event: ready'));
  return {
    events,
    untilTopic: (topic: string) => readUntil(() => events().some((e) => e.topic === topic)),
    untilEnded: () => readUntil(() => false).then(() => ended),
    close: () => {
      ctrl.abort();
      return reader.cancel().catch(() => undefined);
    },
  };
}

/**
 * A stream acts for its session or token as it is now: a change of the user's roles or customer,
 * or the customer's deactivation, takes effect on an open stream at once, not when it reconnects.
 */
describe.each(DIALECTS)('a live event stream on %s', (dialect) => {
  let t: TestDb;
  let services: Services;
  let app: App;
  let admin: Client;
  const customerId = async (code: string) => (await t.db.query<{ id: string }>('select id from customer where code = $1', [code]))[0]!.id;
  const userId = async (username: string) => (await t.db.query<{ id: string }>('select id from app_user where username = $1', [username]))[0]!.id;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    services = testServices(t.db);
    await services.bus.start();
    app = createApp(services);
    admin = new Client(app, '10.8.0.1');
    await admin.login('admin');
  });
  afterAll(async () => {
    await services.bus.close();
    await t.drop();
  });

  it('sends a demoted user only what the new roles may see, from the change on', async () => {
    const verifier = new Client(app, '10.8.0.2');
    await verifier.login('verifier');
    const stream = await openStream(app, { cookie: verifier.cookie! });
    const norwood = await customerId('NORWOOD');
    try {
      // a verifier sees customer accounts
      expect((await admin.patch(`/api/customers/${norwood}`, { name: 'Norwood Vapes' })).status).toBe(200);
      await stream.untilTopic('customer.updated');
      expect((await admin.patch(`/api/users/${await userId('verifier')}`, { roles: ['operator'] })).status).toBe(200);
      // an operator does not; a location (stock) is still theirs to hear of, and comes after it
      expect((await admin.patch(`/api/customers/${norwood}`, { name: 'Norwood Vapes Ltd' })).status).toBe(200);
      expect((await admin.post('/api/locations', { code: 'LIVE-1', name: 'Live', kind: 'warehouse' })).status).toBe(201);
      await stream.untilTopic('location.created');
      expect(stream.events().filter((e) => e.topic === 'customer.updated')).toHaveLength(1);
    } finally {
      await stream.close();
    }
  });

  it("sends a staff user turned customer user only that customer's events", async () => {
    const supervisor = new Client(app, '10.8.0.3');
    await supervisor.login('supervisor');
    const stream = await openStream(app, { cookie: supervisor.cookie! });
    const lakeshore = await customerId('LAKESHORE');
    try {
      expect((await admin.patch(`/api/users/${await userId('supervisor')}`, { roles: ['customer'], customerId: lakeshore })).status).toBe(200);
      expect((await admin.post('/api/locations', { code: 'LIVE-2', name: 'Live', kind: 'warehouse' })).status).toBe(201);
      expect((await admin.patch(`/api/customers/${await customerId('NORWOOD')}`, { name: 'Norwood' })).status).toBe(200);
      expect((await admin.patch(`/api/customers/${lakeshore}`, { name: 'Lakeshore Supply' })).status).toBe(200);
      await stream.untilTopic('customer.updated');
      expect(stream.events()).toEqual([expect.objectContaining({ topic: 'customer.updated', customerId: lakeshore })]);
    } finally {
      await stream.close();
    }
  });

  it("ends a customer's token stream when the customer is deactivated", async () => {
    const customer = new Client(app, '10.8.0.4');
    await customer.login('customer');
    const minted = await customer.post('/api/auth/tokens', { name: 'portal feed', scopes: ['events.subscribe'] });
    expect(minted.status).toBe(201);
    const stream = await openStream(app, { authorization: `Bearer ${minted.body.token}` });
    try {
      expect((await admin.patch(`/api/customers/${await customerId('NORWOOD')}`, { active: false })).status).toBe(200);
      expect(await stream.untilEnded()).toBe(true);
      expect(stream.events()).toEqual([]);
    } finally {
      await stream.close();
    }
  });
});
