import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { AuditEventDto, ActivityEvent } from '../../contracts/activity';
import { ListQuery, Page } from '../../contracts/common';
import type { AppEnv } from '../http/env';
import { defineRoute, json } from '../http/route';
import { listAudit } from './list-audit';
import { recentActivity } from './recent-activity';

const AuditQuery = ListQuery.omit({ q: true }).extend({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  command: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/audit', permission: 'audit.read', tags: ['Audit'], summary: 'The audit log, newest first', request: { query: AuditQuery }, responses: { 200: json(Page(AuditEventDto)) } }),
    async (c) => {
      const { limit, cursor, sort, ...filter } = c.req.valid('query');
      return c.json(await listAudit(c.get('services').db, filter, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/activity', permission: 'events.subscribe', tags: ['Live'], summary: 'Recent events this user may see, newest first', request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }) }, responses: { 200: json(z.object({ items: z.array(ActivityEvent) })) } }),
    async (c) => c.json({ items: await recentActivity(c.get('services').db, c.get('ctx').actor, c.req.valid('query').limit) }, 200),
  );
}
