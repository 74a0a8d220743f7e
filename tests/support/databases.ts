import pg from 'pg';
import type { Db } from '../../src/server/kernel/db/types';
import { openPglite } from '../../src/server/kernel/db/pglite';
import { openPostgres } from '../../src/server/kernel/db/postgres';
import { migrate } from '../../src/server/kernel/db/migrate';
import { newSecret } from '../../src/server/kernel/ids';

export type DialectName = 'pglite' | 'postgres';

/** Every database suite runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. */
export const DIALECTS: DialectName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

export interface TestDb {
  db: Db;
  /** For PostgreSQL: a URL that opens the same private schema (for child processes). */
  url?: string;
  drop(): Promise<void>;
}

/** A PostgreSQL URL whose connections use a fresh, private schema. */
export async function createTestSchema(baseUrl = POSTGRES_URL!): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `t_${newSecret(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** A migrated, empty database of the dialect. */
export async function openTestDb(dialect: DialectName, opts: { migrate?: boolean; maxConnections?: number } = {}): Promise<TestDb> {
  let t: TestDb;
  if (dialect === 'pglite') {
    const db = await openPglite();
    t = { db, drop: () => db.close() };
  } else {
    const schema = await createTestSchema();
    const db = await openPostgres(schema.url, { maxConnections: opts.maxConnections ?? 40 });
    t = {
      db,
      url: schema.url,
      async drop() {
        await db.close();
        await schema.drop();
      },
    };
  }
  if (opts.migrate !== false) await migrate(t.db);
  return t;
}
