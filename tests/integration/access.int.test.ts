import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../support/databases';
import { Client, silentLog, testApp } from '../support/app';
import { seedPeople, DEMO_USERS } from '../../src/server/seed/people';
import { PERMISSIONS, ROLES, type Permission, type Role } from '../../src/contracts/permissions';

interface Operation {
  method: string;
  path: string;
  permission: Permission | 'public';
}

/** Walks every operation of the published API document: the access matrix is proven, not assumed. */
describe.each(DIALECTS)('access control of every API operation on %s', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof testApp>;
  let operations: Operation[];
  const clients = new Map<Role, Client>();

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    app = testApp(t.db);
    const doc = (await new Client(app).get('/api/openapi.json')).body;
    operations = Object.entries(doc.paths as Record<string, Record<string, { 'x-permission': Permission | 'public' }>>).flatMap(
      ([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, permission: op['x-permission'] })),
    );
    for (const role of ROLES) {
      const user = DEMO_USERS.find((u) => u.roles.includes(role))!;
      const c = new Client(app, `10.1.0.${ROLES.indexOf(role)}`);
      expect((await c.login(user.username)).status).toBe(200);
      clients.set(role, c);
    }
  });
  afterAll(() => t.drop());

  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000');

  it('every operation declares a known permission', () => {
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations) {
      expect(op.permission === 'public' || op.permission in PERMISSIONS, `${op.method} ${op.path}`).toBe(true);
    }
  });

  it('anonymous callers get 401 problem+json from every non-public operation', async () => {
    const anon = new Client(app, '10.2.0.1');
    for (const op of operations.filter((o) => o.permission !== 'public')) {
      const r = await anon.call(op.method, concrete(op.path), op.method === 'GET' ? undefined : {});
      expect(r.status, `${op.method} ${op.path}`).toBe(401);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.code).toBe('auth.unauthenticated');
    }
  });

  it('every role without an operation’s permission gets 403, and nothing is written', async () => {
    const [before] = await t.db.query<{ n: number }>('select count(*)::int as n from audit_event');
    let checked = 0;
    for (const op of operations.filter((o) => o.permission !== 'public')) {
      const allowed = PERMISSIONS[op.permission as Permission].roles as readonly Role[];
      for (const role of ROLES.filter((r) => !allowed.includes(r))) {
        const r = await clients.get(role)!.call(op.method, concrete(op.path), op.method === 'GET' ? undefined : {});
        expect(r.status, `${role} ${op.method} ${op.path}`).toBe(403);
        expect(r.body.code).toBe('auth.forbidden');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
    const [after] = await t.db.query<{ n: number }>('select count(*)::int as n from audit_event');
    expect(after!.n).toBe(before!.n);
  });

  it('a role holding the permission passes the gate (reads answer 200)', async () => {
    for (const op of operations.filter((o) => o.method === 'GET' && !o.path.includes('{') && o.permission !== 'public' && o.path !== '/api/events')) {
      const role = (PERMISSIONS[op.permission as Permission].roles as readonly Role[])[0]!;
      const r = await clients.get(role)!.get(op.path);
      expect(r.status, `${role} GET ${op.path}`).toBe(200);
    }
  });
});
