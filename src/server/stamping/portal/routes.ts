import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { CreatePoRequest, OutboundDto, PoRequestDecision, PoRequestDto, PortalRegionDto, PortalShipmentDto, SlotDto, SlotQuery } from '../../../contracts/stamping-run';
import { AvailabilityDto, PoDto, PoStatus, ShipmentStatus } from '../../../contracts/stamping';
import { IdParam, ListQuery, Page } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { DomainError } from '../../kernel/errors';
import { localDay } from '../../planning';
import { readSetup } from '../master/setup';
import { shipmentAvailability } from '../shipments/queries/availability';
import { listOutbounds } from '../run/queries/outbounds';
import { listRegions } from '../master/regions';
import { portalShipment, portalShipments } from './queries/shipments';
import { portalOrder, portalOrders } from './queries/orders';
import { getRequest } from './queries/get-request';
import { listRequests } from './queries/list-requests';
import { requestReceipt } from './queries/receipt';
import { createRequest } from './commands/create-request';
import { acceptProposal, declineProposal } from './commands/answer-proposal';
import { defaultSlotRange, openSlots } from './slots';
import { portalCustomer } from './scope';
import { registerRequestInboxRoutes } from './inbox-routes';

const tags = ['Customer portal'];
const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });
const PortalList = ListQuery.omit({ q: true });

/** The customer every portal route is confined to: the signed-in user's own, never a parameter. */
const customerOf = (c: Context<AppEnv>): string => portalCustomer(c.get('ctx').actor);

const shipmentNotFound = () => new DomainError('stamping.shipment_not_found', 'No such shipment.');

/**
 * The customer portal (`portal.use`, customer users only) and, beside it, the plant's inbox of
 * requests. Every portal read and command is scoped to the caller's customer: another customer's
 * id answers 404, exactly as an id that does not exist, so ids are never confirmed.
 */
export function registerPortalRoutes(app: OpenAPIHono<AppEnv>): void {
  const get = <R extends z.ZodType, const Q extends NonNullable<RouteConfig['request']> = {}>(path: string, summary: string, response: R, request?: Q) =>
    defineRoute({ method: 'get', path, permission: 'portal.use', tags, summary, request: (request ?? {}) as Q, responses: { 200: json(response) } });

  app.openapi(get('/api/portal/shipments', 'Own shipments with received and good figures, newest first', Page(PortalShipmentDto), { query: PortalList.extend({ status: ShipmentStatus.optional() }) }),
    async (c) => {
      const { status, ...args } = c.req.valid('query');
      return c.json(await portalShipments(c.get('services').db, customerOf(c), status, args), 200);
    });
  app.openapi(get('/api/portal/shipments/{id}', 'One own shipment', PortalShipmentDto, { params: IdParam }),
    async (c) => {
      const found = await portalShipment(c.get('services').db, customerOf(c), c.req.valid('param').id);
      if (!found) throw shipmentNotFound();
      return c.json(found, 200);
    });
  app.openapi(get('/api/portal/shipments/{id}/availability', 'Good quantity still available per variant (mL and mg) of an own shipment', items(AvailabilityDto), { params: IdParam }),
    async (c) => {
      const { db } = c.get('services');
      const { id } = c.req.valid('param');
      if (!(await portalShipment(db, customerOf(c), id))) throw shipmentNotFound();
      return c.json({ items: await shipmentAvailability(db, id) }, 200);
    });
  app.openapi(get('/api/portal/orders', 'Own production orders: parents with their segments and the day each is stamped', Page(PoDto), { query: PortalList.extend({ status: PoStatus.optional() }) }),
    async (c) => {
      const { status, ...args } = c.req.valid('query');
      return c.json(await portalOrders(c.get('services').db, customerOf(c), status, args), 200);
    });
  app.openapi(get('/api/portal/orders/{id}', 'One own production order', PoDto, { params: IdParam }),
    async (c) => {
      const po = await portalOrder(c.get('services').db, customerOf(c), c.req.valid('param').id);
      if (!po) throw new DomainError('stamping.po_not_found', 'No such production order.');
      return c.json(po, 200);
    });
  app.openapi(get('/api/portal/regions', 'Active tax regions: the columns of the request grid', items(PortalRegionDto)),
    async (c) => {
      customerOf(c);
      const regions = (await listRegions(c.get('services').db)).filter((r) => r.active);
      return c.json({ items: regions.map(({ code, name, colour }) => ({ code, name, colour })) }, 200);
    });
  app.openapi(get('/api/portal/outbounds', 'Own outbounds, newest day first', items(OutboundDto)),
    async (c) => c.json({ items: await listOutbounds(c.get('services').db, { customerId: customerOf(c) }) }, 200));
  app.openapi(get('/api/portal/requests', 'Own production requests: open ones first', items(PoRequestDto)),
    async (c) => c.json({ items: await listRequests(c.get('services').db, { customerId: customerOf(c), limit: 200 }) }, 200));
  app.openapi(get('/api/portal/requests/{id}', 'One own production request', PoRequestDto, { params: IdParam }),
    async (c) => c.json(await getRequest(c.get('services').db, c.req.valid('param').id, customerOf(c)), 200));
  app.openapi(get('/api/portal/slots', 'Production days that can be requested: working days with free capacity, within the next 4 weeks (a narrower from/to may be given)', items(SlotDto), { query: SlotQuery }),
    async (c) => {
      const { db } = c.get('services');
      customerOf(c);
      const today = localDay(new Date());
      const range = defaultSlotRange(today);
      const q = c.req.valid('query');
      const setup = await readSetup(db);
      // nothing is set up until the first consignee: no days to offer, not an error
      if (!setup) return c.json({ items: [] }, 200);
      // never past the window: a request for a later day is refused, so it is never offered
      const to = q.to && q.to < range.to ? q.to : range.to;
      return c.json({ items: await openSlots(db, setup.siteId, q.from ?? range.from, to, today) }, 200);
    });
  app.openapi(
    defineRoute({ method: 'get', path: '/api/portal/requests/{id}/receipt.pdf', permission: 'portal.use', tags, summary: 'The receipt of a stored request (PDF)', request: { params: IdParam }, responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } } } }),
    async (c) => {
      const { number, pdf } = await requestReceipt(c.get('services').db, c.req.valid('param').id, customerOf(c));
      return c.body(pdf as never, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${number}.pdf"`, 'cache-control': 'private, no-store' }) as never;
    },
  );

  app.openapi(
    defineRoute({ method: 'post', path: '/api/portal/requests', permission: 'portal.use', tags, summary: 'Submit a production request from an own inventoried shipment (zero rows are skipped)', request: { body: jsonBody(CreatePoRequest) }, responses: { 201: json(PoRequestDto, 'Stored, pending review') } }),
    async (c) => sendResult(c, await createRequest(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  const answer = (path: string, summary: string) =>
    defineRoute({ method: 'post', path, permission: 'portal.use', tags, summary, request: { params: IdParam }, responses: { 200: json(PoRequestDecision) } });
  app.openapi(answer('/api/portal/requests/{id}/accept', "Accept the plant's proposal: the request becomes a PO on the proposed day"),
    async (c) => sendResult(c, await acceptProposal(c.get('ctx'), c.req.valid('param').id, idempotencyKey(c))));
  app.openapi(answer('/api/portal/requests/{id}/decline', "Decline the plant's proposal"),
    async (c) => sendResult(c, await declineProposal(c.get('ctx'), c.req.valid('param').id, idempotencyKey(c))));

  registerRequestInboxRoutes(app);
}
