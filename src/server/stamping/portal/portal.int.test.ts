import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { Client, silentLog, testApp } from '../../../../tests/support/app';
import { seedPeople } from '../../seed/people';
import { checkLedger } from '../../inventory/check-ledger';
import { inspectPdf } from '../../documents/pdf-inspect';
import { portalWorld } from '../../../../tests/support/portal-world';

type World = Awaited<ReturnType<typeof portalWorld>>;

/** A customer's request through the plant's decision to a PO, over HTTP, as both sides see it. */
describe.each(DIALECTS)('customer-portal requests on %s', (dialect) => {
  let t: TestDb;
  let w: World;
  let customer: Client;
  let planner: Client;
  let shipmentId: string;
  let slots: string[];
  let app: ReturnType<typeof testApp>;
  const v10 = () => w.products.bluerasp10.variantId;
  const v20 = () => w.products.bluerasp20.variantId;
  const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  const submit = async (body: object, key?: string) => customer.post('/api/portal/requests', body, key ? { 'idempotency-key': key } : {});
  const available = async (variantId: string) =>
    ((await customer.get(`/api/portal/shipments/${shipmentId}/availability`)).body.items as Array<{ variantId: string; available: string }>).find((a) => a.variantId === variantId)?.available;

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    w = await portalWorld(t.db, 'POR');
    shipmentId = (await w.shipment(w.norwood, [{ variantId: v10(), raw: '1000' }, { variantId: v20(), raw: '20000' }])).id;
    app = testApp(t.db);
    customer = new Client(app, '10.8.0.1');
    planner = new Client(app, '10.8.0.2');
    await customer.login('customer');
    await planner.login('supervisor');
    slots = ((await customer.get('/api/portal/slots')).body.items as Array<{ day: string }>).map((s) => s.day);
  });
  afterAll(() => t.drop());

  it('offers working days with capacity for four weeks, and the customer sees their own shipment with its figures', async () => {
    expect(slots.length).toBeGreaterThanOrEqual(15);
    expect(slots.every((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()))).toBe(true);
    // the plant's own note on the shipment stays with the plant
    await t.db.query(`update shipment set note = 'Mixed load, check brand labels' where id = $1`, [shipmentId]);
    const list = (await customer.get('/api/portal/shipments')).body.items;
    expect(list.map((s: { id: string }) => s.id)).toEqual([shipmentId]);
    expect(list[0]).toMatchObject({ status: 'inventoried', note: null, figures: { rawQty: '21000', goodQty: '21000' } });
    expect((await customer.get(`/api/portal/shipments/${shipmentId}`)).body.note).toBeNull();
    const avail = (await customer.get(`/api/portal/shipments/${shipmentId}/availability`)).body.items;
    expect(avail).toEqual(expect.arrayContaining([expect.objectContaining({ variantId: v10(), volumeMl: '30', strengthMg: '10', available: '1000' })]));
  });

  it('request → approve: a PO on the requested day, linked, and the customer sees it', async () => {
    const day = slots[1]!;
    const body = {
      shipmentId, requestedDay: day, deliveryDate: slots[3], deliveryDetails: 'Dock B, call on arrival',
      lines: [{ variantId: v10(), regionCode: 'ontario', qty: '0' }, { variantId: v10(), regionCode: 'federal', qty: '300' }, { variantId: v20(), regionCode: 'ontario', qty: '200' }],
    };
    const created = await submit(body, 'req-approve-1');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: expect.stringMatching(/^REQ-\d{6}$/), status: 'pending', requestedDay: day, deliveryDetails: 'Dock B, call on arrival' });
    // the zero row is skipped; the lines carry the variant words the inbox shows
    expect(created.body.lines.map((l: Record<string, string>) => [l.lineNo, l.regionCode, l.qty, l.volumeMl, l.strengthMg])).toEqual([[1, 'federal', '300', '30', '10'], [2, 'ontario', '200', '30', '20']]);
    // a retry with the same key replays the stored answer and writes nothing more
    const requests = await count('po_request');
    const replay = await submit(body, 'req-approve-1');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(created.body.id);
    expect(await count('po_request')).toBe(requests);
    // a request reserves nothing: only POs count against availability
    expect(await available(v10())).toBe('1000');

    const inbox = (await planner.get('/api/stamping/requests')).body.items;
    expect(inbox[0]).toMatchObject({ id: created.body.id, customerCode: 'NORWOOD', status: 'pending' });
    const approved = await planner.post(`/api/stamping/requests/${created.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body.request).toMatchObject({ status: 'approved', poId: approved.body.po.id, poNumber: approved.body.po.number });
    expect(approved.body.po).toMatchObject({ day, status: 'open', totalQty: '500', customerCode: 'NORWOOD' });
    // the customer's delivery wishes travel with the PO, to planners and the station
    expect(approved.body.po.notes).toBe(`Customer request ${created.body.number}. Delivery: deliver by ${slots[3]} — Dock B, call on arrival`);
    expect(approved.body.po.lines.map((l: Record<string, string>) => [l.regionCode, l.qty])).toEqual([['federal', '300'], ['ontario', '200']]);
    expect((await planner.post(`/api/stamping/requests/${created.body.id}/approve`, {})).status).toBe(409);

    const mine = (await customer.get(`/api/portal/requests/${created.body.id}`)).body;
    expect(mine).toMatchObject({ status: 'approved', poNumber: approved.body.po.number });
    const orders = (await customer.get('/api/portal/orders')).body.items;
    expect(orders.map((p: { id: string }) => p.id)).toContain(approved.body.po.id);
    expect((await customer.get(`/api/portal/orders/${approved.body.po.id}`)).body).toMatchObject({ day, notes: null });
    expect(await available(v10())).toBe('700');
    const receipt = await app.request(`/api/portal/requests/${created.body.id}/receipt.pdf`, { headers: { cookie: customer.cookie!, 'x-forwarded-for': '10.8.0.1' } });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    const text = inspectPdf(new Uint8Array(await receipt.arrayBuffer())).texts.flat().join(' ');
    expect(text).toContain(created.body.number);
    expect(text).toContain('Dock B, call on arrival');
    const [audit] = await t.db.query<{ n: number }>(`select count(*)::int as n from audit_event where command in ('stamping.create-request', 'stamping.approve-request')`);
    expect(audit!.n).toBeGreaterThanOrEqual(3);
  });

  it('modify → accept: the proposal is applied and becomes a PO on the proposed day', async () => {
    const created = (await submit({ shipmentId, requestedDay: slots[2], lines: [{ variantId: v10(), regionCode: 'quebec', qty: '200' }, { variantId: v20(), regionCode: 'quebec', qty: '100' }] })).body;
    // a proposal may only shrink a line, on a day the picker would offer
    expect((await planner.post(`/api/stamping/requests/${created.id}/modify`, { lines: [{ lineNo: 1, proposedQty: '201' }] })).body.errors).toEqual([{ field: 'lines.0.proposedQty', message: 'at most the requested 200' }]);
    expect((await planner.post(`/api/stamping/requests/${created.id}/modify`, { proposedDay: '2001-01-01' })).body.errors[0].field).toBe('proposedDay');
    expect((await customer.post(`/api/portal/requests/${created.id}/accept`)).status).toBe(409);
    const modified = await planner.post(`/api/stamping/requests/${created.id}/modify`, { proposedDay: slots[4], lines: [{ lineNo: 1, proposedQty: '150' }, { lineNo: 2, proposedQty: '0' }] });
    expect(modified.status).toBe(200);
    expect(modified.body.request).toMatchObject({ status: 'modified', proposedDay: slots[4] });
    expect(modified.body.request.lines.map((l: Record<string, string>) => [l.qty, l.proposedQty])).toEqual([['200', '150'], ['100', '0']]);

    const accepted = await customer.post(`/api/portal/requests/${created.id}/accept`, {}, { 'idempotency-key': 'accept-1' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.request).toMatchObject({ status: 'approved', poId: accepted.body.po.id });
    expect(accepted.body.po).toMatchObject({ day: slots[4], totalQty: '150', lines: [expect.objectContaining({ regionCode: 'quebec', qty: '150' })] });
    // the PO's notes are the plant's (for the stamper): the customer's answer carries none, nor does its replay
    expect(accepted.body.po.notes).toBeNull();
    expect((await planner.get(`/api/stamping/orders/${accepted.body.po.id}`)).body.notes).toBe(`Customer request ${created.number}`);
    const replayed = await customer.post(`/api/portal/requests/${created.id}/accept`, {}, { 'idempotency-key': 'accept-1' });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.po.notes).toBeNull();
    expect((await customer.post(`/api/portal/requests/${created.id}/decline`)).status).toBe(409);
  });

  it('modify → decline: the request ends declined and makes no PO', async () => {
    const created = (await submit({ shipmentId, requestedDay: slots[2], lines: [{ variantId: v10(), regionCode: 'federal', qty: '50' }] })).body;
    await planner.post(`/api/stamping/requests/${created.id}/modify`, { proposedDay: slots[5] });
    const pos = await count('production_order');
    const declined = await customer.post(`/api/portal/requests/${created.id}/decline`);
    expect(declined.body.request).toMatchObject({ status: 'declined', poId: null });
    expect(await count('production_order')).toBe(pos);
    expect((await planner.post(`/api/stamping/requests/${created.id}/approve`, {})).body.code).toBe('state.illegal_transition');
  });

  it('reject: a reason is required and the customer reads it', async () => {
    const created = (await submit({ shipmentId, requestedDay: slots[0], lines: [{ variantId: v20(), regionCode: 'federal', qty: '10' }] })).body;
    expect((await planner.post(`/api/stamping/requests/${created.id}/reject`, { reason: ' ' })).status).toBe(422);
    const rejected = await planner.post(`/api/stamping/requests/${created.id}/reject`, { reason: 'Federal stamps are out until the next delivery' });
    expect(rejected.body.request).toMatchObject({ status: 'rejected', rejectReason: 'Federal stamps are out until the next delivery' });
    const seen = (await customer.get('/api/portal/requests')).body.items.find((r: { id: string }) => r.id === created.id);
    expect(seen).toMatchObject({ status: 'rejected', rejectReason: 'Federal stamps are out until the next delivery' });
    const [event] = await t.db.query<{ customer_id: string; summary: string }>(`select customer_id, summary from outbox_event where topic = 'stamping.request-rejected'`);
    expect(event).toMatchObject({ customer_id: w.norwood, summary: expect.stringContaining('Federal stamps are out') });
  });

  it('a request whose day has passed is not approved into the past', async () => {
    const created = (await submit({ shipmentId, requestedDay: slots[0], lines: [{ variantId: v20(), regionCode: 'quebec', qty: '5' }] })).body;
    await t.db.query(`update po_request set requested_day = '2001-01-02' where id = $1`, [created.id]);
    const late = await planner.post(`/api/stamping/requests/${created.id}/approve`, {});
    expect(late.status).toBe(422);
    expect(late.body.errors).toEqual([{ field: 'requestedDay', message: 'in the past' }]);
    expect((await customer.get(`/api/portal/requests/${created.id}`)).body.status).toBe('pending');
    expect((await planner.post(`/api/stamping/requests/${created.id}/reject`, { reason: 'Too late, ask again' })).status).toBe(200);
  });

  it('refuses more than is available and days the picker would not offer, naming the field, and writes nothing', async () => {
    const requests = await count('po_request');
    const audits = await count('audit_event');
    const over = await submit({ shipmentId, requestedDay: slots[0], lines: [{ variantId: v20(), regionCode: 'federal', qty: '0' }, { variantId: v10(), regionCode: 'federal', qty: '600' }] });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'stamping.over_allocation', errors: [{ field: 'lines.1.qty', message: 'only 550 available' }] });

    const saturday = (() => { let d = slots[0]!; while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 6) d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10); return d; })();
    const weekend = await submit({ shipmentId, requestedDay: saturday, lines: [{ variantId: v10(), regionCode: 'federal', qty: '1' }] });
    expect(weekend.status).toBe(422);
    expect(weekend.body.errors).toEqual([{ field: 'requestedDay', message: 'not a working day' }]);
    const past = await submit({ shipmentId, requestedDay: '2001-01-02', lines: [{ variantId: v10(), regionCode: 'federal', qty: '1' }] });
    expect(past.status).toBe(422);
    expect(past.body.errors[0].field).toBe('requestedDay');
    // a working day past the four weeks the picker offers (same weekday, five weeks on; and a year on)
    const later = (weeks: number) => new Date(Date.parse(`${slots[0]}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
    for (const day of [later(5), later(52)]) {
      const far = await submit({ shipmentId, requestedDay: day, lines: [{ variantId: v10(), regionCode: 'federal', qty: '1' }] });
      expect(far.status).toBe(422);
      expect(far.body).toMatchObject({ code: 'stamping.day_unavailable', errors: [{ field: 'requestedDay', message: expect.stringContaining('the slot picker offers the next 4 weeks') }] });
    }
    // nor does the slot list offer it when asked for a longer range: the picker and the server agree
    const asked = (await customer.get(`/api/portal/slots?from=${slots[0]}&to=${later(52)}`)).body.items as Array<{ day: string }>;
    expect(asked.map((x) => x.day)).toEqual(slots);
    const nothing = await submit({ shipmentId, requestedDay: slots[0], lines: [{ variantId: v10(), regionCode: 'federal', qty: '0' }] });
    expect(nothing.status).toBe(422);
    const half = await submit({ shipmentId, requestedDay: slots[0], lines: [{ variantId: v10(), regionCode: 'federal', qty: '1.5' }] });
    expect(half.status).toBe(422);
    expect(half.body.errors[0].field).toBe('lines.0.qty');

    // a day the line has filled is no longer offered, and is refused
    const full = slots[6]!;
    expect((await planner.post('/api/stamping/orders', { shipmentId, day: full, lines: [{ variantId: v20(), regionCode: 'ontario', qty: '12000' }] })).status).toBe(201);
    expect(((await customer.get('/api/portal/slots')).body.items as Array<{ day: string }>).map((s) => s.day)).not.toContain(full);
    const refused = await submit({ shipmentId, requestedDay: full, lines: [{ variantId: v10(), regionCode: 'federal', qty: '1' }] });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'stamping.day_unavailable', errors: [{ field: 'requestedDay' }] });
    expect(await count('po_request')).toBe(requests);
    expect(await count('audit_event')).toBe(audits + 1); // the planner's PO only
    expect((await checkLedger(t.db)).violations).toEqual([]);
  });
});
