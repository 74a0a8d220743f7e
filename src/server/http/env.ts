import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import type { Actor } from '../kernel/actor';
import type { Ctx } from '../kernel/context';
import type { EventBus } from '../kernel/event-bus';
import type { AuthCache } from '../people/auth-cache';

export interface ServerConfig {
  /** Secure cookies when served over HTTPS (behind a proxy). */
  secureCookies: boolean;
  sessionIdleHours: number;
  sessionMaxHours: number;
  bodyLimitBytes: number;
  webDir: string | null;
}

/** Process-wide parts a request handler may use. */
export interface Services {
  db: Db;
  log: Logger;
  bus: EventBus;
  authCache: AuthCache;
  config: ServerConfig;
}

export interface AppEnv {
  Variables: {
    services: Services;
    requestId: string;
    /** Resolved from the session cookie or bearer token; null when anonymous. */
    actor: Actor | null;
    /** The session's CSRF token, when the caller uses a session cookie. */
    csrfToken: string | null;
    /** A bearer token was sent but is unknown, expired or revoked: refused by routes that need a caller. */
    tokenRejected?: boolean;
    /** Set by `authorize`: the context every use case receives. */
    ctx: Ctx;
  };
}
