import type { MiddlewareHandler } from 'hono';
import type { FieldError } from '../../contracts/errors';
import { DomainError } from '../kernel/errors';
import type { AppEnv } from './env';

const MESSAGE = 'must not contain the NUL character (U+0000)';

/**
 * PostgreSQL text cannot hold U+0000: a value carrying one would fail deep in a statement as a
 * server error. Refused here for every route at once, naming each field (query parameter or
 * dotted body path) that carries one. A body is parsed only when its text contains the escape.
 */
export const refuseNul: MiddlewareHandler<AppEnv> = async (c, next) => {
  const errors: FieldError[] = [];
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (values.some((v) => v.includes('\0'))) errors.push({ field: name, message: MESSAGE });
  }
  if (/%00|\0/.test(c.req.path)) errors.push({ field: 'path', message: MESSAGE });
  if (c.req.header('content-type')?.startsWith('application/json')) {
    const text = await c.req.text();
    if (/\\u0000/i.test(text)) {
      try {
        nulPaths(JSON.parse(text), '', errors);
      } catch {
        // malformed JSON: the route's validation answers it
      }
    }
  }
  if (errors.length) throw new DomainError('request.invalid', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  await next();
};

function nulPaths(value: unknown, path: string, out: FieldError[]): void {
  if (typeof value === 'string') {
    if (value.includes('\0')) out.push({ field: path || 'body', message: MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, `${path}${path ? '.' : ''}${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\0')) out.push({ field: path || 'body', message: `a property name ${MESSAGE}` });
      nulPaths(v, `${path}${path ? '.' : ''}${k}`, out);
    }
  }
}
