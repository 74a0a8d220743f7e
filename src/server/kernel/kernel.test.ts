import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import { newId } from './ids';
import { canSee } from './event-bus';
import { lockDataDir, DataDirInUseError } from './db/lockfile';
import { systemActor } from './actor';
import type { Actor } from './actor';

describe('canonical JSON', () => {
  it('is independent of key order at every depth, as jsonb would reorder them', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z') })).toBe('{"at":"2026-01-02T03:04:05.006Z"}');
  });
});

describe('ids', () => {
  it('are version-7 UUIDs that sort by creation, even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, newId);
    expect(new Set(ids).size).toBe(2000);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 5)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('event visibility', () => {
  const staff: Actor = { ...systemActor(), kind: 'user', permissions: new Set(['users.read', 'events.subscribe']) };
  const customerA: Actor = { ...staff, permissions: new Set(['events.subscribe', 'self.use']), customerId: 'A' };
  it('staff need the permission; customer users see exactly their own customer’s events', () => {
    expect(canSee(staff, { permission: 'users.read', customerId: null })).toBe(true);
    expect(canSee(staff, { permission: 'users.manage', customerId: null })).toBe(false);
    expect(canSee(customerA, { permission: 'customers.read', customerId: 'A' })).toBe(true);
    expect(canSee(customerA, { permission: 'customers.read', customerId: 'B' })).toBe(false);
    expect(canSee(customerA, { permission: 'events.subscribe', customerId: null })).toBe(false);
  });
});

describe('data directory lock', () => {
  it('is exclusive while held, released on release, and taken over from a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopfloor-lock-'));
    try {
      const release = lockDataDir(dir);
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
      release();
      expect(existsSync(join(dir, 'shopfloor.lock'))).toBe(false);
      writeFileSync(join(dir, 'shopfloor.lock'), '2147483646'); // no such process
      const again = lockDataDir(dir);
      again();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('groupThousands', () => {
  it('groups whole digits and keeps the fraction exactly', async () => {
    const { groupThousands } = await import('./quantity-text');
    expect(groupThousands('12000')).toBe('12,000');
    expect(groupThousands('-1234567.000001')).toBe('-1,234,567.000001');
    expect(groupThousands('999')).toBe('999');
  });
});
