import { ApiError, toApiError } from './problem';

/** The session's CSRF token, from login or /api/auth/me; sent on every state-changing request. */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Called when an API call finds the session gone (401), so the app can return to sign-in. */
let onUnauthenticated: (() => void) | null = null;
export const setUnauthenticatedHandler = (fn: (() => void) | null): void => {
  onUnauthenticated = fn;
};

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** For creations: one key per form submission, so a retried request is applied once. */
  idempotencyKey?: string;
  /** Do not treat a 401 as "signed out" (sign-in and the initial /me probe). */
  quiet401?: boolean;
  signal?: AbortSignal;
  /** The body as text (a CSV export) instead of JSON. */
  as?: 'json' | 'text';
  /** How long a change waits for an answer (default 30 s; reads wait as long as they take). */
  timeoutMs?: number;
}

/** A change with no answer by then is reported, not left spinning: retried, its key applies it once. */
export const CHANGE_TIMEOUT_MS = 30_000;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.as === 'text' ? 'text/*, application/problem+json' : 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  const timeoutMs = opts.timeoutMs ?? (method === 'GET' ? null : CHANGE_TIMEOUT_MS);
  const timeout = timeoutMs === null ? null : AbortSignal.timeout(timeoutMs);
  const signals = [opts.signal, timeout].filter((x): x is AbortSignal => x != null);
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
    });
  } catch (err) {
    if (timeout?.aborted) {
      throw new ApiError({ status: 0, title: 'Timed out', detail: `The server did not answer within ${Math.round(timeoutMs! / 1000)} s. It may or may not have been applied: try again, and it is applied once.` });
    }
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({ status: 0, title: 'Network error', detail: 'The server could not be reached. Check the connection and try again.' });
  }
  if (!res.ok) {
    const error = await toApiError(res);
    // a wrong current password is 401 too, but only `auth.unauthenticated` means the session is gone
    if (error.code === 'auth.unauthenticated' && !opts.quiet401) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (opts.as === 'text' ? await res.text() : await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) => request<T>('POST', path, { body, idempotencyKey }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export const newIdempotencyKey = (): string => crypto.randomUUID();
