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

/**
 * Refusals the database makes itself (a trigger naming a constraint), and how a module words them:
 * the transaction is gone by then, so the words come from the error alone.
 */
const refusals = new Map<string, (detail: string | undefined) => DomainError>();

export function refuseOnConstraint(constraint: string, make: (detail: string | undefined) => DomainError): void {
  refusals.set(constraint, make);
}

/** The domain error for a database refusal registered with `refuseOnConstraint`, if this is one. */
export function registeredRefusal(err: unknown): DomainError | undefined {
  const c = violatedConstraint(err);
  const make = c ? refusals.get(c) : undefined;
  return make?.((err as { detail?: string }).detail);
}
