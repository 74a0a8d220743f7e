import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';

/** Refuses grades that do not exist, naming each input field that carries one (one query). */
export async function assertGrades(tx: Queryable, uses: Array<{ field: string; grade: string }>): Promise<void> {
  if (uses.length === 0) return;
  const known = await tx.query<{ code: string }>('select code from grade where code = any ($1::text[])', [[...new Set(uses.map((u) => u.grade))]]);
  const codes = new Set(known.map((k) => k.code));
  const bad = uses.filter((u) => !codes.has(u.grade));
  if (bad.length) {
    throw new DomainError('inventory.grade_unknown', `Unknown grade ${[...new Set(bad.map((b) => b.grade))].join(', ')}.`, {
      errors: bad.map((b) => ({ field: b.field, message: `no grade ${b.grade}` })),
    });
  }
}
