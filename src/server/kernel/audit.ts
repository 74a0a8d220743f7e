import type { Queryable } from './db/types';
import { canonicalJson, sha256 } from './canonical';
import { newId } from './ids';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditDraft {
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditMeta {
  command: string;
  actorId: string | null;
  actorLabel: string;
  requestId: string | null;
  occurredAt: Date;
}

export interface AuditRecord extends AuditDraft, AuditMeta {
  id: string;
  shard: number;
  seq: string;
  prevHash: string;
}

/** The hash that links one event to its predecessor; verification recomputes exactly this. */
export function auditHash(r: AuditRecord): string {
  return sha256(
    r.prevHash +
      canonicalJson([
        r.shard, r.seq, r.id, r.occurredAt.toISOString(), r.actorId, r.actorLabel, r.command,
        r.entityType, r.entityId, r.before ?? null, r.after ?? null, r.requestId,
      ]),
  );
}

/**
 * Links the drafts onto a free chain head and inserts them. Called last in a command's
 * transaction, so a head row is held only for the moment before commit.
 */
export async function appendAudit(tx: Queryable, drafts: AuditDraft[], meta: AuditMeta): Promise<void> {
  if (drafts.length === 0) return;
  let [head] = await tx.query<{ shard: number; seq: string; hash: string }>(
    'select shard, seq, hash from audit_chain_head order by random() limit 1 for update skip locked',
  );
  if (!head) {
    // every chain is mid-commit: wait for one
    [head] = await tx.query<{ shard: number; seq: string; hash: string }>(
      'select shard, seq, hash from audit_chain_head where shard = (random() * 15)::int for update',
    );
  }
  if (!head) throw new Error('audit_chain_head is empty');
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  const values: unknown[] = [];
  const rows: string[] = [];
  for (const d of drafts) {
    seq += 1n;
    const rec: AuditRecord = { ...d, ...meta, id: newId(), shard: head.shard, seq: seq.toString(), prevHash };
    const hash = auditHash(rec);
    const b = values.length;
    rows.push(`(${Array.from({ length: 14 }, (_, i) => `$${b + i + 1}`).join(',')})`);
    values.push(
      rec.id, rec.shard, rec.seq, rec.occurredAt, rec.actorId, rec.actorLabel, rec.command,
      rec.entityType, rec.entityId, json(rec.before), json(rec.after), rec.requestId, prevHash, hash,
    );
    prevHash = hash;
  }
  await tx.query(
    `insert into audit_event (id, shard, seq, occurred_at, actor_id, actor_label, command, entity_type,
       entity_id, before, after, request_id, prev_hash, hash) values ${rows.join(',')}`,
    values,
  );
  await tx.query('update audit_chain_head set seq = $2, hash = $3 where shard = $1', [
    head.shard,
    seq.toString(),
    prevHash,
  ]);
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
