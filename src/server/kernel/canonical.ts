import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, after a JSON round trip (Dates become ISO strings).
 * jsonb reorders keys, so hashes are always taken over this form, never over stored text.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value === undefined ? null : JSON.parse(JSON.stringify(value))));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
