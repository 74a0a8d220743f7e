import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import { seedPeople } from './people';
import { seedStock } from './stock';
import { seedStampingMasterAndStamps } from './stamping';
import { seedStampingOrders } from './stamping-orders';
import { seedStampingRuns } from './stamping-runs';
import { seedStampingRequests } from './stamping-requests';

export const DEMO_PASSWORD = 'shopfloor';

/**
 * Demo data for every module, written through the same commands users run. Seeds only an empty
 * database (no users yet); returns whether it seeded.
 */
export async function seedDemo(db: Db, log: Logger): Promise<boolean> {
  if (db.dialect === 'pglite') return seedIfEmpty(db, log); // one process owns an embedded database
  // Instances starting together on one server queue here; the first seeds, the rest find users.
  return db.transaction(async (lock) => {
    await lock.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    return seedIfEmpty(db, log);
  });
}

const SEED_LOCK = 7_305_117_002;

async function seedIfEmpty(db: Db, log: Logger): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from app_user');
  if (row && row.n > 0) return false;
  await seedPeople(db, log, DEMO_PASSWORD);
  await seedStock(db, log);
  const stamping = await seedStampingMasterAndStamps(db, log);
  const orders = await seedStampingOrders(db, log, stamping);
  await seedStampingRuns(db, log, orders);
  await seedStampingRequests(db, log, stamping, orders);
  log.info('demo data seeded');
  return true;
}
