import type { Queryable, Tx } from './db/types';
import { AUDIT_COLUMNS, linkAudit, waitForChainHead, type AuditDraft, type AuditMeta, type ChainHead } from './audit';
import { OUTBOX_COLUMNS, outboxValues, type DomainEventDraft } from './outbox';

export interface CommitRecords {
  head: ChainHead;
  audits: AuditDraft[];
  meta: AuditMeta;
  events: DomainEventDraft[];
  idempotency: { scope: string; key: string; status: number; response: unknown } | null;
}

/** Collects statement parameters: `p(v)` adds one, `rows(r)` a VALUES list. */
function paramList() {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const rows = (rs: unknown[][]) => rs.map((r) => `(${r.map(p).join(', ')})`).join(', ');
  return { params, p, rows };
}

/**
 * Writes what every command leaves behind — its audit events linked onto its chain, its outbox
 * events, its idempotency response — in one statement, and commits with it. Returns the outbox
 * events' ids, to be announced once committed (`announceEvents`).
 */
export async function commitWithRecords(tx: Tx, r: CommitRecords): Promise<string[]> {
  const linked = linkAudit(r.head, r.audits, r.meta);
  const { params, p, rows } = paramList();
  const ctes = [
    `a as (insert into audit_event (${AUDIT_COLUMNS}) values ${rows(linked.rows)})`,
    `h as (update audit_chain_head set seq = ${p(linked.head.seq)}, hash = ${p(linked.head.hash)} where shard = ${p(linked.head.shard)})`,
  ];
  const i = r.idempotency;
  if (i) {
    ctes.push(`i as (update idempotency_key set status = ${p(i.status)}, response = ${p(JSON.stringify(i.response ?? null))}
      where scope = ${p(i.scope)} and key = ${p(i.key)})`);
  }
  let select = 'select null as ids';
  if (r.events.length) {
    const events = r.events.map((e) => outboxValues(e, r.meta.actorId, r.meta.occurredAt));
    ctes.push(`o as (insert into outbox_event (${OUTBOX_COLUMNS}) values ${rows(events)} returning id)`);
    select = 'select array(select o.id::text from o order by o.id) as ids';
  }
  const [row] = await tx.queryAndCommit<{ ids: string[] | null }>(`with ${ctes.join(',\n')} ${select}`, params);
  return row?.ids ?? [];
}

export interface KeyClaim {
  scope: string;
  key: string;
  command: string;
  requestHash: string;
}

/**
 * The command's first statement: takes a free audit chain head for this transaction and, with an
 * idempotency key, claims the key (a concurrent request with the same key blocks here until this
 * transaction ends). `keyClaimed` false means the key was used before.
 */
export async function claimCommandSlots(tx: Queryable, claim: KeyClaim | null): Promise<{ head: ChainHead; keyClaimed: boolean }> {
  const params: unknown[] = [];
  let keyCte = '';
  let claimed = 'true';
  if (claim) {
    params.push(claim.scope, claim.key, claim.command, claim.requestHash);
    keyCte = `with k as (insert into idempotency_key (scope, key, command, request_hash, status)
      values ($1, $2, $3, $4, 0) on conflict do nothing returning 1) `;
    claimed = 'exists (select 1 from k)';
  }
  const [row] = await tx.query<{ claimed: boolean; shard: number | null; seq: string | null; hash: string | null }>(
    `${keyCte}select ${claimed} as claimed, h.shard, h.seq, h.hash from (select 1) as one
     left join lateral (select shard, seq, hash from audit_chain_head order by random() limit 1 for update skip locked) h on true`,
    params,
  );
  const head = row!.shard !== null ? { shard: row!.shard, seq: row!.seq!, hash: row!.hash! } : await waitForChainHead(tx);
  return { head, keyClaimed: row!.claimed };
}
