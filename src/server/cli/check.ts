import type { DbConfig } from '../kernel/db/open';
import { openDb } from '../kernel/db/open';
import { migrate } from '../kernel/db/migrate';
import { runChecks } from '../kernel/check';
import { ALL_CHECKS } from '../checks';
import { sha256 } from '../kernel/canonical';

export async function checkCommand(dbConfig: DbConfig): Promise<number> {
  const db = await openDb(dbConfig);
  try {
    await migrate(db);
    const { results, ok } = await runChecks(db, ALL_CHECKS);
    for (const r of results) {
      console.log(`${r.violations.length ? 'FAIL' : 'ok  '} ${r.name}: ${r.summary}`);
      for (const v of r.violations) console.log(`     ${v.check}: ${v.message}`);
    }
    const heads = await db.query<{ shard: number; seq: string; hash: string }>('select shard, seq, hash from audit_chain_head order by shard');
    const anchor = sha256(heads.map((h) => `${h.shard}:${h.seq}:${h.hash}`).join('\n'));
    console.log(`Audit anchor ${anchor} — record it elsewhere: a rewritten log will no longer match it.`);
    console.log(ok ? 'All invariants hold.' : 'Invariant violations found.');
    return ok ? 0 : 1;
  } finally {
    await db.close();
  }
}
