import type { CustomerDto, DepartmentDto, TeamDto } from '../../../contracts/people';
import type { Queryable } from '../../kernel/db/types';
import { listPage, likePattern, type ListArgs } from '../../kernel/pagination';

interface DepartmentRow { id: string; code: string; name: string; active: boolean; team_count: number; member_count: number }
interface TeamRow { id: string; department_id: string; code: string; name: string; lead_user_id: string | null; active: boolean; member_count: number }
interface CustomerRow {
  id: string; code: string; name: string; email: string | null; phone: string | null; address: string | null;
  active: boolean; user_count: number; created_at: Date;
}

const toDepartment = (r: DepartmentRow): DepartmentDto => ({
  id: r.id, code: r.code, name: r.name, active: r.active, teamCount: r.team_count, memberCount: r.member_count,
});
const toTeam = (r: TeamRow): TeamDto => ({
  id: r.id, departmentId: r.department_id, code: r.code, name: r.name, leadUserId: r.lead_user_id, active: r.active,
  memberCount: r.member_count,
});
const toCustomer = (r: CustomerRow): CustomerDto => ({
  id: r.id, code: r.code, name: r.name, email: r.email, phone: r.phone, address: r.address, active: r.active,
  userCount: r.user_count, createdAt: r.created_at.toISOString(),
});

const DEPARTMENT_SELECT = `select d.id, d.code, d.name, d.active,
  (select count(*)::int from team t where t.department_id = d.id) as team_count,
  (select count(*)::int from app_user u where u.department_id = d.id and u.active) as member_count
  from department d`;
const TEAM_SELECT = `select t.id, t.department_id, t.code, t.name, t.lead_user_id, t.active,
  (select count(*)::int from app_user u where u.team_id = t.id and u.active) as member_count from team t`;
const CUSTOMER_SELECT = `select c.id, c.code, c.name, c.email, c.phone, c.address, c.active, c.created_at,
  (select count(*)::int from app_user u where u.customer_id = c.id) as user_count from customer c`;

/** Departments are few: listed whole, ordered by code. */
export async function listDepartments(db: Queryable): Promise<DepartmentDto[]> {
  return (await db.query<DepartmentRow>(`${DEPARTMENT_SELECT} order by lower(d.code)`)).map(toDepartment);
}
export async function getDepartment(db: Queryable, id: string): Promise<DepartmentDto | undefined> {
  const [r] = await db.query<DepartmentRow>(`${DEPARTMENT_SELECT} where d.id = $1`, [id]);
  return r && toDepartment(r);
}

export async function listTeams(db: Queryable, departmentId?: string): Promise<TeamDto[]> {
  const rows = departmentId
    ? await db.query<TeamRow>(`${TEAM_SELECT} where t.department_id = $1 order by lower(t.code)`, [departmentId])
    : await db.query<TeamRow>(`${TEAM_SELECT} order by lower(t.code)`);
  return rows.map(toTeam);
}
export async function getTeam(db: Queryable, id: string): Promise<TeamDto | undefined> {
  const [r] = await db.query<TeamRow>(`${TEAM_SELECT} where t.id = $1`, [id]);
  return r && toTeam(r);
}

export async function listCustomers(db: Queryable, filter: { q?: string; active?: boolean }, args: ListArgs) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.q) {
    params.push(likePattern(filter.q));
    where.push(`(c.code ilike $${params.length} or c.name ilike $${params.length})`);
  }
  if (filter.active !== undefined) {
    params.push(filter.active);
    where.push(`c.active = $${params.length}`);
  }
  const page = await listPage<CustomerRow>(db, {
    select: CUSTOMER_SELECT, where, params,
    sortable: { code: 'lower(c.code)', name: 'c.name', createdAt: 'c.created_at' },
    defaultSort: 'name', idColumn: 'c.id',
    cursorOf: (r, f) => [f === 'code' ? r.code.toLowerCase() : f === 'name' ? r.name : r.created_at, r.id],
  }, args);
  return { items: page.rows.map(toCustomer), nextCursor: page.nextCursor };
}
export async function getCustomer(db: Queryable, id: string): Promise<CustomerDto | undefined> {
  const [r] = await db.query<CustomerRow>(`${CUSTOMER_SELECT} where c.id = $1`, [id]);
  return r && toCustomer(r);
}
