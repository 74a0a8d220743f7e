import { resolve } from 'node:path';
import type { Db } from './types';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DbConfig {
  /** PostgreSQL server URL; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Embedded data directory; `memory` keeps it in memory. */
  dataDir?: string;
  maxConnections?: number;
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.SHOPFLOOR_DATA || './data',
    maxConnections: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
  };
}

export function openDb(cfg: DbConfig): Promise<Db> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl, { maxConnections: cfg.maxConnections });
  if (!cfg.dataDir || cfg.dataDir === 'memory') return openPglite();
  return openPglite(resolve(cfg.dataDir));
}

export function describeDb(cfg: DbConfig): string {
  if (cfg.databaseUrl) return `PostgreSQL ${new URL(cfg.databaseUrl).host}${new URL(cfg.databaseUrl).pathname}`;
  return cfg.dataDir === 'memory' ? 'embedded (in memory)' : `embedded (${resolve(cfg.dataDir ?? './data')})`;
}
