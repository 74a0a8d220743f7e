import type { Queryable } from './db/types';
import { GENESIS_HASH, auditHash, type AuditRecord } from './audit';

export interface Violation {
  check: string;
  message: string;
}

interface EventRow {
  id: string; shard: number; seq: string; occurred_at: Date; actor_id: string | null;
  actor_label: string; command: string; entity_type: string; entity_id: string;
  before: unknown; after: unknown; request_id: string | null; prev_hash: string; hash: string;
}

/**
 * Walks every chain from its genesis to its head, recomputing each hash. Any edited, inserted,
 * removed or reordered event breaks a link; removing events at the end breaks the head.
 */
export async function verifyAuditChain(db: Queryable, batch = 5000): Promise<{ events: number; violations: Violation[] }> {
  const violations: Violation[] = [];
  const heads = await db.query<{ shard: number; seq: string; hash: string }>(
    'select shard, seq, hash from audit_chain_head order by shard',
  );
  let events = 0;
  for (const head of heads) {
    let prevHash = GENESIS_HASH;
    let expectSeq = 1n;
    let broken = false;
    for (;;) {
      const rows = await db.query<EventRow>(
        `select * from audit_event where shard = $1 and seq >= $2 order by seq limit $3`,
        [head.shard, expectSeq.toString(), batch],
      );
      for (const r of rows) {
        events++;
        if (broken) continue;
        const rec: AuditRecord = {
          id: r.id, shard: r.shard, seq: r.seq, occurredAt: r.occurred_at, actorId: r.actor_id,
          actorLabel: r.actor_label, command: r.command, entityType: r.entity_type,
          entityId: r.entity_id, before: r.before ?? undefined, after: r.after ?? undefined,
          requestId: r.request_id, prevHash: r.prev_hash,
        };
        const where = `audit chain ${r.shard} at event ${r.seq} (${r.command} ${r.entity_type} ${r.entity_id})`;
        if (BigInt(r.seq) !== expectSeq) {
          violations.push({ check: 'audit.sequence', message: `${where}: expected sequence ${expectSeq}` });
          broken = true;
        } else if (r.prev_hash !== prevHash) {
          violations.push({ check: 'audit.link', message: `${where}: does not link to its predecessor` });
          broken = true;
        } else if (auditHash(rec) !== r.hash) {
          violations.push({ check: 'audit.hash', message: `${where}: content does not match its hash` });
          broken = true;
        }
        prevHash = r.hash;
        expectSeq = BigInt(r.seq) + 1n;
      }
      if (rows.length < batch) break;
    }
    if (!broken && (BigInt(head.seq) !== expectSeq - 1n || head.hash !== prevHash)) {
      violations.push({
        check: 'audit.head',
        message: `audit chain ${head.shard}: head says ${head.seq} events but the chain has ${expectSeq - 1n}`,
      });
    }
  }
  return { events, violations };
}
