import type { UserDto } from '../../../contracts/people';
import type { Role } from '../../../contracts/permissions';
import type { Queryable } from '../../kernel/db/types';
import { listPage, likePattern, type ListArgs } from '../../kernel/pagination';
import { USER_COLUMNS, toUserDto, type UserRow } from '../user-row';

export interface UserFilter {
  q?: string;
  role?: Role;
  active?: boolean;
  departmentId?: string;
  teamId?: string;
  customerId?: string;
}

export async function listUsers(db: Queryable, filter: UserFilter, args: ListArgs): Promise<{ items: UserDto[]; nextCursor: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.q) add((n) => `(u.username ilike ${n} or u.display_name ilike ${n} or coalesce(u.email, '') ilike ${n})`, likePattern(filter.q));
  if (filter.role) add((n) => `${n} = any (u.roles)`, filter.role);
  if (filter.active !== undefined) add((n) => `u.active = ${n}`, filter.active);
  if (filter.departmentId) add((n) => `u.department_id = ${n}`, filter.departmentId);
  if (filter.teamId) add((n) => `u.team_id = ${n}`, filter.teamId);
  if (filter.customerId) add((n) => `u.customer_id = ${n}`, filter.customerId);
  const page = await listPage<UserRow>(
    db,
    {
      select: `select ${USER_COLUMNS} from app_user u`,
      where,
      params,
      sortable: { username: 'lower(u.username)', displayName: 'u.display_name', createdAt: 'u.created_at' },
      defaultSort: 'username',
      idColumn: 'u.id',
      cursorOf: (r, f) => [f === 'username' ? r.username.toLowerCase() : f === 'displayName' ? r.display_name : r.created_at, r.id],
    },
    args,
  );
  return { items: page.rows.map(toUserDto), nextCursor: page.nextCursor };
}
