import pg from 'pg';

/** Parameter values a statement may carry as literals: what `inlineStatement` can write exactly. */
type Scalar = string | number | bigint | boolean | Date | null | undefined;

const isScalar = (v: unknown): v is Scalar =>
  v === null || v === undefined || v instanceof Date || ['string', 'number', 'bigint', 'boolean'].includes(typeof v);

function literal(v: Scalar): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return pg.escapeLiteral(v.toISOString());
  return pg.escapeLiteral(String(v));
}

/**
 * A parameterised statement with its parameters written in as quoted literals, or null when that
 * cannot be done safely: the text has quotes, comments or dollar quoting of its own (a `$n` inside
 * them must not be replaced), or a parameter is not a scalar. A quoted literal has unknown type, as
 * an untyped parameter has, so the server resolves both alike. Used to send a statement together
 * with BEGIN or COMMIT in one simple-query message (one round trip instead of two).
 */
export function inlineStatement(text: string, params: readonly unknown[] = []): string | null {
  if (/['"]|--|\/\*|\$(?!\d)/.test(text) || text.length > 16_384) return null;
  if (!params.every(isScalar) || params.some((p) => typeof p === 'string' && (p.includes('\0') || p.length > 65_536))) return null;
  let ok = true;
  const out = text.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) ok = false;
    return ok ? literal(params[i] as Scalar) : '';
  });
  return ok ? out : null;
}
