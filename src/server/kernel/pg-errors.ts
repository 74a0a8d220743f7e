import type { DomainError } from './errors';

/** The constraint a unique or foreign-key violation names, on both drivers; undefined otherwise. */
export function violatedConstraint(err: unknown): string | undefined {
  const e = err as { code?: string; constraint?: string } | null;
  if (e?.code === '23505' || e?.code === '23503' || e?.code === '23514') return e.constraint ?? undefined;
  return undefined;
}

/** Runs fn, turning a violation of one of the named constraints into its domain error. */
export async function mapConstraints<T>(fn: () => Promise<T>, map: Record<string, () => DomainError>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const c = violatedConstraint(err);
    const make = c ? map[c] : undefined;
    throw make ? make() : err;
  }
}
