import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../support/databases';
import { Client, silentLog, testApp } from '../support/app';
import { seedPeople, DEMO_USERS } from '../../src/server/seed/people';

describe.each(DIALECTS)('HTTP conventions on %s', (dialect) => {
  let t: TestDb;
  let app: ReturnType<typeof testApp>;
  let admin: Client;
  const writes = async () => {
    const [r] = await t.db.query<{ n: number }>(
      `select ((select count(*) from audit_event) + (select count(*) from app_user) + (select count(*) from outbox_event))::int as n`,
    );
    return r!.n;
  };

  beforeAll(async () => {
    t = await openTestDb(dialect);
    await seedPeople(t.db, silentLog);
    app = testApp(t.db);
    app.get('/api/test/boom', () => {
      throw new Error('secret internal detail');
    });
    admin = new Client(app);
    await admin.login('admin');
  });
  afterAll(() => t.drop());

  it('health reports the database and schema version', async () => {
    const r = await new Client(app).get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', database: { dialect, reachable: true } });
    expect(r.body.database.schemaVersion).toBeGreaterThanOrEqual(2);
  });

  it('publishes OpenAPI 3.1 and a docs page that needs no network', async () => {
    const doc = await new Client(app).get('/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/api/users'].post['x-permission']).toBe('users.manage');
    const page = await new Client(app).get('/api/docs');
    expect(page.body).toContain('/api/docs/swagger-ui-bundle.js');
    const js = await new Client(app).get('/api/docs/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
  });

  const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const badRequests: Array<[string, () => Promise<{ status: number; body: any }>, number, string, string?]> = [
    ['a missing and a wrong-typed field', () => admin.post('/api/users', { username: 'ok-name', displayName: 5, roles: ['operator'] }), 422, 'request.invalid', 'displayName'],
    ['an unknown field', () => admin.post('/api/departments', { code: 'X1', name: 'X', colour: 'red' }), 422, 'request.invalid', 'colour'],
    ['a bad enum value', () => admin.post('/api/users', { username: 'abc', displayName: 'A', password: 'password1', roles: ['wizard'] }), 422, 'request.invalid', 'roles.0'],
    ['malformed JSON', () => admin.call('POST', '/api/departments', '{"code": "X2",'), 400, 'request.malformed'],
    ['a non-JSON body', () => admin.call('POST', '/api/departments', 'code=X3', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'request.unsupported_media_type'],
    ['an oversized body', () => admin.post('/api/departments', { code: 'X4', name: 'x'.repeat(1_100_000) }), 413, 'request.too_large'],
    ['a bad path id', () => admin.patch('/api/users/not-a-uuid', { active: false }), 422, 'request.invalid', 'id'],
    ['an unknown list sort', () => admin.get('/api/users?sort=password'), 422, 'request.invalid', 'sort'],
    ['a forged cursor', () => admin.get('/api/users?cursor=bm9wZQ'), 422, 'request.invalid', 'cursor'],
    ['a cursor holding an object', () => admin.get(`/api/users?cursor=${cursor([{ a: 1 }, 'zz'])}`), 422, 'request.invalid', 'cursor'],
    ['a cursor whose time is not a time', () => admin.get(`/api/users?sort=createdAt&cursor=${cursor(['soon', '00000000-0000-0000-0000-000000000000'])}`), 422, 'request.invalid', 'cursor'],
    ['a cursor whose id is not an id', () => admin.get(`/api/users?sort=createdAt&cursor=${cursor(['2026-01-01T00:00:00Z', 'zz'])}`), 422, 'request.invalid', 'cursor'],
    ['an unknown route', () => admin.get('/api/nowhere'), 404, 'request.not_found'],
    ['a password of spaces', () => admin.post('/api/users', { username: 'spacey', displayName: 'S', password: '         ', roles: ['operator'] }), 422, 'request.invalid', 'password'],
    ['a NUL character in a body field', () => admin.post('/api/departments', { code: 'X5', name: 'dock\u0000B' }), 422, 'request.invalid', 'name'],
    ['a NUL character nested in a body', () => admin.post('/api/users', { username: 'nul-user', displayName: 'N', password: 'password1', roles: ['operator', 'op\u0000'] }), 422, 'request.invalid', 'roles.1'],
    ['a NUL character in a query parameter', () => admin.get('/api/users?q=ad%00min'), 422, 'request.invalid', 'q'],
    ['a NUL character in the path', () => admin.patch('/api/users/ab%00cd', { active: false }), 422, 'request.invalid', 'path'],
  ];
  it.each(badRequests)('rejects %s with a clear problem and writes nothing', async (_name, send, status, code, field) => {
    const before = await writes();
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ status, code, type: `urn:shopfloor:problem:${code}` });
    if (field) expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await writes()).toBe(before);
  });

  it('a stale API token does not shut the caller out of public routes, and is named where a caller is needed', async () => {
    const stale = { authorization: 'Bearer sft_unknown_token' };
    expect((await new Client(app).call('GET', '/api/health', undefined, stale)).status).toBe(200);
    const r = await new Client(app).call('GET', '/api/users', undefined, stale);
    expect(r.status).toBe(401);
    expect(r.body.detail).toBe('The API token is unknown, expired or revoked.');
  });

  it('an unexpected error is a 500 with a request id and no internal detail', async () => {
    const r = await admin.get('/api/test/boom');
    expect(r.status).toBe(500);
    expect(r.body.code).toBe('server.internal');
    expect(JSON.stringify(r.body)).not.toContain('secret internal detail');
    expect(r.body.requestId).toBe(r.headers.get('x-request-id'));
  });

  it('pages through a list with cursors: every row once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: { body: { items: Array<{ username: string }>; nextCursor: string | null } } = await admin.get(
        `/api/users?limit=3&sort=-username${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...r.body.items.map((u) => u.username));
      cursor = r.body.nextCursor;
    } while (cursor);
    const expected = DEMO_USERS.map((u) => u.username).sort().reverse();
    expect(seen).toEqual(expected);
    const search = await admin.get('/api/users?q=OPERATOR');
    expect(search.body.items.map((u: { username: string }) => u.username)).toEqual(['operator']);
  });
});
