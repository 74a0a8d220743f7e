import type { UserDto } from '../../../contracts/people';
import type { Role } from '../../../contracts/permissions';
import type { Queryable } from '../../kernel/db/types';
import { conditions, listPage, likePattern, type ListArgs } from '../../kernel/pagination';
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
  const { where, params, add } = conditions();
  add(`(u.username ilike ? or u.display_name ilike ? or coalesce(u.email, '') ilike ?)`, filter.q ? likePattern(filter.q) : undefined);
  add('? = any (u.roles)', filter.role);
  add('u.active = ?', filter.active);
  add('u.department_id = ?', filter.departmentId);
  add('u.team_id = ?', filter.teamId);
  add('u.customer_id = ?', filter.customerId);
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
