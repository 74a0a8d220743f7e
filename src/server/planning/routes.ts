import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CapacityWarning, ClosedDayDto, CloseDay, DayDto, IsoDay, SiteDto, UpdateSite } from '../../contracts/planning';
import { IdParam } from '../../contracts/common';
import type { AppEnv } from '../http/env';
import { defineRoute, json, jsonBody } from '../http/route';
import { idempotencyKey, sendResult } from '../http/respond';
import { listClosedDays, listSites } from './site';
import { localDay } from './days';
import { siteDays } from './queries/days';
import { closeDay, reopenDay, updateSite } from './commands/site-calendar';

const tags = ['Planning'];

export function registerPlanningRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/planning/sites', permission: 'planning.read', tags, summary: 'Sites with their daily cap and working weekdays', responses: { 200: json(z.object({ items: z.array(SiteDto) })) } }),
    async (c) => c.json({ items: await listSites(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/planning/sites/{id}', permission: 'planning.manage', tags, summary: 'Set the daily cap or working weekdays', request: { params: IdParam, body: jsonBody(UpdateSite) }, responses: { 200: json(SiteDto.extend({ warnings: z.array(CapacityWarning) })) } }),
    async (c) => sendResult(c, await updateSite(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/planning/sites/{id}/days', permission: 'planning.read', tags, summary: 'Days with cap, booked, free and over-cap figures', request: { params: IdParam, query: z.strictObject({ from: IsoDay, to: IsoDay }) }, responses: { 200: json(z.object({ items: z.array(DayDto) })) } }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json({ items: await siteDays(c.get('services').db, c.req.valid('param').id, from, to) }, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/planning/sites/{id}/closed-days', permission: 'planning.read', tags, summary: 'Closed days from a day on (default today)', request: { params: IdParam, query: z.strictObject({ from: IsoDay.optional() }) }, responses: { 200: json(z.object({ items: z.array(ClosedDayDto) })) } }),
    async (c) => c.json({ items: await listClosedDays(c.get('services').db, c.req.valid('param').id, c.req.valid('query').from ?? localDay(new Date())) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/planning/sites/{id}/closed-days', permission: 'planning.manage', tags, summary: 'Close a day', request: { params: IdParam, body: jsonBody(CloseDay) }, responses: { 200: json(z.object({ day: IsoDay, reason: z.string().nullable(), runsStillBooked: z.number().int() })) } }),
    async (c) => sendResult(c, await closeDay(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'delete', path: '/api/planning/sites/{id}/closed-days/{day}', permission: 'planning.manage', tags, summary: 'Reopen a closed day', request: { params: IdParam.extend({ day: IsoDay }) }, responses: { 200: json(z.object({ day: IsoDay, reopened: z.boolean() })) } }),
    async (c) => {
      const { id, day } = c.req.valid('param');
      return sendResult(c, await reopenDay(c.get('ctx'), id, day, idempotencyKey(c)));
    },
  );
}
