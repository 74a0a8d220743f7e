import type { Queryable } from './db/types';
import { AUDIT_COLUMNS, claimChainHead, linkAudit, type AuditDraft, type AuditMeta } from './audit';
import { EVENTS_CHANNEL_SQL, OUTBOX_COLUMNS, outboxValues, type DomainEventDraft } from './outbox';

export interface CommitRecords {
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
 * Writes what every command leaves behind — its audit events linked onto a chain, its outbox
 * events with their NOTIFY, its idempotency response — in one statement, so the kernel costs two
 * round trips at commit whatever the command did.
 */
export async function writeCommitRecords(tx: Queryable, r: CommitRecords): Promise<void> {
  const head = await claimChainHead(tx);
  const linked = linkAudit(head, r.audits, r.meta);
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
  let select = 'select 1';
  if (r.events.length) {
    const events = r.events.map((e) => outboxValues(e, r.meta.actorId, r.meta.occurredAt));
    ctes.push(`o as (insert into outbox_event (${OUTBOX_COLUMNS}) values ${rows(events)} returning id)`);
    // NOTIFY is delivered only on commit: every instance hears exactly the committed events
    select = `select pg_notify(${EVENTS_CHANNEL_SQL}, (select string_agg(id::text, ',' order by id) from o))`;
  }
  await tx.query(`with ${ctes.join(',\n')} ${select}`, params);
}
