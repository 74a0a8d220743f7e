import type { AuditEventDto } from '../../contracts/activity';
import type { Queryable } from '../kernel/db/types';
import { conditions, listPage, type ListArgs } from '../kernel/pagination';

interface Row {
  id: string; occurred_at: Date; actor_id: string | null; actor_label: string; command: string;
  entity_type: string; entity_id: string; before: unknown; after: unknown; request_id: string | null;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  command?: string;
  from?: string;
  to?: string;
}

export async function listAudit(db: Queryable, f: AuditFilter, args: ListArgs): Promise<{ items: AuditEventDto[]; nextCursor: string | null }> {
  const { where, params, add } = conditions();
  add('entity_type = ?', f.entityType);
  add('entity_id = ?', f.entityId);
  add('actor_id = ?', f.actorId);
  add('command = ?', f.command);
  add('occurred_at >= ?', f.from);
  add('occurred_at < ?', f.to);
  const page = await listPage<Row>(db, {
    select: 'select id, occurred_at, actor_id, actor_label, command, entity_type, entity_id, before, after, request_id from audit_event',
    where, params,
    sortable: { occurredAt: 'occurred_at' },
    defaultSort: '-occurredAt',
    idColumn: 'id',
    cursorOf: (r) => [r.occurred_at, r.id],
  }, args);
  return {
    items: page.rows.map((r) => ({
      id: r.id, occurredAt: r.occurred_at.toISOString(), actorId: r.actor_id, actorLabel: r.actor_label,
      command: r.command, entityType: r.entity_type, entityId: r.entity_id, before: r.before, after: r.after,
      requestId: r.request_id,
    })),
    nextCursor: page.nextCursor,
  };
}
