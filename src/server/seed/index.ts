import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import { seedPeople } from './people';

export const DEMO_PASSWORD = 'shopfloor';

/**
 * Demo data for every module, written through the same commands users run. Seeds only an empty
 * database (no users yet); returns whether it seeded.
 */
export async function seedDemo(db: Db, log: Logger): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from app_user');
  if (row && row.n > 0) return false;
  await seedPeople(db, log);
  log.info('demo data seeded');
  return true;
}
