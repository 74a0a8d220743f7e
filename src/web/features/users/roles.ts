import { ROLES, ROLE_LABELS, type Role } from '../../../contracts/permissions';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export const ROLE_COLORS: Record<Role, string> = {
  admin: 'red',
  supervisor: 'grape',
  department_lead: 'violet',
  team_lead: 'indigo',
  operator: 'blue',
  verifier: 'teal',
  customer: 'orange',
};

/**
 * A customer user holds only the customer role: choosing it replaces staff roles, and choosing a
 * staff role drops it.
 */
export function normaliseRoles(previous: Role[], next: Role[]): Role[] {
  const added = next.filter((r) => !previous.includes(r));
  if (added.includes('customer')) return ['customer'];
  if (added.length > 0 && next.includes('customer')) return next.filter((r) => r !== 'customer');
  return next;
}
