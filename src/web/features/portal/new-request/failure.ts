import { ApiError, messageOf } from '../../../api/problem';

/** What went wrong, said precisely: the HTTP status and the server's words, or the network reason. */
export function failureText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return `${err.title} — ${err.humanMessage}`;
    return `HTTP ${err.status} ${err.title} — ${err.humanMessage}`;
  }
  return messageOf(err);
}
