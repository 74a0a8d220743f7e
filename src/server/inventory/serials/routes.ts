import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { RegisterSerials, SerialDetailDto, SerialDto, SerialEventInput, SerialStatus } from '../../../contracts/serials';
import { IdParam, ListQuery, Page } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { recordSerialEvent, registerSerials } from './commands';
import { getSerial, listSerials } from './queries';

const tags = ['Serials'];

export function registerSerialRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/serials', permission: 'inventory.read', tags, summary: 'Serial units (status: a status or `defects`; sort: serialNo, updatedAt)', request: { query: ListQuery.extend({ itemId: z.uuid().optional(), variantId: z.uuid().optional(), status: z.union([SerialStatus, z.literal('defects')]).optional(), orderRef: z.string().max(80).optional() }) }, responses: { 200: json(Page(SerialDto)) } }),
    async (c) => {
      const { limit, cursor, sort, ...f } = c.req.valid('query');
      return c.json(await listSerials(c.get('services').db, f, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/serials', permission: 'inventory.post', tags, summary: 'Register serial units (in production)', request: { body: jsonBody(RegisterSerials) }, responses: { 201: json(z.object({ created: z.number().int(), ids: z.array(z.uuid()) }), 'Registered') } }),
    async (c) => sendResult(c, await registerSerials(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/serials/{id}', permission: 'inventory.read', tags, summary: 'A serial unit with its full history', request: { params: IdParam }, responses: { 200: json(SerialDetailDto) } }),
    async (c) => c.json(await getSerial(c.get('services').db, c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/serials/{id}/events', permission: 'inventory.post', tags, summary: 'Record a stage, move, defect (scrap or rework; needs `inventory.adjust`), QA pass (into stock) or delivery (to a customer location); stock moves post to the ledger', request: { params: IdParam, body: jsonBody(SerialEventInput) }, responses: { 200: json(SerialDetailDto) } }),
    async (c) => sendResult(c, await recordSerialEvent(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
}
