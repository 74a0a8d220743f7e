import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CreateDepartment, CreateTeam, DepartmentDto, TeamDto, UpdateDepartment, UpdateTeam } from '../../../contracts/people';
import { IdParam } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { createDepartment, deleteDepartment, updateDepartment } from '../commands/departments';
import { createTeam, deleteTeam, updateTeam } from '../commands/teams';
import { listDepartments, listTeams } from '../queries/list-org';

const tags = ['Organisation'];
const Ok = z.object({ ok: z.literal(true) });

export function registerOrgRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/departments', permission: 'org.read', tags, summary: 'All departments', responses: { 200: json(z.object({ items: z.array(DepartmentDto) })) } }),
    async (c) => c.json({ items: await listDepartments(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/departments', permission: 'org.manage', tags, summary: 'Create a department', request: { body: jsonBody(CreateDepartment) }, responses: { 201: json(DepartmentDto, 'Created') } }),
    async (c) => sendResult(c, await createDepartment(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/departments/{id}', permission: 'org.manage', tags, summary: 'Rename or (de)activate a department', request: { params: IdParam, body: jsonBody(UpdateDepartment) }, responses: { 200: json(DepartmentDto) } }),
    async (c) => sendResult(c, await updateDepartment(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'))),
  );
  app.openapi(
    defineRoute({ method: 'delete', path: '/api/departments/{id}', permission: 'org.manage', tags, summary: 'Delete an empty department', request: { params: IdParam }, responses: { 200: json(Ok) } }),
    async (c) => sendResult(c, await deleteDepartment(c.get('ctx'), c.req.valid('param').id)),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/teams', permission: 'org.read', tags, summary: 'Teams, optionally of one department', request: { query: z.strictObject({ departmentId: z.uuid().optional() }) }, responses: { 200: json(z.object({ items: z.array(TeamDto) })) } }),
    async (c) => c.json({ items: await listTeams(c.get('services').db, c.req.valid('query').departmentId) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/teams', permission: 'org.manage', tags, summary: 'Create a team', request: { body: jsonBody(CreateTeam) }, responses: { 201: json(TeamDto, 'Created') } }),
    async (c) => sendResult(c, await createTeam(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/teams/{id}', permission: 'org.manage', tags, summary: 'Rename, re-lead or (de)activate a team', request: { params: IdParam, body: jsonBody(UpdateTeam) }, responses: { 200: json(TeamDto) } }),
    async (c) => sendResult(c, await updateTeam(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'))),
  );
  app.openapi(
    defineRoute({ method: 'delete', path: '/api/teams/{id}', permission: 'org.manage', tags, summary: 'Delete a team without members', request: { params: IdParam }, responses: { 200: json(Ok) } }),
    async (c) => sendResult(c, await deleteTeam(c.get('ctx'), c.req.valid('param').id)),
  );
}
