import type { Permission, Role } from '../../contracts/permissions';

/** Who is acting: a signed-in user, an API token acting for its user, or the system itself. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  /** Shown in audit and activity lines: the username, or `system`. */
  label: string;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  /** Set for customer users: everything they see or do is confined to this customer. */
  customerId: string | null;
  tokenId?: string;
  sessionId?: string;
}

export function systemActor(label = 'system'): Actor {
  return { kind: 'system', userId: null, label, roles: [], permissions: new Set(), customerId: null };
}

/** The key that scopes idempotency records: one client cannot replay another's response. */
export function actorScope(actor: Actor): string {
  if (actor.kind === 'token') return `token:${actor.tokenId}`;
  if (actor.kind === 'user') return `user:${actor.userId}`;
  return `system:${actor.label}`;
}
