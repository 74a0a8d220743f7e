export type Change = { key: string; kind: 'added' | 'removed' | 'changed' | 'same'; before: unknown; after: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Top-level field changes between two audit snapshots (non-objects compare as one field). */
export function diffSnapshots(before: unknown, after: unknown): Change[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null || before === undefined) return after === null || after === undefined ? [] : [{ key: '(value)', kind: 'added', before, after }];
    return [{ key: '(value)', kind: JSON.stringify(before) === JSON.stringify(after) ? 'same' : 'changed', before, after }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.map((key) => {
    if (!(key in b)) return { key, kind: 'added' as const, before: undefined, after: a[key] };
    if (!(key in a)) return { key, kind: 'removed' as const, before: b[key], after: undefined };
    const same = JSON.stringify(b[key]) === JSON.stringify(a[key]);
    return { key, kind: same ? ('same' as const) : ('changed' as const), before: b[key], after: a[key] };
  });
}

export const show = (v: unknown): string => (v === undefined ? '' : JSON.stringify(v, null, 1));
