/** Wire types, taken from the shared contracts (type-only: no validation code reaches the bundle). */
export type { UserDto, Me, DepartmentDto, TeamDto, CustomerDto, TokenDto } from '../../contracts/people';
export type { ActivityEvent, AuditEventDto } from '../../contracts/activity';
export type { Role, Permission } from '../../contracts/permissions';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Items<T> {
  items: T[];
}

export interface RoleMatrix {
  roles: Array<{ id: string; label: string }>;
  permissions: Array<{ id: string; label: string; roles: string[] }>;
}

export interface Ok {
  ok: true;
}
