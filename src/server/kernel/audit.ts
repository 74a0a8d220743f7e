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

export interface ChainHead {
  shard: number;
  seq: string;
  hash: string;
}

/** When every chain head is held by a running command: wait for one of them. */
export async function waitForChainHead(tx: Queryable): Promise<ChainHead> {
  const [busy] = await tx.query<ChainHead>(
    'select shard, seq, hash from audit_chain_head where shard = (select floor(random() * count(*))::int from audit_chain_head) for update',
  );
  if (!busy) throw new Error('audit_chain_head is empty');
  return busy;
}

/** The audit rows linked onto `head`, as insert values, and the head after them. */
export function linkAudit(head: ChainHead, drafts: AuditDraft[], meta: AuditMeta): { rows: unknown[][]; head: ChainHead } {
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  const rows: unknown[][] = [];
  for (const d of drafts) {
    seq += 1n;
    const rec: AuditRecord = { ...d, ...meta, id: newId(), shard: head.shard, seq: seq.toString(), prevHash };
    const hash = auditHash(rec);
    rows.push([
      rec.id, rec.shard, rec.seq, rec.occurredAt, rec.actorId, rec.actorLabel, rec.command,
      rec.entityType, rec.entityId, json(rec.before), json(rec.after), rec.requestId, prevHash, hash,
    ]);
    prevHash = hash;
  }
  return { rows, head: { shard: head.shard, seq: seq.toString(), hash: prevHash } };
}

export const AUDIT_COLUMNS =
  'id, shard, seq, occurred_at, actor_id, actor_label, command, entity_type, entity_id, before, after, request_id, prev_hash, hash';

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));
