import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { FieldError } from '../../contracts/errors';
import { DomainError, toProblem } from '../kernel/errors';

export function problemResponse(c: Context, err: DomainError, headers: Record<string, string> = {}): Response {
  const body = toProblem(err, c.get('requestId') as string | undefined, new URL(c.req.url).pathname);
  return new Response(JSON.stringify(body), {
    status: err.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** One entry per offending field, with a dotted path (`lines.2.qty`); unknown keys are named. */
export function fieldErrors(error: ZodError, prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out.push({ field: base ? `${base}.${k}` : k, message: 'unknown field' });
    } else {
      out.push({ field: base || '(body)', message: issue.message });
    }
  }
  return out;
}

export function validationError(error: ZodError): DomainError {
  const errors = fieldErrors(error);
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new DomainError('request.invalid', detail, { errors });
}
