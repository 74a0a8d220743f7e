import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../tests/support/databases';
import { Client, silentLog, testApp } from '../../../tests/support/app';
import { seedPeople } from '../seed/people';
import { LOGIN_LIMITS } from './commands/login';

describe.each(DIALECTS)('people and access on %s', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof testApp>;
  let admin: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    app = testApp(t.db);
    admin = new Client(app, '10.9.0.1');
    await admin.login('admin');
    for (const r of await t.db.query<{ code: string; id: string }>('select code, id from customer union all select code, id from department union all select code, id from team')) ids[r.code] = r.id;
  });
  afterAll(() => t.drop());

  it('signs in with an httpOnly SameSite cookie and signs out for good', async () => {
    const c = new Client(app, '10.9.1.1');
    const res = await c.call('POST', '/api/auth/login', { username: 'SUPERVISOR', password: 'shopfloor' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    c.csrf = res.body.csrfToken;
    expect(res.body.permissions).toContain('users.read');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    c.cookie = cookie; // replaying the old cookie must not work
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a state change without the session’s CSRF token', async () => {
    const c = new Client(app, '10.9.1.2');
    await c.login('admin');
    c.csrf = 'wrong';
    const r = await c.post('/api/departments', { code: 'CSRF', name: 'x' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('auth.csrf');
  });

  it('rate-limits failed sign-ins per username, and says the same for unknown users', async () => {
    const c = new Client(app, '10.9.2.1');
    const unknown = await c.login('nobody', 'whatever1');
    const wrong = await c.login('verifier', 'wrong-password');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    for (let i = 1; i < LOGIN_LIMITS.perUsername; i++) expect((await c.login('verifier', `wrong-${i}`)).status).toBe(401);
    const blocked = await c.login('verifier', 'shopfloor');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe(String(LOGIN_LIMITS.windowMinutes * 60));
  });

  it('audits how many failed sign-ins came before a successful one', async () => {
    const c = new Client(app, '10.9.2.2');
    expect((await c.login('teamlead', 'wrong-1')).status).toBe(401);
    expect((await c.login('TeamLead', 'wrong-2')).status).toBe(401);
    expect((await c.login('teamlead', 'shopfloor')).status).toBe(200);
    expect((await c.login('teamlead', 'shopfloor')).status).toBe(200);
    const events = await t.db.query<{ after: { failedAttemptsBefore?: number; ip: string } }>(
      `select a.after from audit_event a join app_user u on u.id::text = a.entity_id where u.username = 'teamlead' and a.command = 'auth.login' order by a.occurred_at`,
    );
    expect(events.map((e) => e.after.failedAttemptsBefore ?? 0)).toEqual([2, 0]);
  });

  it('creates a user who must change the password, and finds the team’s department', async () => {
    const r = await admin.post('/api/users', { username: 'nina', displayName: 'Nina', password: 'password1', roles: ['operator'], teamId: ids['PCB-A'] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ mustChangePassword: true, departmentId: ids.PCB, teamId: ids['PCB-A'] });
    const dup = await admin.post('/api/users', { username: 'NINA', displayName: 'N', password: 'password1', roles: ['operator'] });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual([{ field: 'username', message: 'already taken' }]);
    const audit = await admin.get(`/api/audit?entityType=user&entityId=${r.body.id}`);
    expect(audit.body.items[0]).toMatchObject({ command: 'people.create-user', actorLabel: 'admin' });
    expect(JSON.stringify(audit.body.items[0])).not.toMatch(/password_hash|argon2/);

    // until she replaces the temporary password the server lets her do nothing else
    const nina = new Client(app, '10.9.0.7');
    expect((await nina.login('nina', 'password1')).status).toBe(200);
    const ninaMe = (await nina.get('/api/auth/me')).body;
    expect(ninaMe.user).toMatchObject({ mustChangePassword: true });
    expect(ninaMe.plantTimeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect((await nina.get('/api/users')).status).toBe(403);
    expect((await nina.get('/api/audit')).status).toBe(403);
    expect((await nina.post('/api/auth/tokens', { name: 'sneaky', scopes: ['catalog.read'] })).status).toBe(422);
    expect((await nina.post('/api/auth/password', { currentPassword: 'password1', newPassword: 'a-better-one-9' })).status).toBe(200);
    expect((await nina.get('/api/auth/me')).body.user).toMatchObject({ mustChangePassword: false });
    expect((await nina.get('/api/stock/balances')).status).toBe(200);
  });

  it('keeps customer users inside one customer and only the customer role', async () => {
    const noCustomer = await admin.post('/api/users', { username: 'c1', displayName: 'C', password: 'password1', roles: ['customer'] });
    expect(noCustomer.status).toBe(422);
    const mixed = await admin.post('/api/users', { username: 'c2', displayName: 'C', password: 'password1', roles: ['customer', 'admin'], customerId: ids.NORWOOD });
    expect(mixed.status).toBe(422);
    const staffWithCustomer = await admin.post('/api/users', { username: 'c3', displayName: 'C', password: 'password1', roles: ['operator'], customerId: ids.NORWOOD });
    expect(staffWithCustomer.body.errors[0].field).toBe('customerId');
  });

  it('a customer user sees only its own customer’s events and no staff data', async () => {
    const c = new Client(app, '10.9.3.1');
    await c.login('customer');
    expect((await c.get('/api/users')).status).toBe(403);
    await admin.patch(`/api/customers/${ids.LAKESHORE}`, { phone: '555-0101' });
    await admin.patch(`/api/customers/${ids.NORWOOD}`, { phone: '555-0202' });
    const feed = await c.get('/api/activity');
    expect(feed.status).toBe(200);
    expect(feed.body.items.length).toBeGreaterThan(0);
    for (const e of feed.body.items) expect(e.customerId).toBe(ids.NORWOOD);
  });

  it('deactivating a user or their customer ends their sessions and sign-ins', async () => {
    const op = new Client(app, '10.9.4.1');
    await op.login('operator');
    const me = (await op.get('/api/auth/me')).body.user;
    expect((await admin.patch(`/api/users/${me.id}`, { active: false })).status).toBe(200);
    expect((await op.get('/api/auth/me')).status).toBe(401);
    expect((await op.login('operator')).status).toBe(401);

    const cust = new Client(app, '10.9.4.2');
    await cust.login('customer2');
    expect((await admin.patch(`/api/customers/${ids.LAKESHORE}`, { active: false })).status).toBe(200);
    expect((await cust.get('/api/auth/me')).status).toBe(401);
    expect((await cust.login('customer2')).status).toBe(401);
    // a user of the closed customer can still be renamed and deactivated, but not newly placed there
    const [c2] = await t.db.query<{ id: string }>(`select id from app_user where username = 'customer2'`);
    expect((await admin.patch(`/api/users/${c2!.id}`, { displayName: 'Former buyer' })).status).toBe(200);
    expect((await admin.patch(`/api/users/${c2!.id}`, { active: false })).status).toBe(200);
    const placed = await admin.post('/api/users', { username: 'late.buyer', displayName: 'Late', password: 'password1', roles: ['customer'], customerId: ids.LAKESHORE });
    expect(placed.body).toMatchObject({ code: 'people.customer_not_found', errors: [{ field: 'customerId' }] });
  });

  it('never lets the last active administrator go', async () => {
    const me = (await admin.get('/api/auth/me')).body.user;
    const r = await admin.patch(`/api/users/${me.id}`, { roles: ['supervisor'] });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('people.last_admin');
  });

  it('reset and change of passwords end the other sessions', async () => {
    const v = new Client(app, '10.9.5.1');
    await v.login('deptlead');
    const me = (await v.get('/api/auth/me')).body.user;
    expect((await admin.post(`/api/users/${me.id}/password`, { password: 'temporary1' })).status).toBe(200);
    expect((await v.get('/api/auth/me')).status).toBe(401);
    const again = await v.login('deptlead', 'temporary1');
    expect(again.body.user.mustChangePassword).toBe(true);
    const wrong = await v.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'brand-new-1' });
    expect(wrong.status).toBe(422);
    expect((await v.post('/api/auth/password', { currentPassword: 'temporary1', newPassword: 'brand-new-1' })).status).toBe(200);
    expect((await v.get('/api/auth/me')).body.user.mustChangePassword).toBe(false);
  });

  it('API tokens: scoped, need no CSRF token, stored hashed, revocable', async () => {
    const created = await admin.post('/api/auth/tokens', { name: 'ERP sync', scopes: ['users.read'] });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sft_/);
    const stored = await t.db.query<{ secret_hash: string }>('select secret_hash from api_token where id = $1', [created.body.id]);
    // sft_<8-character prefix>_<secret>: the secret itself may hold an underscore, so it is cut by position
    const secret = (created.body.token as string).slice('sft_'.length + 8 + 1);
    expect(secret).toHaveLength(43);
    expect(stored[0]!.secret_hash).not.toContain(secret);
    const bot = new Client(app, '10.9.6.1');
    bot.bearer = created.body.token;
    expect((await bot.get('/api/users')).status).toBe(200);
    const write = await bot.post('/api/departments', { code: 'BOT', name: 'Bot' });
    expect(write.status).toBe(403); // org.manage not in the token's scopes
    expect((await admin.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(200);
    expect((await bot.get('/api/users')).status).toBe(401);
    const op = new Client(app, '10.9.6.2');
    await op.login('teamlead');
    const tooMuch = await op.post('/api/auth/tokens', { name: 'x', scopes: ['users.manage'] });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.code).toBe('people.scope_not_held');
  });

  it('an administrator sees and revokes a user\'s tokens; a reset or deactivation ends them, and a reset lifts the lockout', async () => {
    const dl = new Client(app, '10.9.7.1');
    await dl.login('supervisor');
    const me = (await dl.get('/api/auth/me')).body.user;
    const issue = async (name: string) => {
      const r = await dl.post('/api/auth/tokens', { name, scopes: ['catalog.read'] });
      const bot = new Client(app, '10.9.7.2');
      bot.bearer = r.body.token;
      expect((await bot.get('/api/items')).status).toBe(200);
      return { id: r.body.id as string, bot };
    };
    const one = await issue('one');
    const listed = (await admin.get(`/api/users/${me.id}/tokens`)).body.items;
    expect(listed.map((x: { id: string }) => x.id)).toContain(one.id);
    expect(JSON.stringify(listed)).not.toMatch(/sft_/);
    expect((await admin.delete(`/api/users/${me.id}/tokens/${one.id}`)).status).toBe(200);
    expect((await one.bot.get('/api/items')).status).toBe(401);
    expect((await dl.get(`/api/users/${me.id}/tokens`)).status).toBe(403);

    // locked out by failed sign-ins; the admin's reset revokes the tokens and lets the new password in
    const two = await issue('two');
    const guesser = new Client(app, '10.9.7.3');
    for (let i = 0; i < 12; i++) await guesser.login('supervisor', 'wrong-guess');
    expect((await new Client(app, '10.9.7.4').login('supervisor')).status).toBe(429);
    expect((await admin.post(`/api/users/${me.id}/password`, { password: 'temporary-pass-1' })).status).toBe(200);
    expect((await two.bot.get('/api/items')).status).toBe(401);
    expect((await new Client(app, '10.9.7.4').login('supervisor', 'temporary-pass-1')).status).toBe(200);

    // a deactivated user's tokens stay revoked when the account comes back
    const signedIn = new Client(app, '10.9.7.5');
    await signedIn.login('supervisor', 'temporary-pass-1');
    await signedIn.post('/api/auth/password', { currentPassword: 'temporary-pass-1', newPassword: 'shopfloor-again-2' });
    const three = await (async () => {
      const r = await signedIn.post('/api/auth/tokens', { name: 'three', scopes: ['catalog.read'] });
      const bot = new Client(app, '10.9.7.6');
      bot.bearer = r.body.token;
      return bot;
    })();
    expect((await three.get('/api/items')).status).toBe(200);
    expect((await admin.patch(`/api/users/${me.id}`, { active: false })).status).toBe(200);
    expect((await admin.patch(`/api/users/${me.id}`, { active: true })).status).toBe(200);
    expect((await three.get('/api/items')).status).toBe(401);
  });

  it('departments and teams: unique codes, and only empty ones can be deleted', async () => {
    const d = await admin.post('/api/departments', { code: 'QA', name: 'Quality' });
    expect(d.status).toBe(201);
    expect((await admin.post('/api/departments', { code: 'qa', name: 'Again' })).status).toBe(409);
    const team = await admin.post('/api/teams', { departmentId: d.body.id, code: 'QA-1', name: 'QA bench' });
    expect(team.status).toBe(201);
    expect((await admin.delete(`/api/departments/${d.body.id}`)).body.code).toBe('people.department_in_use');
    expect((await admin.delete(`/api/teams/${team.body.id}`)).status).toBe(200);
    expect((await admin.delete(`/api/departments/${d.body.id}`)).status).toBe(200);
    const list = await admin.get('/api/departments');
    expect(list.body.items.map((x: { code: string }) => x.code)).not.toContain('QA');
  });
});
