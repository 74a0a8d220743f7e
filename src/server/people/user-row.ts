import type { UserDto } from '../../contracts/people';
import type { Permission, Role } from '../../contracts/permissions';
import { permissionsOf, CUSTOMER_SAFE } from '../../contracts/permissions';
import type { Actor } from '../kernel/actor';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  roles: Role[];
  department_id: string | null;
  team_id: string | null;
  customer_id: string | null;
  active: boolean;
  must_change_password: boolean;
  created_at: Date;
  updated_at: Date;
  last_login_at: Date | null;
}

export const USER_COLUMNS = `u.id, u.username, u.display_name, u.email, u.password_hash, u.roles,
  u.department_id, u.team_id, u.customer_id, u.active, u.must_change_password, u.created_at,
  u.updated_at, u.last_login_at`;

/** A user who may act now: active, and for a customer user, their customer active too. */
export const USABLE_USER = `u.active and (u.customer_id is null or exists (select 1 from customer c where c.id = u.customer_id and c.active))`;

export function toUserDto(r: UserRow): UserDto {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    roles: r.roles,
    departmentId: r.department_id,
    teamId: r.team_id,
    customerId: r.customer_id,
    active: r.active,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at.toISOString(),
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
  };
}

/** What a user may do: their roles' permissions, and for customer users never more than the safe set. */
export function actorForUser(r: UserRow, extra: Partial<Actor> = {}): Actor {
  let permissions = permissionsOf(r.roles);
  if (r.customer_id) permissions = new Set([...permissions].filter((p) => CUSTOMER_SAFE.has(p)));
  // until a temporary password is replaced the user may only see themselves, change it or sign
  // out — on the server, not only in the web app; a token they issue meanwhile can hold nothing more
  if (r.must_change_password) permissions = new Set([...permissions].filter((p) => p === 'self.use'));
  return {
    kind: 'user',
    userId: r.id,
    label: r.username,
    roles: r.roles,
    permissions,
    customerId: r.customer_id,
    ...extra,
  };
}

/** What a token may do: its scopes, within what its user may do now. */
export function actorForToken(r: UserRow, tokenId: string, scopes: readonly Permission[]): Actor {
  const owner = actorForUser(r);
  return { ...owner, kind: 'token', tokenId, permissions: new Set(scopes.filter((p) => owner.permissions.has(p))) };
}

/** The audit view of a user: everything but the password hash. */
export function auditUser(r: UserRow): Omit<UserDto, 'createdAt' | 'lastLoginAt'> {
  const { createdAt: _c, lastLoginAt: _l, ...rest } = toUserDto(r);
  return rest;
}
