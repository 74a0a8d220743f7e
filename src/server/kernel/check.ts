import type { Db } from './db/types';
import { verifyAuditChain, type Violation } from './audit-verify';

export type { Violation };

export interface InvariantCheck {
  name: string;
  run(db: Db): Promise<{ summary: string; violations: Violation[] }>;
}

/** The kernel's own invariant; `src/server/checks.ts` lists every module's. */
export const KERNEL_CHECKS: InvariantCheck[] = [
  {
    name: 'audit chain',
    async run(db) {
      const { events, violations } = await verifyAuditChain(db);
      return { summary: `${events} audit events verified`, violations };
    },
  },
];

export async function runChecks(db: Db, checks: InvariantCheck[]): Promise<{ results: Array<{ name: string; summary: string; violations: Violation[] }>; ok: boolean }> {
  const results = [];
  for (const c of checks) results.push({ name: c.name, ...(await c.run(db)) });
  return { results, ok: results.every((r) => r.violations.length === 0) };
}
