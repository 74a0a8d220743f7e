import type { Context } from 'hono';
import type { CommandResult } from '../kernel/run-command';

/** Sends a command's result; a replay of a stored result says so in `Idempotent-Replayed`. */
export function sendResult<T>(c: Context, result: CommandResult<T>): never {
  if (result.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(result.body as never, result.status as never) as never;
}

export const idempotencyKey = (c: Context): string | null => c.req.header('idempotency-key') ?? null;

/** Reads a boolean query flag (`true`/`false`); anything else means unset. */
export const flag = (v: string | undefined): boolean | undefined => (v === 'true' ? true : v === 'false' ? false : undefined);
