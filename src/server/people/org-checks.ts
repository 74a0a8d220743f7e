import type { Role } from '../../contracts/permissions';
import type { Queryable } from '../kernel/db/types';
import { DomainError } from '../kernel/errors';

export interface Placement {
  roles: Role[];
  departmentId: string | null;
  teamId: string | null;
  customerId: string | null;
}

/**
 * Checks where a user sits: a customer user has exactly the customer role and one active
 * customer; staff have no customer; a team implies its department. Returns the completed placement.
 * `held` is where the user already sits: a customer, team or department deactivated since is kept
 * (a leaver of a closed team can still be renamed or deactivated), it just cannot be newly chosen.
 */
export async function checkPlacement(tx: Queryable, p: Placement, held: Partial<Placement> = {}): Promise<Placement> {
  const isCustomer = p.roles.includes('customer');
  if (isCustomer && (p.roles.length > 1 || !p.customerId)) {
    throw new DomainError('people.customer_required', 'A customer user has only the customer role and belongs to one customer.', {
      errors: [{ field: p.customerId ? 'roles' : 'customerId', message: 'customer users belong to exactly one customer and hold only the customer role' }],
    });
  }
  if (!isCustomer && p.customerId) {
    throw new DomainError('people.customer_not_allowed', 'Only users with the customer role belong to a customer.', {
      errors: [{ field: 'customerId', message: 'only customer users belong to a customer' }],
    });
  }
  if (p.customerId) {
    const c = await tx.query('select 1 from customer where id = $1 and (active or id = $2)', [p.customerId, held.customerId ?? null]);
    if (!c.length) throw new DomainError('people.customer_not_found', 'No active customer with that id.', { errors: [{ field: 'customerId', message: 'no active customer with that id' }] });
  }
  let departmentId = p.departmentId;
  if (p.teamId) {
    const [team] = await tx.query<{ department_id: string }>('select department_id from team where id = $1 and (active or id = $2)', [p.teamId, held.teamId ?? null]);
    if (!team) throw new DomainError('people.team_not_found', 'No active team with that id.', { errors: [{ field: 'teamId', message: 'no active team with that id' }] });
    if (departmentId && departmentId !== team.department_id) {
      throw new DomainError('request.invalid', 'The team belongs to another department.', { errors: [{ field: 'teamId', message: 'the team belongs to another department' }] });
    }
    departmentId = team.department_id;
  }
  if (departmentId) {
    const d = await tx.query('select 1 from department where id = $1 and (active or id = $2)', [departmentId, held.departmentId ?? null]);
    if (!d.length) throw new DomainError('people.department_not_found', 'No active department with that id.', { errors: [{ field: 'departmentId', message: 'no active department with that id' }] });
  }
  if (isCustomer && (departmentId || p.teamId)) {
    throw new DomainError('people.customer_not_allowed', 'Customer users are not placed in departments or teams.', { errors: [{ field: 'departmentId', message: 'customer users have no department or team' }] });
  }
  return { ...p, departmentId };
}

/**
 * Refuses a change that would leave no active administrator. Locks every active admin row first,
 * so two concurrent demotions cannot each see the other as the remaining admin.
 */
export async function assertAdminRemains(tx: Queryable, changingUserId: string, stillAdmin: boolean): Promise<void> {
  if (stillAdmin) return;
  const admins = await tx.query<{ id: string }>(
    `select id from app_user where active and 'admin' = any (roles) order by id for update`,
  );
  if (admins.some((a) => a.id === changingUserId) && admins.length <= 1) {
    throw new DomainError('people.last_admin', 'At least one active administrator must remain.');
  }
}
