import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../support/databases';
import { Client, silentLog, testApp } from '../support/app';
import { seedPeople } from '../../src/server/seed/people';
import { createStampOrder } from '../../src/server/stamping';
import { createLocation } from '../../src/server/inventory';
import { portalWorld } from '../support/portal-world';

type App = ReturnType<typeof testApp>;

/** The committed events a stream replays after `lastId`, up to its `ready` marker (in process). */
async function replayedEvents(app: App, cookie: string, lastId: string): Promise<Array<{ topic: string; customerId: string | null }>> {
  const ctrl = new AbortController();
  const res = await app.request('/api/events', { headers: { cookie, 'last-event-id': lastId, 'x-forwarded-for': '10.9.9.9' }, signal: ctrl.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (!text.includes('event: ready')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    ctrl.abort();
    await reader.cancel().catch(() => undefined);
  }
  return text.split('\n\n').filter((b) => b.includes('event: domain')).map((b) => JSON.parse(b.split('\n').find((l) => l.startsWith('data:'))!.slice(5)));
}

/**
 * Two customers, each with a shipment, requests, an approved PO and a completed one on an
 * outbound: neither can read or act on the other's anything, by any route, nor hear its events.
 */
describe.each(DIALECTS)('tenant isolation on %s', (dialect) => {
  let t: TestDb;
  let app: App;
  let planner: Client;
  let verifier: Client;
  let lastEventId: string;
  interface Tenant { user: Client; customerId: string; shipmentId: string; pendingId: string; modifiedId: string; approvedPoId: string; completedPoId: string; outboundId: string }
  const tenants: Record<'a' | 'b', Tenant> = {} as never;
  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    const w = await portalWorld(t.db, 'TEN');
    const [wh] = (await t.db.query<{ id: string }>(`select id from location where code = 'STAMP-WH'`)) as [{ id: string }];
    const bay = (await createLocation(w.ctx, { code: 'TEN-BAY', name: 'Skid bay', kind: 'zone', parentId: wh.id })).body.id;
    await createStampOrder(w.ctx, { regionCode: 'ontario', qty: '1000', received: true });
    [{ id: lastEventId }] = (await t.db.query<{ id: string }>('select coalesce(max(id), 0)::text as id from outbox_event')) as [{ id: string }];
    app = testApp(t.db);
    planner = new Client(app, '10.9.0.1');
    verifier = new Client(app, '10.9.0.2');
    await planner.login('supervisor');
    await verifier.login('verifier');
    const v10 = w.products.bluerasp10.variantId;
    const v20 = w.products.bluerasp20.variantId;
    for (const [key, username, customerId, ip] of [['a', 'customer', w.norwood, '10.9.1.1'], ['b', 'customer2', w.lakeshore, '10.9.1.2']] as const) {
      const user = new Client(app, ip);
      await user.login(username);
      const shipmentId = (await w.shipment(customerId, [{ variantId: v10, raw: '100' }, { variantId: v20, raw: '1000' }])).id;
      const day = (await user.get('/api/portal/slots')).body.items[1].day as string;
      const request = async () => {
        const r = await user.post('/api/portal/requests', { shipmentId, requestedDay: day, lines: [{ variantId: v20, regionCode: 'ontario', qty: '10' }] });
        expect(r.status).toBe(201);
        return r.body.id as string;
      };
      const pendingId = await request();
      const modifiedId = await request();
      expect((await planner.post(`/api/stamping/requests/${modifiedId}/modify`, { lines: [{ lineNo: 1, proposedQty: '5' }] })).status).toBe(200);
      const approved = await planner.post(`/api/stamping/requests/${await request()}/approve`, {});
      // a PO run to completion files it on the customer's outbound
      const po = (await planner.post('/api/stamping/orders', { shipmentId, lines: [{ variantId: v10, regionCode: 'ontario', qty: '100' }] })).body.po;
      await planner.post(`/api/stamping/orders/${po.id}/start`);
      const box = (await planner.get(`/api/stamping/orders/${po.id}/scan?boxNo=1&brandId=${w.brands.orbito.id}`)).body;
      expect((await planner.post(`/api/stamping/orders/${po.id}/confirm`, { boxId: box.boxId, lines: [{ boxLineId: box.lines[0].boxLineId, regionCode: 'ontario' }] })).status).toBe(201);
      expect((await planner.post(`/api/stamping/orders/${po.id}/skids`, { locationId: bay })).status).toBe(201);
      const verified = await verifier.post(`/api/stamping/orders/${po.id}/verify`, {});
      expect(verified.status).toBe(200);
      tenants[key] = { user, customerId, shipmentId, pendingId, modifiedId, approvedPoId: approved.body.po.id, completedPoId: po.id, outboundId: verified.body.outbound.id };
    }
  });
  afterAll(() => t.drop());

  const reads = (x: Tenant) => [
    `/api/portal/shipments/${x.shipmentId}`,
    `/api/portal/shipments/${x.shipmentId}/availability`,
    `/api/portal/orders/${x.approvedPoId}`,
    `/api/portal/orders/${x.completedPoId}`,
    `/api/portal/requests/${x.pendingId}`,
    `/api/portal/requests/${x.modifiedId}`,
    `/api/portal/requests/${x.pendingId}/receipt.pdf`,
  ];

  it("every portal read of the other customer's ids is a 404, exactly as for an id that does not exist", async () => {
    const { a, b } = tenants;
    for (const [me, other] of [[a, b], [b, a]] as const) {
      for (const path of reads(me)) expect((await me.user.get(path)).status, path).toBe(200);
      for (const path of reads(other)) {
        const r = await me.user.get(path);
        expect(r.status, path).toBe(404);
        expect(JSON.stringify(r.body)).not.toContain(other.customerId);
      }
    }
  });

  it('portal lists hold only their own rows, and no parameter widens them', async () => {
    for (const [me, other] of [[tenants.a, tenants.b], [tenants.b, tenants.a]] as const) {
      const lists = {
        shipments: (await me.user.get('/api/portal/shipments')).body.items,
        orders: (await me.user.get('/api/portal/orders')).body.items,
        outbounds: (await me.user.get('/api/portal/outbounds')).body.items,
        requests: (await me.user.get('/api/portal/requests')).body.items,
      } as Record<string, Array<{ id: string; customerId: string }>>;
      expect(lists.shipments!.map((s) => s.id)).toEqual([me.shipmentId]);
      expect(lists.orders!.map((p) => p.id).sort()).toEqual([me.approvedPoId, me.completedPoId].sort());
      expect(lists.outbounds!.map((o) => o.id)).toEqual([me.outboundId]);
      expect(lists.requests!).toHaveLength(3);
      for (const rows of Object.values(lists)) for (const row of rows) expect(row.customerId).toBe(me.customerId);
      for (const path of ['/api/portal/orders', '/api/portal/shipments', '/api/portal/requests', '/api/portal/outbounds']) {
        const widened = await me.user.get(`${path}?customerId=${other.customerId}`);
        expect(JSON.stringify(widened.body), path).not.toContain(other.customerId);
      }
    }
  });

  it("commands on the other customer's shipment or request are 404 and write nothing", async () => {
    const { a, b } = tenants;
    const before = await Promise.all(['audit_event', 'po_request', 'po_request_line', 'production_order', 'outbox_event'].map(count));
    const day = (await a.user.get('/api/portal/slots')).body.items[1].day;
    const [variant] = await t.db.query<{ variant_id: string }>('select variant_id from shipment_box_line bl join shipment_box sb on sb.id = bl.box_id where sb.shipment_id = $1 limit 1', [b.shipmentId]);
    const create = await a.user.post('/api/portal/requests', { shipmentId: b.shipmentId, requestedDay: day, lines: [{ variantId: variant!.variant_id, regionCode: 'ontario', qty: '1' }] }, { 'idempotency-key': 'steal-1' });
    expect(create.status).toBe(404);
    expect(create.body.code).toBe('stamping.shipment_not_found');
    for (const action of ['accept', 'decline']) {
      for (const id of [b.modifiedId, b.pendingId]) {
        const r = await a.user.post(`/api/portal/requests/${id}/${action}`, {});
        expect(r.status, `${action} ${id}`).toBe(404);
        expect(r.body.code).toBe('stamping.request_not_found');
      }
    }
    expect(await Promise.all(['audit_event', 'po_request', 'po_request_line', 'production_order', 'outbox_event'].map(count))).toEqual(before);
    expect((await b.user.get(`/api/portal/requests/${b.modifiedId}`)).body.status).toBe('modified');
    // and the owner still can: the 404 was the tenant boundary, not a broken route
    expect((await b.user.post(`/api/portal/requests/${b.modifiedId}/decline`, {})).status).toBe(200);
  });

  it('every /api/stamping/* operation is 403 for a customer user, and writes nothing', async () => {
    const doc = (await new Client(app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const ops = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/stamping/')).flatMap(([p, o]) => Object.keys(o).map((m) => [m.toUpperCase(), p] as const));
    expect(ops.length).toBeGreaterThan(30);
    const before = await count('audit_event');
    const ids = [tenants.b.shipmentId, tenants.b.pendingId, tenants.b.completedPoId];
    for (const [method, path] of ops) {
      for (const id of ids) {
        const concrete = path.replace(/\{[^}]+\}/g, id);
        const r = await tenants.a.user.call(method, concrete, method === 'GET' ? undefined : {});
        expect(r.status, `${method} ${concrete}`).toBe(403);
      }
    }
    expect(await count('audit_event')).toBe(before);
  });

  it("the event stream gives each customer only their own customer's events", async () => {
    for (const [me, other] of [[tenants.a, tenants.b], [tenants.b, tenants.a]] as const) {
      const events = await replayedEvents(app, me.user.cookie!, lastEventId);
      const topics = events.map((e) => e.topic);
      expect(topics).toEqual(expect.arrayContaining(['stamping.request-created', 'stamping.request-modified', 'stamping.request-approved', 'stamping.po-created', 'stamping.shipment-inventoried']));
      expect(events.every((e) => e.customerId === me.customerId)).toBe(true);
      expect(JSON.stringify(events)).not.toContain(other.customerId);
    }
    // staff see both customers' requests
    const staff = await replayedEvents(app, planner.cookie!, lastEventId);
    const customers = new Set(staff.filter((e) => e.topic.startsWith('stamping.request-')).map((e) => e.customerId));
    expect(customers).toEqual(new Set([tenants.a.customerId, tenants.b.customerId]));
  });
});
