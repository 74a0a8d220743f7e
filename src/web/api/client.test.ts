import { afterEach, describe, expect, it, vi } from 'vitest';
import { request } from './client';
import { ApiError } from './problem';

/** A server that answers after `ms` (or never), and gives up when the request is aborted. */
function serverAnswering(ms: number | null) {
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => new Promise<Response>((resolve, reject) => {
    const timer = ms === null ? null : setTimeout(() => resolve(new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } })), ms);
    init.signal?.addEventListener('abort', () => {
      if (timer) clearTimeout(timer);
      reject(init.signal!.reason);
    });
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('the API client', () => {
  it('reports a change the server does not answer in time as timed out, not as a network failure', async () => {
    serverAnswering(null);
    const err = await request('POST', '/api/anything', { body: {}, timeoutMs: 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 0, title: 'Timed out' });
    expect((err as ApiError).humanMessage).toMatch(/did not answer within 0 s.*applied once/);
  });

  it('lets a read take as long as it takes, and passes on the caller\'s own abort', async () => {
    serverAnswering(40);
    expect(await request('GET', '/api/slow')).toEqual({ ok: true });
    serverAnswering(null);
    const ctrl = new AbortController();
    const pending = request('POST', '/api/anything', { body: {}, signal: ctrl.signal }).catch((e: unknown) => e);
    ctrl.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
  });
});
