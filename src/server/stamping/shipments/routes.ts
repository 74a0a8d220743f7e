import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { AvailabilityDto, BoxDto, CorrectLineVariant, CreateShipment, ReceiveBox, ReceivedTotalsDto, ShipmentDto, ShipmentStatus } from '../../../contracts/stamping';
import { IdParam, ListQuery, Page } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';
import { createShipment } from './commands/create-shipment';
import { receiveBox } from './commands/receive-box';
import { markInventoried } from './commands/mark-inventoried';
import { correctLineVariant } from './commands/correct-line-variant';
import { getShipment } from './queries/get-shipment';
import { listShipments } from './queries/list-shipments';
import { listBoxes } from './queries/list-boxes';
import { shipmentAvailability } from './queries/availability';
import { receivedTotals } from './queries/received-totals';

const tags = ['Stamping: shipments'];
const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

async function requireShipment(db: Queryable, id: string) {
  const found = await getShipment(db, id);
  if (!found) throw new DomainError('stamping.shipment_not_found', 'No such shipment.');
  return found;
}

export function registerShipmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({
      method: 'get', path: '/api/stamping/shipments', permission: 'stamping.read', tags,
      summary: 'Shipments, newest first (sort: createdAt, number; q: number or reference)',
      request: { query: ListQuery.extend({ customerId: z.uuid().optional(), status: ShipmentStatus.optional() }) },
      responses: { 200: json(Page(ShipmentDto)) },
    }),
    async (c) => {
      const { limit, cursor, sort, ...f } = c.req.valid('query');
      return c.json(await listShipments(c.get('services').db, f, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/shipments', permission: 'stamping.plan', tags, summary: 'Announce a shipment: packing list and boxes per brand', request: { body: jsonBody(CreateShipment) }, responses: { 201: json(ShipmentDto, 'Created') } }),
    async (c) => sendResult(c, await createShipment(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/shipments/{id}', permission: 'stamping.read', tags, summary: 'One shipment with its packing list', request: { params: IdParam }, responses: { 200: json(ShipmentDto) } }),
    async (c) => c.json(await requireShipment(c.get('services').db, c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute({
      method: 'get', path: '/api/stamping/shipments/{id}/boxes', permission: 'stamping.read', tags,
      summary: 'A shipment’s boxes with their lines (sort: boxNo, receivedAt); boxNo without brandId finds that number under every brand',
      request: {
        params: IdParam,
        query: ListQuery.omit({ q: true }).extend({ brandId: z.uuid().optional(), boxNo: z.coerce.number().int().min(1).max(999_999_999).optional(), status: z.enum(['expected', 'received']).optional() }),
      },
      responses: { 200: json(Page(BoxDto)) },
    }),
    async (c) => {
      const db = c.get('services').db;
      const { id } = c.req.valid('param');
      const { limit, cursor, sort, ...f } = c.req.valid('query');
      await requireShipment(db, id);
      return c.json(await listBoxes(db, id, f, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/shipments/{id}/boxes', permission: 'stamping.receive', tags, summary: 'Receive a box (found by brand and number, or added if not announced): lines with raw, damaged and missing; posts the stock receipt', request: { params: IdParam, body: jsonBody(ReceiveBox) }, responses: { 201: json(BoxDto, 'Received') } }),
    async (c) => sendResult(c, await receiveBox(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/shipments/{id}/box-lines/{lineId}/variant', permission: 'stamping.receive', tags, summary: 'Correct the product a received box line holds (not once stamped, nor when POs count on its units); moves its stock with it', request: { params: IdParam.extend({ lineId: z.uuid() }), body: jsonBody(CorrectLineVariant) }, responses: { 200: json(BoxDto) } }),
    async (c) => {
      const { id, lineId } = c.req.valid('param');
      return sendResult(c, await correctLineVariant(c.get('ctx'), id, lineId, c.req.valid('json'), idempotencyKey(c)));
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/shipments/{id}/inventoried', permission: 'stamping.receive', tags, summary: 'Close receiving: the shipment is inventoried and production orders may use it', request: { params: IdParam }, responses: { 200: json(ShipmentDto) } }),
    async (c) => sendResult(c, await markInventoried(c.get('ctx'), c.req.valid('param').id, idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/shipments/{id}/availability', permission: 'stamping.read', tags, summary: 'Per product: good quantity received (or the packing list before any box) less non-cancelled production orders', request: { params: IdParam }, responses: { 200: json(items(AvailabilityDto)) } }),
    async (c) => {
      const db = c.get('services').db;
      const { id } = c.req.valid('param');
      await requireShipment(db, id);
      return c.json({ items: await shipmentAvailability(db, id) }, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/shipments/{id}/received', permission: 'stamping.read', tags, summary: 'Per product: packing-list quantity beside raw, good, damaged and missing of the received boxes', request: { params: IdParam }, responses: { 200: json(items(ReceivedTotalsDto)) } }),
    async (c) => {
      const db = c.get('services').db;
      const { id } = c.req.valid('param');
      await requireShipment(db, id);
      return c.json({ items: await receivedTotals(db, id) }, 200);
    },
  );
}
