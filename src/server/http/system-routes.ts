import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { PERMISSIONS, PERMISSION_NAMES, ROLES, ROLE_LABELS } from '../../contracts/permissions';
import type { AppEnv } from './env';
import { defineRoute, json } from './route';
import { schemaVersion } from '../kernel/db/migrate';
import { DomainError } from '../kernel/errors';
import { streamEvents } from './sse';

export const APP_VERSION = '0.1.0';

const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({ dialect: z.string(), reachable: z.boolean(), schemaVersion: z.number().int() }),
});

const RoleMatrix = z.object({
  roles: z.array(z.object({ id: z.string(), label: z.string() })),
  permissions: z.array(z.object({ id: z.string(), label: z.string(), roles: z.array(z.string()) })),
});

export function registerSystemRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/health', permission: 'public', tags: ['System'], summary: 'Database reachable and schema version', responses: { 200: json(Health), 503: { description: 'Database unreachable' } } }),
    async (c) => {
      const { db } = c.get('services');
      try {
        const version = await schemaVersion(db);
        return c.json({ status: 'ok' as const, version: APP_VERSION, database: { dialect: db.dialect, reachable: true, schemaVersion: version } }, 200);
      } catch {
        throw new DomainError('server.unavailable', 'The database is not reachable.');
      }
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/roles', permission: 'roles.read', tags: ['People'], summary: 'The permission matrix', responses: { 200: json(RoleMatrix) } }),
    (c) =>
      c.json({
        roles: ROLES.map((id) => ({ id, label: ROLE_LABELS[id] })),
        permissions: PERMISSION_NAMES.map((id) => ({ id, label: PERMISSIONS[id].label, roles: [...PERMISSIONS[id].roles] })),
      }, 200),
  );
  app.openapi(
    defineRoute({
      method: 'get', path: '/api/events', permission: 'events.subscribe', tags: ['Live'],
      summary: 'Server-sent events: committed domain events this user may see (send Last-Event-ID to resume)',
      responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } } },
    }),
    (c) => streamEvents(c) as never,
  );
}
