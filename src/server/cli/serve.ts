import type { Logger } from 'pino';
import type { DbConfig } from '../kernel/db/open';
import { describeDb } from '../kernel/db/open';
import { startServer } from '../server';
import { DEMO_USERS } from '../seed/people';
import { DEMO_PASSWORD } from '../seed';
import { buildWebIfNeeded } from './build-web';
import { flagValue, hasFlag, type Args } from './args';

/** Returns -1: the process keeps running until a signal. */
export async function serveCommand(args: Args, dbConfig: DbConfig, log: Logger): Promise<number> {
  if (hasFlag(args, 'build-if-needed')) buildWebIfNeeded();
  const port = Number(flagValue(args, 'port') ?? process.env.PORT ?? 3000);
  const server = await startServer({ port, db: dbConfig, log, seed: !hasFlag(args, 'no-seed') && process.env.SHOPFLOOR_SEED !== 'false' });
  const demo = await server.db.query<{ n: number }>(`select count(*)::int as n from app_user where username = 'admin'`);
  console.log(`\nShopfloor is running at ${server.url}  (database: ${describeDb(dbConfig)})`);
  console.log(`API reference: ${server.url}/api/docs`);
  if (demo[0]?.n) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}" unless changed): ${DEMO_USERS.map((u) => u.username).join(', ')}\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return -1;
}
