import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Permission } from '../../contracts/permissions';
import type { AppEnv } from './env';
import { DomainError } from '../kernel/errors';
import { resolveSession, SESSION_COOKIE } from '../people/sessions';
import { resolveToken } from '../people/tokens';
import { actorForToken, actorForUser } from '../people/user-row';
import type { CachedIdentity } from '../people/auth-cache';
import { sha256 } from '../kernel/canonical';

export type RoutePermission = Permission | 'public';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling, from a bearer API token or the session cookie; anonymous is null.
 * Rejects nothing by itself: each route's `authorize` decides.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { authCache } = c.get('services');
  const auth = c.req.header('authorization');
  const secret = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : getCookie(c, SESSION_COOKIE);
  const kind = auth?.startsWith('Bearer ') ? 'token' : 'session';
  let identity: CachedIdentity | null = null;
  if (secret) {
    const key = `${kind}:${sha256(secret)}`;
    identity = authCache.get(key) ?? null;
    if (!identity) {
      identity = await (kind === 'token' ? identifyToken(c, secret) : identifySession(c, secret));
      if (identity) authCache.set(key, identity);
    }
  }
  c.set('actor', identity?.actor ?? null);
  c.set('csrfToken', identity?.csrfToken ?? null);
  // a stale token does not shut the caller out of public routes (health, sign-in)
  if (secret && kind === 'token' && !identity) c.set('tokenRejected', true);
  await next();
};

async function identifyToken(c: Context<AppEnv>, token: string): Promise<CachedIdentity | null> {
  const resolved = await resolveToken(c.get('services').db, token);
  if (!resolved) return null;
  return { actor: actorForToken(resolved.user, resolved.tokenId, resolved.scopes), csrfToken: null, userId: resolved.user.id };
}

async function identifySession(c: Context<AppEnv>, secret: string): Promise<CachedIdentity | null> {
  const { db, config } = c.get('services');
  const session = await resolveSession(db, secret, { idleHours: config.sessionIdleHours, maxHours: config.sessionMaxHours });
  if (!session) return null;
  return { actor: actorForUser(session.user, { sessionId: session.idHash }), csrfToken: session.csrfToken, userId: session.user.id };
}

/**
 * The gate every route declares: 401 when anonymous, 403 without the permission, and for
 * cookie sessions a CSRF token on every state-changing method (tokens in headers are immune).
 */
export function authorize(permission: RoutePermission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    const services = c.get('services');
    if (permission !== 'public') {
      if (c.get('tokenRejected')) throw new DomainError('auth.unauthenticated', 'The API token is unknown, expired or revoked.');
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
