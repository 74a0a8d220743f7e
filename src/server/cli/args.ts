/** Minimal `--flag value` / `--flag` / positional parsing; repeated flags collect into arrays. */
export interface Args {
  positional: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      const next = argv[i + 1];
      const value = inline ?? (next !== undefined && !next.startsWith('--') ? (i++, next) : 'true');
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else positional.push(a);
  }
  return { positional, flags };
}

export const flagValue = (a: Args, name: string): string | undefined => a.flags.get(name)?.at(-1);
export const hasFlag = (a: Args, name: string): boolean => a.flags.has(name) && flagValue(a, name) !== 'false';
