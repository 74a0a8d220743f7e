import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Permission } from '../../contracts/permissions';
import type { AppEnv } from './env';
import { DomainError } from '../kernel/errors';
import { resolveSession, SESSION_COOKIE } from '../people/sessions';
import { resolveToken } from '../people/tokens';
import { actorForUser } from '../people/user-row';

export type RoutePermission = Permission | 'public';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling, from a bearer API token or the session cookie; anonymous is null.
 * Rejects nothing by itself: each route's `authorize` decides.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, config } = c.get('services');
  const auth = c.req.header('authorization');
  c.set('actor', null);
  c.set('csrfToken', null);
  if (auth?.startsWith('Bearer ')) {
    const resolved = await resolveToken(db, auth.slice(7).trim());
    if (!resolved) throw new DomainError('auth.unauthenticated', 'The API token is unknown, expired or revoked.');
    const owner = actorForUser(resolved.user);
    const scoped = new Set(resolved.scopes.filter((p) => owner.permissions.has(p)));
    c.set('actor', { ...owner, kind: 'token', tokenId: resolved.tokenId, permissions: scoped });
  } else {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) {
      const policy = { idleHours: config.sessionIdleHours, maxHours: config.sessionMaxHours };
      const session = await resolveSession(db, secret, policy);
      if (session) {
        c.set('actor', actorForUser(session.user, { sessionId: session.idHash }));
        c.set('csrfToken', session.csrfToken);
      }
    }
  }
  await next();
};

/**
 * The gate every route declares: 401 when anonymous, 403 without the permission, and for
 * cookie sessions a CSRF token on every state-changing method (tokens in headers are immune).
 */
export function authorize(permission: RoutePermission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    const services = c.get('services');
    if (permission !== 'public') {
      if (!actor) throw new DomainError('auth.unauthenticated', 'Sign in, or send an API token.');
      if (!actor.permissions.has(permission)) {
        throw new DomainError('auth.forbidden', `This needs the permission ${permission}.`, { permission });
      }
      if (actor.kind === 'user' && !SAFE_METHODS.has(c.req.method)) {
        const expected = c.get('csrfToken');
        if (!expected || c.req.header('x-csrf-token') !== expected) {
          throw new DomainError('auth.csrf', 'Send the X-CSRF-Token header from /api/auth/me.');
        }
      }
    }
    c.set('ctx', {
      db: services.db,
      actor: actor ?? { kind: 'system', userId: null, label: 'anonymous', roles: [], permissions: new Set(), customerId: null },
      requestId: c.get('requestId'),
      log: services.log.child({ requestId: c.get('requestId') }),
    });
    await next();
  };
}

/** Routes that take a JSON body refuse other media types before reading it. */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type)) {
    throw new DomainError('request.unsupported_media_type', 'Send the body as application/json.');
  }
  await next();
};
