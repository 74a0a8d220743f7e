import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { setCookie, deleteCookie } from 'hono/cookie';
import { ChangePassword, CreateToken, CreatedToken, Login, Me, TokenDto } from '../../../contracts/people';
import { IdParam } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { login } from '../commands/login';
import { logout } from '../commands/logout';
import { changeOwnPassword } from '../commands/set-password';
import { createApiToken, revokeApiToken } from '../commands/api-tokens';
import { describeMe } from '../queries/get-me';
import { listOwnTokens } from '../queries/list-tokens';
import { SESSION_COOKIE } from '../sessions';
import { clientIp } from '../../http/client-ip';

const Ok = z.object({ ok: z.literal(true) });
const tags = ['Account'];

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'post', path: '/api/auth/login', permission: 'public', tags, summary: 'Sign in', request: { body: jsonBody(Login) }, responses: { 200: json(Me) } }),
    async (c) => {
      const services = c.get('services');
      const { me, secret } = await login(services, c.req.valid('json'), {
        ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null, requestId: c.get('requestId'),
      });
      setCookie(c, SESSION_COOKIE, secret, {
        httpOnly: true, sameSite: 'Lax', path: '/', secure: services.config.secureCookies,
        maxAge: services.config.sessionMaxHours * 3600,
      });
      return c.json(me, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/auth/logout', permission: 'self.use', tags, summary: 'Sign out', responses: { 200: json(Ok) } }),
    async (c) => {
      await logout(c.get('ctx'));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/auth/me', permission: 'self.use', tags, summary: 'The signed-in user, permissions and CSRF token', responses: { 200: json(Me) } }),
    async (c) => c.json(await describeMe(c.get('services').db, c.get('ctx').actor, c.get('csrfToken')), 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/auth/password', permission: 'self.use', tags, summary: 'Change own password', request: { body: jsonBody(ChangePassword) }, responses: { 200: json(Ok) } }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      return sendResult(c, await changeOwnPassword(c.get('ctx'), currentPassword, newPassword));
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/auth/tokens', permission: 'self.use', tags, summary: 'Own API tokens', responses: { 200: json(z.object({ items: z.array(TokenDto) })) } }),
    async (c) => c.json({ items: await listOwnTokens(c.get('services').db, c.get('ctx').actor.userId!) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/auth/tokens', permission: 'self.use', tags, summary: 'Issue an API token (the secret is shown once)', request: { body: jsonBody(CreateToken) }, responses: { 201: json(CreatedToken, 'Created') } }),
    async (c) => sendResult(c, await createApiToken(c.get('ctx'), c.req.valid('json') as never, idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'delete', path: '/api/auth/tokens/{id}', permission: 'self.use', tags, summary: 'Revoke an API token', request: { params: IdParam }, responses: { 200: json(TokenDto) } }),
    async (c) => c.json((await revokeApiToken(c.get('ctx'), c.req.valid('param').id)).body, 200),
  );
}
