/**
 * Every error a client can receive, by stable code. The HTTP layer renders each as RFC 9457
 * problem+json with this status and title; `detail` and extra members come from the throw site.
 * Modules add their codes here, prefixed with the module name.
 */
export const ERRORS = {
  'request.malformed': { status: 400, title: 'Malformed request' },
  'request.invalid': { status: 422, title: 'Invalid input' },
  'request.too_large': { status: 413, title: 'Request body too large' },
  'request.unsupported_media_type': { status: 415, title: 'Unsupported media type' },
  'request.not_found': { status: 404, title: 'Not found' },
  'request.method_not_allowed': { status: 405, title: 'Method not allowed' },
  'auth.unauthenticated': { status: 401, title: 'Authentication required' },
  'auth.invalid_credentials': { status: 401, title: 'Wrong username or password' },
  'auth.forbidden': { status: 403, title: 'Not allowed' },
  'auth.csrf': { status: 403, title: 'Missing or wrong CSRF token' },
  'auth.rate_limited': { status: 429, title: 'Too many attempts' },
  'idempotency.key_reused': { status: 409, title: 'Idempotency key reused with a different request' },
  'idempotency.key_invalid': { status: 422, title: 'Invalid idempotency key' },
  'state.conflict': { status: 409, title: 'Conflicting change' },
  'state.illegal_transition': { status: 409, title: 'Not allowed in the current state' },
  'people.user_not_found': { status: 404, title: 'User not found' },
  'people.username_taken': { status: 409, title: 'Username already taken' },
  'people.last_admin': { status: 409, title: 'The last active administrator cannot be removed' },
  'people.customer_required': { status: 422, title: 'A customer user must belong to a customer' },
  'people.customer_not_allowed': { status: 422, title: 'Only customer users belong to a customer' },
  'people.customer_not_found': { status: 404, title: 'Customer not found' },
  'people.customer_code_taken': { status: 409, title: 'Customer code already taken' },
  'people.department_not_found': { status: 404, title: 'Department not found' },
  'people.department_code_taken': { status: 409, title: 'Department code already taken' },
  'people.department_in_use': { status: 409, title: 'Department still has teams or members' },
  'people.team_not_found': { status: 404, title: 'Team not found' },
  'people.team_code_taken': { status: 409, title: 'Team code already taken' },
  'people.team_in_use': { status: 409, title: 'Team still has members' },
  'people.token_not_found': { status: 404, title: 'API token not found' },
  'people.scope_not_held': { status: 422, title: 'A token cannot hold a permission its owner lacks' },
  'people.weak_password': { status: 422, title: 'Password too weak' },
  'people.wrong_password': { status: 422, title: 'The current password is wrong' },
  'server.internal': { status: 500, title: 'Internal error' },
  'server.unavailable': { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One problem with one input field; `field` is a dotted path such as `lines.2.qty`. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}
