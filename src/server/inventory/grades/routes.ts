import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CreateGrade, GradeDto, GradeParam, RenameGrade } from '../../../contracts/grades';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { createGrade, renameGrade } from './commands';
import { listGrades } from './queries';

const tags = ['Stock'];

export function registerGradeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/grades', permission: 'inventory.read', tags, summary: 'Quality grades of stock, in display order', responses: { 200: json(z.object({ items: z.array(GradeDto) })) } }),
    async (c) => c.json({ items: await listGrades(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/grades', permission: 'inventory.manage', tags, summary: 'Add a grade (code: lowercase slug, unique)', request: { body: jsonBody(CreateGrade) }, responses: { 201: json(GradeDto, 'Created') } }),
    async (c) => sendResult(c, await createGrade(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/grades/{code}', permission: 'inventory.manage', tags, summary: 'Rename a grade (its code stays)', request: { params: GradeParam, body: jsonBody(RenameGrade) }, responses: { 200: json(GradeDto) } }),
    async (c) => sendResult(c, await renameGrade(c.get('ctx'), c.req.valid('param').code, c.req.valid('json').name)),
  );
}
