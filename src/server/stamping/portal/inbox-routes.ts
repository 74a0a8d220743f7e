import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ApprovePoRequest, ModifyPoRequest, PoRequestDecision, PoRequestDto, PoRequestQuery, RejectPoRequest } from '../../../contracts/stamping-run';
import { IdParam } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { getRequest } from './queries/get-request';
import { listRequests } from './queries/list-requests';
import { approveRequest } from './commands/approve-request';
import { modifyRequest } from './commands/modify-request';
import { rejectRequest } from './commands/reject-request';

const tags = ['Stamping: customer requests'];

/** The plant's inbox of customer requests: read with `stamping.read`, decided with `stamping.plan`. */
export function registerRequestInboxRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/requests', permission: 'stamping.read', tags, summary: 'Customer requests: pending and modified first', request: { query: PoRequestQuery }, responses: { 200: json(z.object({ items: z.array(PoRequestDto) })) } }),
    async (c) => c.json({ items: await listRequests(c.get('services').db, c.req.valid('query')) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/requests/{id}', permission: 'stamping.read', tags, summary: 'A customer request with its lines and delivery wishes', request: { params: IdParam }, responses: { 200: json(PoRequestDto) } }),
    async (c) => c.json(await getRequest(c.get('services').db, c.req.valid('param').id), 200),
  );
  const decide = <B extends z.ZodType>(path: string, summary: string, body: B) =>
    defineRoute({ method: 'post', path, permission: 'stamping.plan', tags, summary, request: { params: IdParam, body: jsonBody(body) }, responses: { 200: json(PoRequestDecision) } });
  app.openapi(decide('/api/stamping/requests/{id}/approve', 'Approve: a PO on the requested day, through the New PO rules', ApprovePoRequest),
    async (c) => sendResult(c, await approveRequest(c.get('ctx'), c.req.valid('param').id, c.req.valid('json' as never) as z.infer<typeof ApprovePoRequest>, idempotencyKey(c))));
  app.openapi(decide('/api/stamping/requests/{id}/modify', 'Propose another day and/or smaller quantities; the customer accepts or declines', ModifyPoRequest),
    async (c) => sendResult(c, await modifyRequest(c.get('ctx'), c.req.valid('param').id, c.req.valid('json' as never) as z.infer<typeof ModifyPoRequest>, idempotencyKey(c))));
  app.openapi(decide('/api/stamping/requests/{id}/reject', 'Reject with a reason the customer sees', RejectPoRequest),
    async (c) => sendResult(c, await rejectRequest(c.get('ctx'), c.req.valid('param').id, (c.req.valid('json' as never) as z.infer<typeof RejectPoRequest>).reason, idempotencyKey(c))));
}
