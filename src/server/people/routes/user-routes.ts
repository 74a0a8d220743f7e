import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CreateUser, ResetPassword, RoleSchema, TokenDto, UpdateUser, UserDto } from '../../../contracts/people';
import { IdParam, ListQuery, Page } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { flag, idempotencyKey, sendResult } from '../../http/respond';
import { createUser } from '../commands/create-user';
import { updateUser } from '../commands/update-user';
import { resetPassword } from '../commands/set-password';
import { revokeApiToken } from '../commands/api-tokens';
import { listOwnTokens } from '../queries/list-tokens';
import { listUsers } from '../queries/list-users';
import { findUser } from '../queries/get-user';
import { toUserDto } from '../user-row';

const tags = ['People'];
const UserQuery = ListQuery.extend({
  role: RoleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  departmentId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  customerId: z.uuid().optional(),
});

export function registerUserRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/users', permission: 'users.read', tags, summary: 'List users (sort: username, displayName, createdAt)', request: { query: UserQuery }, responses: { 200: json(Page(UserDto)) } }),
    async (c) => {
      const { limit, cursor, sort, q, role, active, departmentId, teamId, customerId } = c.req.valid('query');
      const page = await listUsers(c.get('services').db, { q, role, active: flag(active), departmentId, teamId, customerId }, { limit, cursor, sort });
      return c.json(page, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/users', permission: 'users.manage', tags, summary: 'Create a user', request: { body: jsonBody(CreateUser) }, responses: { 201: json(UserDto, 'Created') } }),
    async (c) => sendResult(c, await createUser(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/users/{id}', permission: 'users.read', tags, summary: 'One user', request: { params: IdParam }, responses: { 200: json(UserDto) } }),
    async (c) => c.json(toUserDto(await findUser(c.get('services').db, c.req.valid('param').id)), 200),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/users/{id}', permission: 'users.manage', tags, summary: 'Edit, re-role, move or deactivate a user', request: { params: IdParam, body: jsonBody(UpdateUser) }, responses: { 200: json(UserDto) } }),
    async (c) => sendResult(c, await updateUser(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/users/{id}/password', permission: 'users.manage', tags, summary: 'Set a new password (user must change it; sessions end)', request: { params: IdParam, body: jsonBody(ResetPassword) }, responses: { 200: json(z.object({ ok: z.literal(true) })) } }),
    async (c) => sendResult(c, await resetPassword(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').password)),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/users/{id}/tokens', permission: 'users.manage', tags, summary: 'A user\'s API tokens (never their secrets)', request: { params: IdParam }, responses: { 200: json(z.object({ items: z.array(TokenDto) })) } }),
    async (c) => {
      const { db } = c.get('services');
      const user = await findUser(db, c.req.valid('param').id);
      return c.json({ items: await listOwnTokens(db, user.id) }, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'delete', path: '/api/users/{id}/tokens/{tokenId}', permission: 'users.manage', tags, summary: 'Revoke a user\'s API token', request: { params: IdParam.extend({ tokenId: z.uuid() }) }, responses: { 200: json(TokenDto) } }),
    async (c) => c.json((await revokeApiToken(c.get('ctx'), c.req.valid('param').tokenId, c.req.valid('param').id)).body, 200),
  );
}
