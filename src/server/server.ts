import { serve, type ServerType } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Db } from './kernel/db/types';
import { openDb, type DbConfig } from './kernel/db/open';
import { migrate } from './kernel/db/migrate';
import { EventBus } from './kernel/event-bus';
import { pruneIdempotencyKeys } from './kernel/run-command';
import { createApp } from './http/app';
import type { ServerConfig } from './http/env';
import { pruneSessions } from './people/sessions';
import { sweepExpiredReservations } from './inventory/commands/reservations';
import { systemActor } from './kernel/actor';
import { seedDemo } from './seed';
import { AuthCache } from './people/auth-cache';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface StartOptions {
  port: number;
  host?: string;
  db: DbConfig;
  log: Logger;
  seed: boolean;
  config?: Partial<ServerConfig>;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  seeded: boolean;
  close(): Promise<void>;
}

export function defaultServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    secureCookies: env.SHOPFLOOR_SECURE_COOKIES === 'true',
    sessionIdleHours: Number(env.SHOPFLOOR_SESSION_IDLE_HOURS ?? 12),
    sessionMaxHours: Number(env.SHOPFLOOR_SESSION_MAX_HOURS ?? 24 * 7),
    bodyLimitBytes: Number(env.SHOPFLOOR_BODY_LIMIT_BYTES ?? 1024 * 1024),
    webDir: existsSync(DEFAULT_WEB_DIR) ? DEFAULT_WEB_DIR : null,
  };
}

/** Opens the database, migrates, seeds demo data on an empty database, and serves HTTP. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const db = await openDb(opts.db);
  const log = opts.log;
  try {
    const { applied } = await migrate(db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const seeded = opts.seed ? await seedDemo(db, log) : false;
    const bus = new EventBus(db, log);
    await bus.start();
    const config = { ...defaultServerConfig(), ...opts.config };
    const authCache = new AuthCache();
    const stopAuthListener = await authCache.listen(db);
    const app = createApp({ db, log, bus, config, authCache });
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host ?? '0.0.0.0' }, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const housekeeping = setInterval(() => {
      Promise.all([pruneIdempotencyKeys(db), pruneSessions(db)]).catch((err) => log.warn({ err }, 'housekeeping failed'));
    }, 60 * 60 * 1000);
    housekeeping.unref();
    // an expired reservation stops blocking stock within a minute, whether or not anyone reserves there again
    const expiry = setInterval(() => {
      sweepExpiredReservations({ db, actor: systemActor('housekeeping'), requestId: null, log }).catch((err) => log.warn({ err }, 'reservation sweep failed'));
    }, 60 * 1000);
    expiry.unref();
    return {
      url: `http://localhost:${port}`,
      port,
      db,
      seeded,
      async close() {
        clearInterval(housekeeping);
        clearInterval(expiry);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await bus.close();
        await stopAuthListener();
        authCache.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}
