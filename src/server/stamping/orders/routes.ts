import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CalendarDto, CancelPo, CreatePo, IncreaseLines, PoDto, PoResult, PoStatus, SchedulePo, SplitPo, UpdatePo } from '../../../contracts/stamping';
import { IsoDay } from '../../../contracts/planning';
import { IdParam, ListQuery, Page } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { addDays, localDay, mondayOf } from '../../planning';
import { readSetup } from '../master/setup';
import { createPo } from './commands/create-po';
import { updatePo } from './commands/update-po';
import { schedulePo, splitPo } from './commands/schedule-po';
import { increaseLines } from './commands/increase-lines';
import { cancelPo } from './commands/cancel-po';
import { getPo } from './queries/get-po';
import { listPos } from './queries/list-pos';
import { poCalendar } from './queries/calendar';

const tags = ['Stamping: production orders'];

export function registerPoRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/orders', permission: 'stamping.read', tags, summary: 'Production orders (sort: created, number, day)', request: { query: ListQuery.extend({ status: PoStatus.optional(), customerId: z.uuid().optional(), shipmentId: z.uuid().optional(), topLevel: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(Page(PoDto)) } }),
    async (c) => {
      const { limit, cursor, sort, topLevel, ...f } = c.req.valid('query');
      return c.json(await listPos(c.get('services').db, { ...f, topLevel: topLevel === 'true' }, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/orders/{id}', permission: 'stamping.read', tags, summary: 'A production order with its lines, booking and segments', request: { params: IdParam }, responses: { 200: json(PoDto) } }),
    async (c) => c.json(await getPo(c.get('services').db, c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/orders', permission: 'stamping.plan', tags, summary: 'Create a production order against an inventoried shipment', request: { body: jsonBody(CreatePo) }, responses: { 201: json(PoResult, 'Created; warnings name days over capacity') } }),
    async (c) => sendResult(c, await createPo(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/stamping/orders/{id}', permission: 'stamping.plan', tags, summary: 'Edit lines, urgency or notes', request: { params: IdParam, body: jsonBody(UpdatePo) }, responses: { 200: json(PoResult) } }),
    async (c) => sendResult(c, await updatePo(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/orders/{id}/schedule', permission: 'stamping.plan', tags, summary: 'Schedule or move onto a day and a place in its queue; day null unschedules', request: { params: IdParam, body: jsonBody(SchedulePo) }, responses: { 200: json(PoResult) } }),
    async (c) => sendResult(c, await schedulePo(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/orders/{id}/split', permission: 'stamping.plan', tags, summary: 'Move parts to other days: one segment per part', request: { params: IdParam, body: jsonBody(SplitPo) }, responses: { 200: json(PoResult) } }),
    async (c) => sendResult(c, await splitPo(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').parts, idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/orders/{id}/increase-lines', permission: 'stamping.verify', tags, summary: 'The verifier raises lines of a PO waiting for verification (within availability); it asks for verification again', request: { params: IdParam, body: jsonBody(IncreaseLines) }, responses: { 200: json(PoResult) } }),
    async (c) => sendResult(c, await increaseLines(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/orders/{id}/cancel', permission: 'stamping.plan', tags, summary: 'Cancel before completion: releases its units and its day', request: { params: IdParam, body: jsonBody(CancelPo) }, responses: { 200: json(PoResult) } }),
    async (c) => sendResult(c, await cancelPo(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').reason, idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/calendar', permission: 'stamping.read', tags, summary: 'The stamping line calendar: capacity per day and POs in queue order (default: this week)', request: { query: z.strictObject({ from: IsoDay.optional(), to: IsoDay.optional() }) }, responses: { 200: json(CalendarDto) } }),
    async (c) => {
      const { db } = c.get('services');
      const from = c.req.valid('query').from ?? mondayOf(localDay(new Date()));
      const to = c.req.valid('query').to ?? addDays(from, 6);
      const setup = await readSetup(db);
      // nothing is set up until the first region or consignee: an empty calendar, not an error
      if (!setup) return c.json({ siteId: null, from, to, days: [] }, 200);
      return c.json(await poCalendar(db, setup.siteId, from, to), 200);
    },
  );
}
