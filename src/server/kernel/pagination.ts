import type { Queryable } from './db/types';
import { invalid } from './errors';

/**
 * Keyset pagination, the one list convention: `sort` names a sortable field (`-field` for
 * descending), `cursor` is the opaque `nextCursor` of the previous page. Pages stay stable while
 * rows are added, and cost the same at page 1 and page 1,000.
 */
export interface ListSpec<R extends object> {
  /** `select … from … [join …]` without where/order/limit. */
  select: string;
  where: string[];
  params: unknown[];
  /** Public sort name → SQL expression; expressions must be non-null. */
  sortable: Record<string, string>;
  defaultSort: string;
  /** The unique tiebreaker column, e.g. `u.id`. */
  idColumn: string;
  /** Reads the sort value and id of a row for the cursor. */
  cursorOf: (row: R, sortField: string) => [unknown, string];
}

export interface ListArgs {
  limit: number;
  cursor?: string;
  sort?: string;
}

export async function listPage<R extends object>(db: Queryable, spec: ListSpec<R>, args: ListArgs): Promise<{ rows: R[]; nextCursor: string | null }> {
  const sortArg = args.sort ?? spec.defaultSort;
  const desc = sortArg.startsWith('-');
  const field = desc ? sortArg.slice(1) : sortArg;
  const expr = spec.sortable[field];
  if (!expr) throw invalid('sort', `one of ${Object.keys(spec.sortable).flatMap((f) => [f, `-${f}`]).join(', ')}`);
  const where = [...spec.where];
  const params = [...spec.params];
  if (args.cursor) {
    const [value, id] = decodeCursor(args.cursor);
    params.push(value, id);
    where.push(`(${expr}, ${spec.idColumn}) ${desc ? '<' : '>'} ($${params.length - 1}, $${params.length})`);
  }
  params.push(args.limit + 1);
  const dir = desc ? 'desc' : 'asc';
  const sql = `${spec.select}${where.length ? ` where ${where.join(' and ')}` : ''}
    order by ${expr} ${dir}, ${spec.idColumn} ${dir} limit $${params.length}`;
  const rows = await db.query<R>(sql, params).catch((err: unknown) => {
    // a hand-made cursor whose value the sort column cannot take (class 22: data exception)
    if (args.cursor && /^22/.test(String((err as { code?: unknown }).code ?? ''))) throw badCursor();
    throw err;
  });
  const more = rows.length > args.limit;
  if (more) rows.pop();
  const last = rows.at(-1);
  return { rows, nextCursor: more && last ? encodeCursor(spec.cursorOf(last, field)) : null };
}

function encodeCursor([value, id]: [unknown, string]): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // a sort value is a string (text, time, decimal) or a number; the id a string
    if (Array.isArray(parsed) && parsed.length === 2 && ['string', 'number'].includes(typeof parsed[0]) && typeof parsed[1] === 'string') return [parsed[0], parsed[1]];
  } catch {
    /* fall through */
  }
  throw badCursor();
}

const badCursor = () => invalid('cursor', 'not a cursor this list issued');

/**
 * Collects WHERE conditions for a list: `?` in each condition stands for its value, and a
 * condition whose value is undefined is left out.
 */
export function conditions() {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    if (value === undefined) return;
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  return { where, params, add };
}

/** `%term%` for ILIKE with the wildcard characters of the term escaped. */
export const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
