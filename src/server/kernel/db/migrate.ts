import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './types';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../migrations/', import.meta.url));

/** Arbitrary constant: the advisory lock every starting instance queues on. */
const MIGRATION_LOCK = 7_305_117_001;

interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(dir + file, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so several instances
 * starting together queue here and each finds the schema complete. An applied migration whose
 * file changed is refused: history is never rewritten silently.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<{ applied: string[]; version: number }> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`create table if not exists schema_migration (
      version int primary key, name text not null, checksum text not null,
      applied_at timestamptz not null default now())`);
    const done = await tx.query<{ version: number; name: string; checksum: string }>(
      'select version, name, checksum from schema_migration order by version',
    );
    const byVersion = new Map(done.map((m) => [m.version, m]));
    const applied: string[] = [];
    for (const m of migrations) {
      const prior = byVersion.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('insert into schema_migration (version, name, checksum) values ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      applied.push(m.name);
    }
    return { applied, version: migrations.at(-1)?.version ?? 0 };
  });
}

export async function schemaVersion(db: Db): Promise<number> {
  const rows = await db.query<{ v: number | null }>('select max(version)::int as v from schema_migration');
  return rows[0]?.v ?? 0;
}
