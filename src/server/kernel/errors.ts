import { ERRORS, type ErrorCode, type FieldError, type Problem } from '../../contracts/errors';

/**
 * An expected failure with a stable code. `extra` carries the facts a user needs to act
 * (the material, the required and available quantity…), rendered as problem members.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: Record<string, unknown> & { errors?: FieldError[] } = {},
  ) {
    super(detail ?? ERRORS[code].title);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('request.invalid', `${field}: ${message}`, { errors: [{ field, message }] });

export function toProblem(err: DomainError, requestId?: string, instance?: string): Problem {
  const { status, title } = ERRORS[err.code];
  return {
    type: `urn:shopfloor:problem:${err.code}`,
    title,
    status,
    code: err.code,
    detail: err.message,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...err.extra,
  };
}

/** Maps PostgreSQL errors that mean "the request conflicts with the data" to domain errors. */
export function fromPgError(err: unknown): DomainError | undefined {
  const code = (err as { code?: string } | null)?.code;
  if (code === '40001' || code === '40P01') {
    return new DomainError('state.conflict', 'A concurrent change conflicted with this one; retry.');
  }
  return undefined;
}
