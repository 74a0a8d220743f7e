import type { Logger } from 'pino';
import type { Role } from '../../contracts/permissions';
import type { Db } from '../kernel/db/types';
import type { Ctx } from '../kernel/context';
import { systemActor } from '../kernel/actor';
import { createCustomer, createDepartment, createTeam, createUser } from '../people';

export const DEMO_USERS: Array<{ username: string; displayName: string; roles: Role[]; customer?: string; department?: string; team?: string }> = [
  { username: 'admin', displayName: 'Avery Admin', roles: ['admin'] },
  { username: 'supervisor', displayName: 'Sam Supervisor', roles: ['supervisor'] },
  { username: 'deptlead', displayName: 'Dana Department-Lead', roles: ['department_lead'], department: 'PCB' },
  { username: 'teamlead', displayName: 'Terry Team-Lead', roles: ['team_lead'], team: 'PCB-A' },
  { username: 'operator', displayName: 'Oli Operator', roles: ['operator'], team: 'PCB-A' },
  { username: 'verifier', displayName: 'Vic Verifier', roles: ['verifier'] },
  { username: 'customer', displayName: 'Cora Customer (Norwood)', roles: ['customer'], customer: 'NORWOOD' },
  { username: 'customer2', displayName: 'Lee Customer (Lakeshore)', roles: ['customer'], customer: 'LAKESHORE' },
];

export async function seedPeople(db: Db, log: Logger, password = 'shopfloor'): Promise<void> {
  const ctx: Ctx = { db, actor: systemActor('seed'), requestId: null, log };
  const departments = new Map<string, string>();
  for (const [code, name] of [['PCB', 'PCB Assembly'], ['PANEL', 'Panel Assembly'], ['TEST', 'Testing'], ['STAMP', 'Stamping']] as const) {
    departments.set(code, (await createDepartment(ctx, { code, name })).body.id);
  }
  const teams = new Map<string, string>();
  for (const [code, name, dept] of [['PCB-A', 'PCB day shift', 'PCB'], ['TEST-A', 'Test bench A', 'TEST'], ['STAMP-1', 'Stamping line 1', 'STAMP']] as const) {
    teams.set(code, (await createTeam(ctx, { code, name, departmentId: departments.get(dept)! })).body.id);
  }
  const customers = new Map<string, string>();
  for (const [code, name] of [['NORWOOD', 'Norwood Distribution'], ['LAKESHORE', 'Lakeshore Imports']] as const) {
    customers.set(code, (await createCustomer(ctx, { code, name, email: `orders@${code.toLowerCase()}.example` })).body.id);
  }
  for (const u of DEMO_USERS) {
    await createUser(ctx, {
      username: u.username,
      displayName: u.displayName,
      password,
      roles: u.roles,
      customerId: u.customer ? customers.get(u.customer)! : null,
      departmentId: u.department ? departments.get(u.department)! : null,
      teamId: u.team ? teams.get(u.team)! : null,
    }, null, { mustChangePassword: false }); // demo accounts are for trying the product
  }
}
