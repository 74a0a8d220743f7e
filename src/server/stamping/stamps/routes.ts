import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { IdParam, ListQuery, Page } from '../../../contracts/common';
import { CreateStampOrder, StampOrderDto, StampOrderStatus, StampRegionStockDto, StampStockQuery } from '../../../contracts/stamping';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { createStampOrder } from './commands/create-stamp-order';
import { receiveStampOrder } from './commands/receive-stamp-order';
import { cancelStampOrder } from './commands/cancel-stamp-order';
import { listStampOrders } from './queries/list-stamp-orders';
import { stampStock } from './queries/stamp-stock';

const tags = ['Stamping: stamp stock'];
const StampOrderList = ListQuery.omit({ q: true }).extend({ regionCode: z.string().max(30).optional(), status: StampOrderStatus.optional() });

export function registerStampRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/stamp-stock', permission: 'stamping.read', tags, summary: 'Stamp ledger per region (received, used, remaining) against the demand of scheduled POs', request: { query: StampStockQuery }, responses: { 200: json(z.object({ items: z.array(StampRegionStockDto) })) } }),
    async (c) => c.json({ items: await stampStock(c.get('services').db, { horizonDays: c.req.valid('query').horizonDays }) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/stamp-orders', permission: 'stamping.read', tags, summary: 'Stamp orders, newest first (sort: createdAt, orderedOn, number)', request: { query: StampOrderList }, responses: { 200: json(Page(StampOrderDto)) } }),
    async (c) => {
      const { limit, cursor, sort, ...f } = c.req.valid('query');
      return c.json(await listStampOrders(c.get('services').db, f, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/stamp-orders', permission: 'stamping.manage', tags, summary: 'Log a stamp order (received: true posts the receipt at once)', request: { body: jsonBody(CreateStampOrder) }, responses: { 201: json(StampOrderDto, 'Created') } }),
    async (c) => sendResult(c, await createStampOrder(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/stamp-orders/{id}/receive', permission: 'stamping.manage', tags, summary: 'The ordered stamps arrived: post them into the stamp store', request: { params: IdParam }, responses: { 200: json(StampOrderDto) } }),
    async (c) => sendResult(c, await receiveStampOrder(c.get('ctx'), c.req.valid('param').id, idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/stamp-orders/{id}/cancel', permission: 'stamping.manage', tags, summary: 'Cancel a stamp order that has not arrived', request: { params: IdParam }, responses: { 200: json(StampOrderDto) } }),
    async (c) => sendResult(c, await cancelStampOrder(c.get('ctx'), c.req.valid('param').id, idempotencyKey(c))),
  );
}
