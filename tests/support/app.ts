import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../src/server/kernel/db/types';
import type { AppEnv, Services } from '../../src/server/http/env';
import { createApp } from '../../src/server/http/app';
import { EventBus } from '../../src/server/kernel/event-bus';
import { AuthCache } from '../../src/server/people/auth-cache';
import { createLogger } from '../../src/server/kernel/log';
import { defaultServerConfig } from '../../src/server/server';
import { systemActor } from '../../src/server/kernel/actor';
import type { Ctx } from '../../src/server/kernel/context';

export const silentLog = createLogger('silent');

export function testServices(db: Db): Services {
  return { db, log: silentLog, bus: new EventBus(db, silentLog), authCache: new AuthCache(), config: { ...defaultServerConfig({}), webDir: null } };
}

export function testApp(db: Db): OpenAPIHono<AppEnv> {
  return createApp(testServices(db));
}

export function systemCtx(db: Db, label = 'test'): Ctx {
  return { db, actor: systemActor(label), requestId: null, log: silentLog };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** An in-process HTTP client that keeps the session cookie and sends the CSRF token, like the web app. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;

  constructor(private readonly app: { request: OpenAPIHono<AppEnv>['request'] }, private readonly ip = '10.0.0.1') {}

  async call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    const res = await this.app.request(path, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /sf_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `sf_session=${m[1]}` : null;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async login(username: string, password = 'shopfloor'): Promise<Reply> {
    const r = await this.call('POST', '/api/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }

  get = <T = any>(path: string) => this.call<T>('GET', path);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => this.call<T>('POST', path, body ?? {}, headers);
  patch = <T = any>(path: string, body: unknown) => this.call<T>('PATCH', path, body);
  delete = <T = any>(path: string) => this.call<T>('DELETE', path);
}

let nextAddress = 1;

/** Signed-in clients of the demo users (seedPeople first), each from its own address. */
export async function signIn<const U extends readonly string[]>(db: Db, ...usernames: U): Promise<{ [K in keyof U]: Client }> {
  const app = testApp(db);
  return Promise.all(usernames.map(async (username) => {
    const c = new Client(app, `10.200.${Math.floor(nextAddress / 250)}.${nextAddress++ % 250}`);
    const r = await c.login(username);
    if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status}`);
    return c;
  })) as Promise<{ [K in keyof U]: Client }>;
}
