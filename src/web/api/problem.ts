import type { FieldError, Problem } from '../../contracts/errors';

/** An error answer from the API, carrying its RFC 9457 problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  /** The whole problem body: a refusal's extra members (a shortage's region, needed, available). */
  readonly problem: Partial<Problem> & { status: number };

  constructor(problem: Partial<Problem> & { status: number }) {
    super(problem.detail ?? problem.title ?? `Request failed (${problem.status})`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? 'unknown';
    this.title = problem.title ?? 'Request failed';
    this.detail = problem.detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.problem = problem;
  }

  /** The most useful single sentence for a person. */
  get humanMessage(): string {
    return this.detail ?? this.title;
  }
}

/** Field-keyed messages, for showing problems next to form inputs. */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of err.errors) {
    if (!(e.field in out)) out[e.field] = e.message;
  }
  return out;
}

/** Where a failure came from, for a person to quote: `HTTP 409`, or the network's reason (`Timed out`). */
export function failureSource(err: unknown): string | null {
  if (!(err instanceof ApiError)) return null;
  return err.status === 0 ? err.title : `HTTP ${err.status}`;
}

export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.humanMessage;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

export async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      return new ApiError({ ...body, status: res.status });
    } catch {
      // fall through to a generic problem
    }
  }
  return new ApiError({ status: res.status, title: res.statusText || 'Request failed' });
}

/** The problem's members when it is the given code, else null. */
export function problemOf<T>(err: unknown, code: string): T | null {
  return err instanceof ApiError && err.code === code ? (err.problem as unknown as T) : null;
}
