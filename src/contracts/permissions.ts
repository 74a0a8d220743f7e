/**
 * The one permission matrix. Every API route declares exactly one permission; a user holds the
 * union of their roles' permissions; an API token holds the subset of its owner's it was given.
 */
export const ROLES = [
  'admin',
  'supervisor',
  'department_lead',
  'team_lead',
  'operator',
  'verifier',
  'customer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  supervisor: 'Supervisor',
  department_lead: 'Department lead',
  team_lead: 'Team lead',
  operator: 'Operator',
  verifier: 'Verifier',
  customer: 'Customer',
};

const STAFF = ['admin', 'supervisor', 'department_lead', 'team_lead', 'operator', 'verifier'] as const;
const EVERYONE = [...STAFF, 'customer'] as const;

export const PERMISSIONS = {
  /** Own session, profile, password and API tokens. */
  'self.use': { roles: EVERYONE, label: 'Use own account and tokens' },
  'events.subscribe': { roles: EVERYONE, label: 'Receive live events' },
  'users.read': { roles: ['admin', 'supervisor', 'department_lead', 'team_lead'], label: 'See users' },
  'users.manage': { roles: ['admin'], label: 'Create, edit and deactivate users' },
  'org.read': { roles: STAFF, label: 'See departments and teams' },
  'org.manage': { roles: ['admin', 'supervisor'], label: 'Manage departments and teams' },
  'customers.read': { roles: ['admin', 'supervisor', 'verifier'], label: 'See customer accounts' },
  'customers.manage': { roles: ['admin'], label: 'Manage customer accounts' },
  'audit.read': { roles: ['admin', 'supervisor'], label: 'Read the audit log' },
  'roles.read': { roles: ['admin', 'supervisor'], label: 'See the permission matrix' },
  'catalog.read': { roles: STAFF, label: 'See items, variants and units' },
  'catalog.manage': { roles: ['admin', 'supervisor'], label: 'Manage items and variants' },
  'inventory.read': { roles: STAFF, label: 'See stock, lots, locations and the ledger' },
  'inventory.post': { roles: ['admin', 'supervisor', 'department_lead', 'team_lead', 'operator'], label: 'Post receipts, issues and transfers' },
  'inventory.adjust': { roles: ['admin', 'supervisor'], label: 'Adjust and count stock, cancel documents' },
  'inventory.manage': { roles: ['admin', 'supervisor'], label: 'Manage locations, lots and grades' },
  'planning.read': { roles: STAFF, label: 'See capacity calendars' },
  'planning.manage': { roles: ['admin', 'supervisor'], label: 'Set daily capacity, working and closed days' },
  'stamping.read': { roles: STAFF, label: 'See shipments, production orders and stamp stock' },
  'stamping.receive': { roles: ['admin', 'supervisor', 'department_lead', 'team_lead', 'operator'], label: 'Receive shipments box by box' },
  'stamping.plan': { roles: ['admin', 'supervisor', 'department_lead'], label: 'Create, edit, schedule and cancel production orders' },
  'stamping.run': { roles: ['admin', 'supervisor', 'department_lead', 'team_lead', 'operator'], label: 'Run the stamping line: start runs, scan and confirm boxes, build skids' },
  'stamping.verify': { roles: ['admin', 'supervisor', 'verifier'], label: 'Verify and complete production orders (never one you stamped)' },
  'portal.use': { roles: ['customer'], label: 'Use the customer portal: own shipments, orders, requests and outbounds' },
  'stamping.manage': { roles: ['admin', 'supervisor'], label: 'Manage brands, products, tax regions, consignees and stamp orders' },
} as const satisfies Record<string, { roles: readonly Role[]; label: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const p of PERMISSION_NAMES) {
    if ((PERMISSIONS[p].roles as readonly Role[]).some((r) => roles.includes(r))) out.add(p);
  }
  return out;
}

/** Permissions a customer user may ever hold, whatever else changes: the tenant boundary. */
export const CUSTOMER_SAFE: ReadonlySet<Permission> = new Set(
  PERMISSION_NAMES.filter((p) => (PERMISSIONS[p].roles as readonly Role[]).includes('customer')),
);
